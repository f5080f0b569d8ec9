import { Router } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { body } from '../shared/http.ts';
import { setPolicySwitchSchema } from './policies.schemas.ts';
import { policyOverview, setPolicySwitch, type PolicyDeps } from './policies.usecases.ts';

// Admin API over the action plan's switches (the copil reads them too: they explain its figures).
export function policiesRouter(deps: PolicyDeps): Router {
  const router = Router();

  router.get('/api/admin/policies', requireRole('admin', 'copil'), async (_req, res) => {
    const { switches, defaults, history } = await policyOverview(deps);
    res.json({ switches, defaults, history: history.map(({ setByName: _name, ...row }) => row) });
  });

  router.post('/api/admin/policies', requireRole('admin'), async (req, res) => {
    res.status(201).json({ change: await setPolicySwitch(deps, body(req, setPolicySwitchSchema), currentUser(req).id) });
  });

  return router;
}
