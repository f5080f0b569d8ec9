import { Router, type Request } from 'express';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import { body, query } from '../shared/http.ts';
import { noFieldsSchema } from '../shared/no-fields.schema.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { idempotentPost } from './idempotent-post.ts';
import {
  createMissionSchema,
  legIndexSchema,
  listMissionsQuerySchema,
  missionIdSchema,
  switchLegSchema,
  transitionSchema,
  updateMissionSchema,
  visioRecruitmentSchema,
} from './missions.schemas.ts';
import { createMission, getMission, listMissionsFor, updateMission, type MissionDeps } from './missions.usecases.ts';
import { transitionMission, workflowActions } from './missions-workflow.usecases.ts';
import { switchFlightLeg } from './missions-switch.usecases.ts';
import { approvalQueue, approveMission } from './missions-approval.usecases.ts';
import { approveInputSchema } from '../approvals/approvals.schemas.ts';
import { flagMessage } from './mission-policy.usecases.ts';
import { myVisioRecruitments, recordVisioRecruitment, withdrawVisioRecruitment } from './visio-recruitments.usecases.ts';
import { notFound } from './missions.models.ts';
import { quoteQuerySchema } from '../quote/quote.schemas.ts';
import { quoteInLanguage } from '../quote/quote-language.models.ts';

// A malformed id cannot name a mission: same 404 as an unknown one.
export function missionIdParam(req: Request): string {
  const parsed = missionIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export function missionsRouter(deps: MissionDeps): Router {
  const router = Router();
  router.use('/api/missions', requireUser);

  router.post('/api/missions', requireRole('staff'), async (req, res) => {
    const input = body(req, createMissionSchema);
    await idempotentPost(deps, req, res, async () => ({ status: 201, body: await createMission(deps, currentUser(req), input) }));
  });

  router.get('/api/missions', async (req, res) => {
    res.json(await listMissionsFor(deps, currentUser(req), query(req, listMissionsQuerySchema)));
  });

  router.get('/api/missions/:id', async (req, res) => {
    // The quote's texts in the reader's language (`?lang=en`; French by default), as POST /api/quote.
    const { lang } = query(req, quoteQuerySchema);
    const mission = await getMission(deps, currentUser(req), missionIdParam(req));
    res.json({ ...mission, quote: quoteInLanguage(mission.quote, lang), flags: mission.flags.map((flag) => ({ ...flag, message: flagMessage(flag, lang) })) });
  });

  router.patch('/api/missions/:id', async (req, res) => {
    const id = missionIdParam(req);
    res.json(await updateMission(deps, currentUser(req), id, body(req, updateMissionSchema)));
  });

  for (const action of workflowActions) {
    router.post(`/api/missions/:id/${action}`, async (req, res) => {
      const id = missionIdParam(req);
      const input = body(req, transitionSchema);
      await idempotentPost(deps, req, res, async () => ({ status: 200, body: await transitionMission(deps, currentUser(req), id, action, input) }));
    });
  }

  // A recruitment held by video conference, for the copil's indicator (two clicks from /missions).
  router.post('/api/visio-recruitments', requireRole('staff'), async (req, res) => {
    res.status(201).json({ visioRecruitment: await recordVisioRecruitment(deps, currentUser(req), body(req, visioRecruitmentSchema)) });
  });
  router.get('/api/visio-recruitments', requireUser, async (req, res) => {
    res.json({ visioRecruitments: await myVisioRecruitments(deps, currentUser(req)) });
  });
  router.post('/api/visio-recruitments/:id/withdraw', requireRole('staff'), async (req, res) => {
    body(req, noFieldsSchema);
    res.json({ visioRecruitment: await withdrawVisioRecruitment(deps, currentUser(req), String(req.params.id)) });
  });

  // The approver's side of the chain (src/approvals): the missions awaiting a step this person takes.
  router.get('/api/approvals', requireUser, async (req, res) => {
    res.json({ missions: await approvalQueue(deps, currentUser(req)) });
  });

  router.post('/api/missions/:id/approve', async (req, res) => {
    const id = missionIdParam(req);
    const input = body(req, approveInputSchema);
    await idempotentPost(deps, req, res, async () => ({ status: 200, body: await approveMission(deps, currentUser(req), id, input) }));
  });

  router.post('/api/missions/:id/legs/:index/switch', async (req, res) => {
    const id = missionIdParam(req);
    const index = parseOrThrow(legIndexSchema, req.params.index, 'leg index');
    const { to } = body(req, switchLegSchema);
    await idempotentPost(deps, req, res, async () => ({ status: 200, body: await switchFlightLeg(deps, currentUser(req), id, index, to) }));
  });

  return router;
}
