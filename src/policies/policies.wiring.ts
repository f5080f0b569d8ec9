import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { policiesRouter } from './policies.routes.ts';
import { policyAdminPages } from './policies.pages.ts';
import { policyDefaults, type PolicyDeps } from './policies.usecases.ts';

export const policyDeps = (deps: AppDeps): PolicyDeps => ({ database: deps.database, clock: deps.clock, defaults: policyDefaults(deps.config) });

// The action plan's switches: API and the /admin/policies page, mounted with one line in app.ts.
export function policiesModule(deps: AppDeps): Router {
  const policies = policyDeps(deps);
  const router = Router();
  router.use(policiesRouter(policies));
  router.use(policyAdminPages(policies));
  return router;
}
