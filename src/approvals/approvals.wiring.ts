import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { approvalsRouter } from './approvals.routes.ts';
import { approvalAdminPages } from './approvals.pages.ts';

// The approval chain's admin API and page, mounted with one line in app.ts.
export function approvalsModule(deps: AppDeps): Router {
  const admin = { database: deps.database, clock: deps.clock };
  const router = Router();
  router.use(approvalsRouter(admin));
  router.use(approvalAdminPages(admin));
  return router;
}
