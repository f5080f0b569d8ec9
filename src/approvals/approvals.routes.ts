import { Router } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { body } from '../shared/http.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { approverInputSchema, approvalSettingsInputSchema, entityIdParamSchema } from './approvals.schemas.ts';
import { approvalOverview, setApprovalSettings, setApprover, type ApprovalAdminDeps } from './approvals.usecases.ts';

// The admin side of the approval chain: each entity's chain and who approves. The approver's side
// (queue, approve) is the missions' (src/missions/missions.routes.ts).
export function approvalsRouter(deps: ApprovalAdminDeps): Router {
  const router = Router();

  router.get('/api/approval-settings', requireRole('admin'), async (_req, res) => {
    res.json({ entities: await approvalOverview(deps) });
  });

  router.put('/api/entities/:id/approval-settings', requireRole('admin'), async (req, res) => {
    const entityId = parseOrThrow(entityIdParamSchema, req.params.id, 'entity id');
    res.json({ settings: await setApprovalSettings(deps, entityId, body(req, approvalSettingsInputSchema), currentUser(req).id) });
  });

  for (const [action, active] of [['grant', true], ['withdraw', false]] as const) {
    router.post(`/api/approvers/${action}`, requireRole('admin'), async (req, res) => {
      res.json(await setApprover(deps, body(req, approverInputSchema), active, currentUser(req).id));
    });
  }

  return router;
}
