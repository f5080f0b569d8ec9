import { Router } from 'express';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import { body, query } from '../shared/http.ts';
import { quotaUsageQuerySchema, quotasQuerySchema, setQuotaSchema } from './quotas.schemas.ts';
import { quotaOverview, setQuota, usageQuery, type QuotaDeps } from './quotas.usecases.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';

export function quotasRouter(deps: QuotaDeps): Router {
  const router = Router();

  router.get('/api/quotas', requireRole('admin', 'copil', 'finance'), async (req, res) => {
    const { year } = query(req, quotasQuerySchema);
    res.json(await quotaOverview(deps, year ?? parisCalendarDay(deps.clock.nowMs()).year));
  });

  router.post('/api/quotas', requireRole('admin'), async (req, res) => {
    res.status(201).json({ quota: await setQuota(deps, body(req, setQuotaSchema), currentUser(req).id) });
  });

  // What the mission form shows beside its estimate: the entity's quota, used, this share, what remains.
  router.get('/api/quotas/usage', requireUser, async (req, res) => {
    res.json({ usage: await usageQuery(deps, query(req, quotaUsageQuerySchema)) });
  });

  return router;
}
