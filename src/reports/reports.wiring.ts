import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { reportsRouter } from './reports.routes.ts';
import { reportsPages } from './reports.pages.ts';

// Everything the reports capability adds to the app (API and pages), mounted with one line in app.ts.
export function reportsModule(deps: AppDeps): Router {
  const router = Router();
  router.use(reportsRouter(deps));
  router.use(reportsPages(deps));
  return router;
}
