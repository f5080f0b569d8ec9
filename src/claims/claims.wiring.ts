import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { claimLedger } from './claims.ledger.ts';
import { claimsRouter } from './claims.routes.ts';
import { paymentsRouter } from './payments.routes.ts';
import type { ClaimDeps } from './claims.usecases.ts';

export function claimDeps(deps: AppDeps): ClaimDeps {
  return { database: deps.database, clock: deps.clock, quote: deps.quote, ledger: claimLedger(deps.config) };
}

// Everything claims add to the app (API, pages), mounted with one line in app.ts.
export function claimsModule(deps: AppDeps): Router {
  const router = Router();
  router.use(claimsRouter(claimDeps(deps)));
  router.use(paymentsRouter(deps));
  return router;
}
