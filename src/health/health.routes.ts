import { Router } from 'express';
import type { DbHandle } from '../shared/db.ts';

export function healthRouter(deps: { database: DbHandle }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    try {
      deps.database.sqlite.prepare('select 1').get();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  return router;
}
