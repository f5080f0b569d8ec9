import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import { body, query } from '../shared/http.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { runIdempotent, type Answer } from './idempotency.usecases.ts';
import {
  createMissionSchema,
  idempotencyKeySchema,
  legIndexSchema,
  listMissionsQuerySchema,
  missionIdSchema,
  switchLegSchema,
  transitionSchema,
  updateMissionSchema,
} from './missions.schemas.ts';
import { createMission, getMission, listMissionsFor, updateMission, type MissionDeps } from './missions.usecases.ts';
import { transitionMission, workflowActions } from './missions-workflow.usecases.ts';
import { switchFlightLeg } from './missions-switch.usecases.ts';
import { notFound } from './missions.models.ts';
import { quoteQuerySchema } from '../quote/quote.schemas.ts';
import { quoteInLanguage } from '../quote/quote-language.models.ts';

// A malformed id cannot name a mission: same 404 as an unknown one.
function missionId(req: Request): string {
  const parsed = missionIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

function idempotencyKey(req: Request): string | undefined {
  const raw = req.get('Idempotency-Key');
  return raw === undefined ? undefined : parseOrThrow(idempotencyKeySchema, raw, 'Idempotency-Key header');
}

function send(res: Response, answer: Answer): void {
  if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(answer.status).json(answer.body);
}

// Every POST goes through the idempotency store: a double click or a retried request acts once.
function idempotentPost(deps: MissionDeps, req: Request, res: Response, action: () => Answer): void {
  const user = currentUser(req);
  const ctx = { userId: user.id, key: idempotencyKey(req), route: `${req.method} ${req.path}`, body: req.body ?? {} };
  send(res, runIdempotent(deps.database, deps.clock, ctx, action));
}

export function missionsRouter(deps: MissionDeps): Router {
  const router = Router();
  router.use('/api/missions', requireUser);

  router.post('/api/missions', requireRole('staff'), (req, res) => {
    const input = body(req, createMissionSchema);
    idempotentPost(deps, req, res, () => ({ status: 201, body: createMission(deps, currentUser(req), input) }));
  });

  router.get('/api/missions', (req, res) => {
    res.json(listMissionsFor(deps, currentUser(req), query(req, listMissionsQuerySchema)));
  });

  router.get('/api/missions/:id', (req, res) => {
    // The quote's texts in the reader's language (`?lang=en`; French by default), as POST /api/quote.
    const { lang } = query(req, quoteQuerySchema);
    const mission = getMission(deps, currentUser(req), missionId(req));
    res.json({ ...mission, quote: quoteInLanguage(mission.quote, lang) });
  });

  router.patch('/api/missions/:id', (req, res) => {
    const id = missionId(req);
    res.json(updateMission(deps, currentUser(req), id, body(req, updateMissionSchema)));
  });

  for (const action of workflowActions) {
    router.post(`/api/missions/:id/${action}`, (req, res) => {
      const id = missionId(req);
      const input = body(req, transitionSchema);
      idempotentPost(deps, req, res, () => ({ status: 200, body: transitionMission(deps, currentUser(req), id, action, input) }));
    });
  }

  router.post('/api/missions/:id/legs/:index/switch', (req, res) => {
    const id = missionId(req);
    const index = parseOrThrow(legIndexSchema, req.params.index, 'leg index');
    const { to } = body(req, switchLegSchema);
    idempotentPost(deps, req, res, () => ({ status: 200, body: switchFlightLeg(deps, currentUser(req), id, index, to) }));
  });

  return router;
}
