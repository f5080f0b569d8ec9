import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { missionLedger } from './missions.ledger.ts';
import { missionsRouter } from './missions.routes.ts';
import { missionFormPages } from './missions-form.pages.ts';
import { missionPages } from './missions.pages.ts';
import type { MissionDeps } from './missions.usecases.ts';

export function missionDeps(deps: AppDeps): MissionDeps {
  return { database: deps.database, clock: deps.clock, quote: deps.quote, ledger: missionLedger(deps.config), publicUrl: deps.config.EMPREINTE_PUBLIC_URL, policy: () => deps.policies.current() };
}

// Everything missions adds to the app (API, pages), mounted with one line in app.ts.
export function missionsModule(deps: AppDeps): Router {
  const mission = missionDeps(deps);
  const router = Router();
  router.use(missionsRouter(mission));
  // The form's /missions/new must be matched before the detail page's /missions/:id.
  router.use(missionFormPages(mission));
  router.use(missionPages(mission));
  return router;
}
