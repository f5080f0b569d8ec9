import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { claimLedger } from './claims.ledger.ts';
import { claimsRouter } from './claims.routes.ts';
import { paymentsRouter } from './payments.routes.ts';
import { claimPages } from './claims.pages.ts';
import { paymentsPages } from './payments.pages.ts';
import type { ClaimDeps } from './claims.usecases.ts';

export function claimDeps(deps: AppDeps): ClaimDeps {
  return { database: deps.database, clock: deps.clock, quote: deps.quote, ledger: claimLedger(deps.config), publicUrl: deps.config.EMPREINTE_PUBLIC_URL };
}

// Everything claims add to the app (API, pages), mounted with one line in app.ts.
export function claimsModule(deps: AppDeps): Router {
  const router = Router();
  const claim = claimDeps(deps);
  router.use(claimsRouter(claim));
  router.use(paymentsRouter(deps));
  router.use(claimPages(claim));
  router.use(paymentsPages(deps));
  return router;
}
