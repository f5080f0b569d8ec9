import { Router } from 'express';
import type { Database } from '../shared/db.ts';
import { databaseMigrationStatus } from '../ops/migration-status.ts';

// Liveness says the process answers; readiness says it can do its job: the database answers a query
// and its schema is exactly the one this code was written for (no migration missing, none newer).
export function healthRouter(deps: { database: Database }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      const migrations = await databaseMigrationStatus(deps.database);
      if (!migrations.current) {
        res.status(503).json({ status: 'unavailable', reason: 'migrations', pending: migrations.pending, unknown: migrations.unknown });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });
  return router;
}
