import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import { isAppError } from '../shared/errors.ts';
import { missionErrors } from './missions.errors.ts';
import { errorFromBody, type ErrorBody } from '../shared/http.ts';
import { formatInstant, type MessageKey } from '../shared/i18n/index.ts';
import { setFlash } from '../web/flash.ts';
import type { FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { findBudgetLine, listEntities } from '../org/org.usecases.ts';
import { runIdempotent } from './idempotency.usecases.ts';
import { decide, missionStatuses } from './missions.models.ts';
import { getMission, listMissionsFor, type MissionDeps, type MissionSummary } from './missions.usecases.ts';
import { transitionMission, workflowActions, type WorkflowAction } from './missions-workflow.usecases.ts';
import { approvalQueue, approveMission } from './missions-approval.usecases.ts';
import { approvalView } from './missions-approval.views.ts';
import { quotaBox } from '../quotas/quotas.views.ts';
import { flagMessage } from './mission-policy.usecases.ts';
import { errorsFromAppError, errorsFromIssues, formString, newIdemKey, pageTools } from './missions-page.helpers.ts';
import { countryName, countryOptions } from './countries.data.ts';
import { myVisioRecruitments, recordVisioRecruitment, withdrawVisioRecruitment } from './visio-recruitments.usecases.ts';
import { visioRecruitmentSchema } from './missions.schemas.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { quoteView } from './missions.views.ts';
import { canSeeClaim } from '../claims/claims.models.ts';
import type { Formatters } from './missions.views.ts';
import type { Lang, Translate } from '../shared/i18n/index.ts';

type PageAction = WorkflowAction | 'approve';
const pageActions: readonly PageAction[] = [...workflowActions, 'approve'];

const pastTense: Record<PageAction, MessageKey> = {
  submit: 'missions.flash.submitted',
  approve: 'missions.flash.approved',
  validate: 'missions.flash.validated',
  return: 'missions.flash.returned',
  reject: 'missions.flash.rejected',
  cancel: 'missions.flash.cancelled',
};

function row(m: MissionSummary, f: Formatters, lang: Lang) {
  return {
    id: m.id,
    version: m.version,
    traveller: m.travellerName ?? m.travellerId,
    destination: f.destination(m, (code) => countryName(lang, code)),
    dates: f.dates(m),
    purpose: f.purpose(m.purpose),
    status: m.status,
    statusLabel: f.status(m.status),
    co2e: f.kg(m.co2eGrams),
    cost: f.eur(m.costCents),
  };
}

async function showDetail(deps: MissionDeps, req: Request, res: Response, id: string, extra: { errors?: FieldErrors; comment?: string } = {}): Promise<void> {
  const { lang, t, f } = pageTools(res);
  const user = currentUser(req);
  const mission = await getMission(deps, user, id);
  const actions = mission.actions;
  const line = mission.budgetLineId ? await findBudgetLine(deps, mission.budgetLineId) : undefined;
  const destination = f.destination(mission, (code) => countryName(lang, code));
  renderPage(res, 'missions/detail', {
    title: t('missions.detail.title', { destination }),
    mission,
    destination,
    budgetLine: line ? `${line.code} — ${line.label}` : '—',
    quote: quoteView(mission.quote, f, t, lang),
    f,
    canEdit: actions.includes('edit'),
    // A validated mission is claimed after the trip: the traveller opens the claim, the others read it.
    claimHref: mission.status === 'validated' && canSeeClaim(user, mission) ? `/missions/${mission.id}/claim` : null,
    actions: actions.filter((a): a is PageAction => a !== 'edit'),
    approval: approvalView(mission.approval, t, (iso) => formatInstant(iso, lang)),
    quota: quotaBox(mission.quota, f.kg, t, (iso) => formatInstant(iso, lang)),
    missionFlags: mission.flags.map((flag) => ({ severity: flag.severity, message: flagMessage(flag, lang) })),
    returnedComment: mission.status === 'returned' ? ([...mission.audit].reverse().find((a) => a.action === 'return')?.comment ?? null) : null,
    errors: extra.errors ?? {},
    comment: extra.comment ?? '',
    idem: newIdemKey(),
  });
}

const queueFilterSchema = z.object({
  status: z.union([z.enum(missionStatuses), z.literal('')]).default('submitted'),
  entity: z.string().max(60).default(''),
  from: z.union([z.iso.date(), z.literal('')]).default(''),
  to: z.union([z.iso.date(), z.literal('')]).default(''),
});

async function showQueue(deps: MissionDeps, req: Request, res: Response): Promise<void> {
  const { lang, t, f } = pageTools(res);
  const user = currentUser(req);
  const parsed = queueFilterSchema.safeParse(req.query);
  const filters = parsed.success ? parsed.data : { status: 'submitted' as const, entity: '', from: '', to: '' };
  const { missions, total } = await listMissionsFor(deps, user, {
    status: filters.status || undefined,
    entity: filters.entity.startsWith('ent_') ? filters.entity : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    // Submitted missions reach the secretariat once their approval chain is complete.
    approval: filters.status === 'submitted' ? 'complete' : undefined,
    limit: 200,
    offset: 0,
  });
  const decidable = (m: MissionSummary) => {
    try {
      return decide('validate', { travellerId: m.travellerId, status: m.status }, user) === 'validated';
    } catch {
      return false;
    }
  };
  renderPage(res.status(parsed.success ? 200 : 400), 'missions/queue', {
    title: t('missions.queue.title'),
    filters,
    errors: parsed.success ? {} : errorsFromIssues(parsed.error.issues, t),
    statuses: [{ value: '', label: t('missions.queue.status.all') }, ...missionStatuses.map((s) => ({ value: s, label: f.status(s) }))],
    entities: [{ value: '', label: t('missions.queue.entity.all') }, ...(await listEntities(deps)).map((e) => ({ value: e.id, label: e.name }))],
    rows: missions.map((m) => ({ ...row(m, f, lang), decidable: decidable(m), idem: newIdemKey() })),
    total,
  });
}

async function act(deps: MissionDeps, req: Request, res: Response): Promise<void> {
  const user = currentUser(req);
  const id = String(req.params.id);
  const intent = formString(req, 'intent') as PageAction;
  const comment = formString(req, 'comment');
  if (!pageActions.includes(intent)) throw missionErrors.unknownAction({}, [{ path: 'intent', message: 'unknown action' }]);
  const version = /^\d+$/.test(formString(req, 'version')) ? Number(formString(req, 'version')) : undefined;
  const ctx = { userId: user.id, key: formString(req, '_idem') || undefined, route: `${req.method} ${req.path}`, body: req.body };
  try {
    const step = () => (intent === 'approve' ? approveMission(deps, user, id, { comment, version }) : transitionMission(deps, user, id, intent, { comment, version }));
    const answer = await runIdempotent(deps.database, deps.clock, ctx, async () => ({ status: 200, body: (await step()).id }));
    if (answer.status !== 200) {
      const body = answer.body as ErrorBody;
      throw errorFromBody(answer.status, body);
    }
  } catch (err) {
    if (!isAppError(err) || err.status >= 500 || err.status === 404) throw err;
    return showDetail(deps, req, res.status(err.status), id, { errors: errorsFromAppError(err, res.locals.t), comment });
  }
  setFlash(res, pastTense[intent]);
  const back: Record<string, string> = { queue: '/secretariat', approvals: '/approvals' };
  res.redirect(303, back[String(req.query.from)] ?? `/missions/${id}`);
}

// My missions, with the two-click record of a recruitment held by video conference (and the
// person's latest ones) below them.
async function showList(deps: MissionDeps, req: Request, res: Response, visio: { values?: Record<string, string>; errors?: FieldErrors } = {}): Promise<void> {
  const { lang, t, f } = pageTools(res);
  const user = currentUser(req);
  const { missions } = await listMissionsFor(deps, user, { traveller: user.id, limit: 200, offset: 0 });
  renderPage(res, 'missions/list', { title: t('missions.list.title'), rows: missions.map((m) => row(m, f, lang)), ...(await visioForm(deps, user, lang, t, visio.values, visio.errors)) });
}

async function visioForm(deps: MissionDeps, user: ReturnType<typeof currentUser>, lang: Lang, t: Translate, values?: Record<string, string>, errors: FieldErrors = {}) {
  const recorded = await myVisioRecruitments(deps, user, 5);
  return {
    visio: {
      countries: [{ value: '', label: t('missions.form.destinationCountry.none') }, ...countryOptions(lang).filter((c) => c.code !== 'FR').map((c) => ({ value: c.code, label: c.name }))],
      values: values ?? { country: '', heldOn: parisCalendarDay(deps.clock.nowMs()).isoDate },
      errors,
      recorded: recorded.map((r) => ({ id: r.id, country: countryName(lang, r.country), day: r.heldOn.split('-').reverse().join('/'), withdrawn: r.withdrawnAt !== null })),
      canRecord: user.entityId !== null,
    },
  };
}

export function missionPages(deps: MissionDeps): Router {
  const router = Router();
  router.get('/missions', requireUser, async (req, res) => {
    await showList(deps, req, res);
  });
  router.post('/missions/visio-recruitments', requireRole('staff'), async (req, res) => {
    try {
      const input = parseOrThrow(visioRecruitmentSchema, { country: formString(req, 'country'), heldOn: formString(req, 'heldOn') || undefined }, 'visio recruitment');
      await recordVisioRecruitment(deps, currentUser(req), input);
    } catch (err) {
      if (!isAppError(err) || err.status >= 500) throw err;
      const values = { country: formString(req, 'country'), heldOn: formString(req, 'heldOn') };
      return showList(deps, req, res.status(err.status), { values, errors: errorsFromAppError(err, res.locals.t) });
    }
    setFlash(res, 'missions.flash.visioRecorded');
    res.redirect(303, '/missions#visio-recruitment');
  });
  router.post('/missions/visio-recruitments/:id/withdraw', requireRole('staff'), async (req, res) => {
    try {
      await withdrawVisioRecruitment(deps, currentUser(req), String(req.params.id));
    } catch (err) {
      if (!isAppError(err) || err.status >= 500) throw err;
      setFlash(res, err.status === 404 ? 'missions.visio.notFound' : 'missions.visio.alreadyWithdrawn', { kind: 'error' });
      return res.redirect(303, '/missions#visio-recruitment');
    }
    setFlash(res, 'missions.flash.visioWithdrawn');
    res.redirect(303, '/missions#visio-recruitment');
  });
  router.get('/secretariat', requireRole('secretariat'), (req, res) => showQueue(deps, req, res));
  router.get('/approvals', requireUser, async (req, res) => {
    const { lang, t, f } = pageTools(res);
    const missions = await approvalQueue(deps, currentUser(req));
    renderPage(res, 'approvals/queue', { title: t('approvals.queue.title'), rows: missions.map((m) => ({ ...row(m, f, lang), idem: newIdemKey() })) });
  });
  router.get('/missions/:id', requireUser, (req, res) => showDetail(deps, req, res, String(req.params.id)));
  router.post('/missions/:id/action', requireUser, (req, res) => act(deps, req, res));
  return router;
}
