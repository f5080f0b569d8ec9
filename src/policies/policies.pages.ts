import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { formErrors } from '../ledger/ledger-pages.helpers.ts';
import type { PolicySwitchKey } from './policies.models.ts';
import { policySwitchForm } from './policies.schemas.ts';
import { policyOverview, setPolicySwitch, type PolicyDeps } from './policies.usecases.ts';

// /admin/policies: each of the action plan's switches with its state, a button to turn it the other
// way (a new row, through the same use case as POST /api/admin/policies) and the full history.

async function showPolicies(deps: PolicyDeps, res: Response, problem?: string): Promise<void> {
  const t = res.locals.t;
  const overview = await policyOverview(deps);
  const rule = (key: PolicySwitchKey) => t(`policies.${key}.name`);
  const state = (enabled: boolean) => t(enabled ? 'policies.state.on' : 'policies.state.off');
  renderPage(res, 'policies/admin', {
    title: t('policies.admin.title'),
    problem: problem ?? null,
    switches: overview.switches.map((s) => ({
      key: s.key,
      enabled: s.enabled,
      name: rule(s.key),
      description: t(`policies.${s.key}.description`),
      stateLabel: state(s.enabled),
      sourceLabel: t(s.source === 'admin' ? 'policies.source.admin' : 'policies.source.default'),
      actionLabel: t(s.enabled ? 'policies.action.off' : 'policies.action.on'),
    })),
    history: overview.history.map((h) => ({ at: h.setAt, rule: rule(h.key as PolicySwitchKey), state: state(h.enabled), who: h.setByName ?? '—', note: h.note ?? '' })),
  });
}

export function policyAdminPages(deps: PolicyDeps): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.get('/admin/policies', admin, (_req, res) => showPolicies(deps, res));
  router.post('/admin/policies', admin, async (req: Request, res: Response) => {
    const parsed = policySwitchForm.safeParse(req.body);
    if (!parsed.success) return showPolicies(deps, res.status(400), Object.values(formErrors(parsed.error.issues, res.locals.t)).join(' '));
    const change = await setPolicySwitch(deps, parsed.data, currentUser(req).id);
    setFlash(res, change.enabled ? 'policies.flash.on' : 'policies.flash.off', { params: { rule: res.locals.t(`policies.${parsed.data.key}.name`) } });
    res.redirect(303, '/admin/policies');
  });
  return router;
}
