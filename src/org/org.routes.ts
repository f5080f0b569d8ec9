import { Router } from 'express';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { body, query } from '../shared/http.ts';
import { budgetLineCreateSchema, budgetLinesQuerySchema, entityCreateSchema, noFieldsSchema } from './org.schemas.ts';
import * as org from './org.usecases.ts';

export function orgRouter(deps: { database: Database; clock: Clock }): Router {
  const router = Router();

  router.get('/api/entities', requireUser, async (_req, res) => {
    res.json({ entities: await org.listEntities(deps) });
  });

  router.get('/api/budget-lines', requireUser, async (req, res) => {
    const { entity } = query(req, budgetLinesQuerySchema);
    res.json({ budgetLines: await org.listBudgetLines(deps, entity) });
  });

  router.post('/api/entities', requireRole('admin'), async (req, res) => {
    res.status(201).json({ entity: await org.createEntity(deps, body(req, entityCreateSchema), currentUser(req).id) });
  });

  router.post('/api/budget-lines', requireRole('admin'), async (req, res) => {
    res.status(201).json({ budgetLine: await org.createBudgetLine(deps, body(req, budgetLineCreateSchema), currentUser(req).id) });
  });

  for (const [action, active] of [['close', false], ['reopen', true]] as const) {
    router.post(`/api/budget-lines/:id/${action}`, requireRole('admin'), async (req, res) => {
      body(req, noFieldsSchema);
      res.json(await org.setBudgetLineActive(deps, String(req.params.id), active, currentUser(req).id));
    });
  }

  return router;
}
