import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { describeError, isAppError } from '../shared/errors.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { formErrors, pageTools } from '../ledger/ledger-pages.helpers.ts';
import type { FieldErrors } from '../web/forms.ts';
import { approvalChains } from './approvals.models.ts';
import { approvalSettingsForm, approverForm, approverInputSchema, entityIdParamSchema } from './approvals.schemas.ts';
import { approvalOverview, approverCandidates, setApprovalSettings, setApprover, type ApprovalAdminDeps } from './approvals.usecases.ts';

// /admin/approvals: each entity's chain, its heads and its lines' holders, through the same use cases
// as the API (a change is a new row; pending missions keep their round).

type Failed = { entityId: string; errors: FieldErrors; values: Record<string, string> };

async function showAdmin(deps: ApprovalAdminDeps, req: Request, res: Response, failed?: Failed): Promise<void> {
  const { t, f } = pageTools(res);
  const [overview, people] = await Promise.all([approvalOverview(deps), approverCandidates(deps)]);
  const personOptions = [{ value: '', label: t('approvals.admin.person.choose') }, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))];
  renderPage(res, 'approvals/admin', {
    title: t('approvals.admin.title'),
    chainOptions: approvalChains.map((c) => ({ value: c, label: t(`approvals.chain.${c}`) })),
    personOptions,
    entities: overview.map((e) => {
      const mine = failed?.entityId === e.entity.id ? failed : undefined;
      return {
        ...e,
        errors: mine?.errors ?? {},
        values: mine?.values ?? { chain: e.settings.chain, threshold: (e.settings.budgetHolderAboveCents / 100).toFixed(2).replace('.', ',') },
        lastChange: e.settings.setAt,
        thresholdLabel: f.eur(e.settings.budgetHolderAboveCents),
      };
    }),
  });
}

export function approvalAdminPages(deps: ApprovalAdminDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/admin/approvals', admin, (req, res) => showAdmin(deps, req, res));

  router.post('/admin/approvals/:entityId/settings', admin, async (req, res) => {
    const entityId = entityIdParamSchema.safeParse(req.params.entityId);
    if (!entityId.success) return showAdmin(deps, req, res.status(404));
    const parsed = approvalSettingsForm.safeParse(req.body);
    const values = { chain: String(req.body?.chain ?? ''), threshold: String(req.body?.threshold ?? '') };
    if (!parsed.success) return showAdmin(deps, req, res.status(400), { entityId: entityId.data, errors: formErrors(parsed.error.issues, res.locals.t), values });
    await setApprovalSettings(deps, entityId.data, { chain: parsed.data.chain, budgetHolderAboveCents: parsed.data.threshold }, currentUser(req).id);
    setFlash(res, 'approvals.flash.saved');
    res.redirect(303, `/admin/approvals#entity-${entityId.data}`);
  });

  for (const [action, active] of [['grant', true], ['withdraw', false]] as const) {
    router.post(`/admin/approvals/approvers/${action}`, admin, async (req, res) => {
      const parsed = approverForm.pipe(approverInputSchema).safeParse(req.body);
      const entityId = String(req.body?.entityId ?? '');
      if (!parsed.success) return showAdmin(deps, req, res.status(400), { entityId, errors: formErrors(parsed.error.issues, res.locals.t), values: {} });
      try {
        const { changed } = await setApprover(deps, parsed.data, active, currentUser(req).id);
        setFlash(res, changed ? (active ? 'approvals.flash.granted' : 'approvals.flash.withdrawn') : 'approvals.flash.unchanged');
      } catch (err) {
        if (!isAppError(err) || err.status >= 500) throw err;
        return showAdmin(deps, req, res.status(err.status), { entityId, errors: { userId: describeError(err, res.locals.lang).message }, values: {} });
      }
      res.redirect(303, `/admin/approvals${/^ent_/.test(entityId) ? `#entity-${entityId}` : ''}`);
    });
  }

  return router;
}
