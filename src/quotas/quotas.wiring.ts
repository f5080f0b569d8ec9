import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { quotasRouter } from './quotas.routes.ts';
import { quotaAdminPages } from './quotas.pages.ts';

// The carbon quota per entity: API and the /admin/quotas page, mounted with one line in app.ts.
export function quotasModule(deps: AppDeps): Router {
  const quotas = { database: deps.database, clock: deps.clock };
  const router = Router();
  router.use(quotasRouter(quotas));
  router.use(quotaAdminPages(quotas));
  return router;
}
