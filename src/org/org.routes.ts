import { Router } from 'express';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import type { Clock } from '../shared/clock.ts';
import type { DbHandle } from '../shared/db.ts';
import { body, query } from '../shared/http.ts';
import { budgetLineCreateSchema, budgetLinesQuerySchema, entityCreateSchema, noFieldsSchema } from './org.schemas.ts';
import * as org from './org.usecases.ts';

export function orgRouter(deps: { database: DbHandle; clock: Clock }): Router {
  const router = Router();

  router.get('/api/entities', requireUser, (_req, res) => {
    res.json({ entities: org.listEntities(deps) });
  });

  router.get('/api/budget-lines', requireUser, (req, res) => {
    const { entity } = query(req, budgetLinesQuerySchema);
    res.json({ budgetLines: org.listBudgetLines(deps, entity) });
  });

  router.post('/api/entities', requireRole('admin'), (req, res) => {
    res.status(201).json({ entity: org.createEntity(deps, body(req, entityCreateSchema), currentUser(req).id) });
  });

  router.post('/api/budget-lines', requireRole('admin'), (req, res) => {
    res.status(201).json({ budgetLine: org.createBudgetLine(deps, body(req, budgetLineCreateSchema), currentUser(req).id) });
  });

  for (const [action, active] of [['close', false], ['reopen', true]] as const) {
    router.post(`/api/budget-lines/:id/${action}`, requireRole('admin'), (req, res) => {
      body(req, noFieldsSchema);
      res.json(org.setBudgetLineActive(deps, String(req.params.id), active, currentUser(req).id));
    });
  }

  return router;
}
