import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { carbonPricesRouter } from './carbon-prices.routes.ts';
import { adminPages } from './carbon-prices.pages.ts';
import type { CarbonPriceDeps } from './carbon-prices.usecases.ts';

// The carbon price per year: admin API and the /admin page, mounted with one line in app.ts.
export function carbonPricesModule(deps: AppDeps): Router {
  const prices: CarbonPriceDeps = { database: deps.database, clock: deps.clock, defaultPricePerTonneCents: deps.config.EMPREINTE_CARBON_PRICE_CENTS };
  const router = Router();
  router.use(carbonPricesRouter(prices));
  router.use(adminPages(prices));
  return router;
}
