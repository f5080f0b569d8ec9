import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { isAppError } from '../shared/errors.ts';
import { errorFromBody, type ErrorBody } from '../shared/http.ts';
import { formatInstant, type MessageKey, type Translate } from '../shared/i18n/index.ts';
import { setFlash } from '../web/flash.ts';
import type { FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { computeQuote, type Quote } from '../quote/quote.usecases.ts';
import { runIdempotent } from './idempotency.usecases.ts';
import { emptyForm, emptyLeg, formFromBody, formModes, formFromTrip, inputFromForm, MAX_FORM_LEGS, parseIntent, type FormIntent, type MissionForm } from './mission-form.models.ts';
import { authorize, type MissionStatus } from './missions.models.ts';
import { createMissionSchema } from './missions.schemas.ts';
import { createMission, getMission, updateMission, type MissionDeps } from './missions.usecases.ts';
import { transitionMission } from './missions-workflow.usecases.ts';
import { switchFlightLeg } from './missions-switch.usecases.ts';
import { errorsFromAppError, errorsFromIssues, formString, newIdemKey, pageTools, selectOptions } from './missions-page.helpers.ts';
import { quoteView } from './missions.views.ts';
import { quotaBox } from '../quotas/quotas.views.ts';
import { usageQuery } from '../quotas/quotas.usecases.ts';
import { findBudgetLine } from '../org/org.usecases.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';

// The few messages the live estimate needs in the browser, in the page's language.
const clientKeys = [
  'missions.quote.co2e', 'missions.quote.cost', 'missions.quote.offset', 'missions.quote.leg', 'missions.quote.factorSet', 'missions.quote.error',
  'missions.alt.title', 'missions.alt.train', 'missions.alt.visio', 'missions.alt.figures', 'missions.alt.duration', 'missions.alt.unavailable',
  'missions.alt.switch.train', 'missions.alt.switch.visio', ...formModes.map((m) => `missions.mode.${m}`),
] as MessageKey[];
const clientMessages = (t: Translate) => JSON.stringify(Object.fromEntries(clientKeys.map((k) => [k, t(k)])));

type FormState = { form: MissionForm; errors?: FieldErrors; quote?: Quote | null; quoteError?: string | null; missionId?: string; returnedComment?: string | null };

async function showForm(deps: MissionDeps, req: Request, res: Response, state: FormState): Promise<void> {
  const { lang, t, f } = pageTools(res);
  const user = currentUser(req);
  renderPage(res, 'missions/form', {
    title: t(state.missionId ? 'missions.form.title.edit' : 'missions.form.title.new'),
    scripts: ['mission-form.js'],
    formAction: state.missionId ? `/missions/${state.missionId}/edit` : '/missions/new',
    form: state.form,
    errors: state.errors ?? {},
    quote: state.quote ? quoteView(state.quote, f, t, lang) : null,
    quoteError: state.quoteError ?? null,
    returnedComment: state.returnedComment ?? null,
    idem: newIdemKey(),
    clientI18n: clientMessages(t),
    quota: quotaBox(await formQuota(deps, user, state), f.kg, t, (iso) => formatInstant(iso, lang)),
    // The rail pre-routing aid is the students' (the action plan's measure), asked on their form only.
    isStudent: user.category === 'student' || state.form.railAidEuros !== '',
    ...await selectOptions(deps.database, lang, t, user.entityId),
  });
}

// The quota of the entity that would pay (the chosen line's, else the traveller's), for the year of
// departure (this year while no date is given), with the estimate shown as this mission's share.
async function formQuota(deps: MissionDeps, user: AuthenticatedUser, state: FormState) {
  const line = /^bgl_/.test(state.form.budgetLineId) ? await findBudgetLine(deps, state.form.budgetLineId) : undefined;
  const entity = line?.entityId ?? user.entityId;
  if (!entity) return null;
  const year = /^\d{4}-/.test(state.form.departDate) ? Number(state.form.departDate.slice(0, 4)) : parisCalendarDay(deps.clock.nowMs()).year;
  return usageQuery(deps, { entity, year, co2eGrams: state.quote?.totals.co2eGrams ?? 0, mission: state.missionId });
}

type Parsed = { ok: true; input: ReturnType<typeof createMissionSchema.parse> } | { ok: false; errors: FieldErrors };

function parse(form: MissionForm, res: Response): Parsed {
  const result = createMissionSchema.safeParse(inputFromForm(form));
  return result.success ? { ok: true, input: result.data } : { ok: false, errors: errorsFromIssues(result.error.issues, res.locals.t) };
}

// The estimate shown beside the form; a place the engine cannot resolve is shown next to its field.
function tryQuote(deps: MissionDeps, user: AuthenticatedUser, parsed: Parsed, res: Response): { quote: Quote | null; errors: FieldErrors } {
  if (!parsed.ok) return { quote: null, errors: parsed.errors };
  try {
    const trip = { ...parsed.input.trip, traveler: { kmDrivenThisYear: 0, category: user.category } };
    return { quote: computeQuote(trip, deps.quote, res.locals.lang), errors: {} };
  } catch (err) {
    return { quote: null, errors: errorsFromAppError(err, res.locals.t) };
  }
}


type Outcome = { redirect: string; flash: MessageKey } | { missionId: string; errors: FieldErrors };

// Save, then submit or switch. The save stays even when submission is refused: the traveller sees
// the saved draft with the reason next to the field.
async function saveAndAct(deps: MissionDeps, user: AuthenticatedUser, missionId: string | null, form: MissionForm, input: Extract<Parsed, { ok: true }>['input'], intent: FormIntent, t: Parameters<typeof errorsFromAppError>[1]): Promise<Outcome> {
  const version = form.version ? Number(form.version) : undefined;
  const id = missionId ? (await updateMission(deps, user, missionId, { ...input, version })).id : (await createMission(deps, user, input)).id;
  try {
    if (intent.kind === 'submit') {
      await transitionMission(deps, user, id, 'submit', {});
      return { redirect: `/missions/${id}`, flash: 'missions.flash.submitted' };
    }
    if (intent.kind === 'switch') {
      await switchFlightLeg(deps, user, id, intent.index, intent.to);
      return { redirect: `/missions/${id}/edit`, flash: 'missions.flash.switched' };
    }
  } catch (err) {
    return { missionId: id, errors: errorsFromAppError(err, t) };
  }
  return { redirect: `/missions/${id}/edit`, flash: 'missions.flash.saved' };
}

async function handleForm(deps: MissionDeps, req: Request, res: Response, missionId: string | null): Promise<void> {
  const user = currentUser(req);
  const form = formFromBody(req.body ?? {});
  const intent = parseIntent((req.body as Record<string, unknown>)?.intent);
  if (intent.kind === 'add_leg' || intent.kind === 'remove_leg') {
    if (intent.kind === 'add_leg' && form.legs.length < MAX_FORM_LEGS) form.legs.push(emptyLeg('train'));
    if (intent.kind === 'remove_leg' && form.legs.length > 1) form.legs.splice(intent.index, 1);
    return showForm(deps, req, res, { form, missionId: missionId ?? undefined, quote: tryQuote(deps, user, parse(form, res), res).quote });
  }
  const parsed = parse(form, res);
  const priced = tryQuote(deps, user, parsed, res);
  if (intent.kind === 'quote' || !parsed.ok) {
    const failed = Object.keys(priced.errors).length > 0;
    return showForm(deps, req, res.status(failed && intent.kind !== 'quote' ? 400 : 200), { form, missionId: missionId ?? undefined, errors: priced.errors, quote: priced.quote });
  }
  const ctx = { userId: user.id, key: formString(req, '_idem') || undefined, route: `${req.method} ${req.path}`, body: req.body };
  let outcome: Outcome;
  try {
    const answer = await runIdempotent(deps.database, deps.clock, ctx, async () => ({ status: 200, body: await saveAndAct(deps, user, missionId, form, parsed.input, intent, res.locals.t) }));
    // A stored refusal (409: stale version, not editable any more) replays as the same refusal.
    if (answer.status !== 200) throw errorFromBody(answer.status, answer.body as ErrorBody);
    outcome = answer.body as Outcome;
  } catch (err) {
    if (!isAppError(err) || err.status >= 500 || err.status === 404) throw err;
    return showForm(deps, req, res.status(err.status), { form, missionId: missionId ?? undefined, errors: errorsFromAppError(err, res.locals.t), quote: priced.quote });
  }
  if ('redirect' in outcome) {
    setFlash(res, outcome.flash);
    return res.redirect(303, outcome.redirect);
  }
  const saved = await getMission(deps, user, outcome.missionId);
  await showForm(deps, req, res.status(400), { form: formFromTrip(saved.trip, saved), missionId: saved.id, errors: outcome.errors, quote: saved.quote });
}

function returnedComment(mission: Awaited<ReturnType<typeof getMission>>): string | null {
  if (mission.status !== 'returned') return null;
  return [...mission.audit].reverse().find((a) => a.action === 'return')?.comment ?? null;
}

export function missionFormPages(deps: MissionDeps): Router {
  const router = Router();
  router.get('/missions/new', requireRole('staff'), (req, res) => showForm(deps, req, res, { form: emptyForm() }));
  router.post('/missions/new', requireRole('staff'), (req, res) => handleForm(deps, req, res, null));

  router.get('/missions/:id/edit', requireUser, async (req, res) => {
    const user = currentUser(req);
    const mission = await getMission(deps, user, String(req.params.id));
    try {
      authorize('edit', { travellerId: mission.travellerId, status: mission.status as MissionStatus }, user);
    } catch {
      return res.redirect(303, `/missions/${mission.id}`);
    }
    await showForm(deps, req, res, { form: formFromTrip(mission.trip, mission), missionId: mission.id, quote: mission.quote, returnedComment: returnedComment(mission) });
  });
  router.post('/missions/:id/edit', requireUser, async (req, res) => {
    const mission = await getMission(deps, currentUser(req), String(req.params.id));
    await handleForm(deps, req, res, mission.id);
  });
  return router;
}
