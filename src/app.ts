import express, { type Express } from 'express';
import type { AppDeps } from './deps.ts';
import { apiNotFound, jsonErrorHandler } from './shared/http.ts';
import { healthRouter } from './health/health.routes.ts';
import { placesRouter } from './places/places.routes.ts';
import { factorsRouter } from './footprint/factors.routes.ts';
import { ledgerRouter } from './ledger/ledger.routes.ts';

export type { AppDeps } from './deps.ts';

// Wires routers only; every dependency comes in through `deps` so tests can build an app per case.
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '256kb', strict: true }));

  app.use(healthRouter(deps));
  app.use(placesRouter(deps));
  app.use(factorsRouter(deps));
  app.use(ledgerRouter(deps));

  app.use('/api', apiNotFound);
  app.use(jsonErrorHandler((err) => (deps.logError ?? console.error)(err)));
  return app;
}
