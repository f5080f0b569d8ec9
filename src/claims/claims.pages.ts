import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { currentUser, requireRole, requireUser } from '../auth/auth.guards.ts';
import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { detailMessage, errorMessage, isAppError } from '../shared/errors.ts';
import { errorFromBody, type ErrorBody } from '../shared/http.ts';
import type { MessageKey, Translate } from '../shared/i18n/index.ts';
import { setFlash } from '../web/flash.ts';
import { fieldErrorsFromAppError, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { runIdempotent } from '../missions/idempotency.usecases.ts';
import { formString, newIdemKey, pageTools, selectOptions } from '../missions/missions-page.helpers.ts';
import { countryName } from '../missions/countries.data.ts';
import { getMission } from '../missions/missions.usecases.ts';
import { availableClaimActions, claimStatuses, claimWorkflowActions, type ClaimStatus, type ClaimWorkflowAction } from './claims.models.ts';
import { putClaimSchema, receiptIdSchema } from './claims.schemas.ts';
import { claimErrors } from './claims.errors.ts';
import { getClaim, listClaimsFor, putClaim, type Claim, type ClaimDeps } from './claims.usecases.ts';
import { transitionClaim } from './claims-workflow.usecases.ts';
import { addReceipt, removeReceipt } from './receipts.usecases.ts';
import { toClaimSummary } from './claims.mapping.ts';
import { expenseKinds } from './expenses.models.ts';
import { claimFormField, claimFormFromBody, claimFormFromClaim, claimInputFromForm, editRows, parseClaimIntent, type ClaimForm } from './claim-form.models.ts';
import { adjustmentView, amountsView, comparisonView, flagsView } from './claims-page.views.ts';

// The claim's pages: the traveller's form (actual trip, expenses, receipts), the secretariat's
// certification and finance's payment on the same page, and the secretariat's queue.

const doneFlash: Record<ClaimWorkflowAction | 'save' | 'receipt_added' | 'receipt_removed', MessageKey> = {
  save: 'claims.flash.saved',
  submit: 'claims.flash.submitted',
  return: 'claims.flash.returned',
  reject: 'claims.flash.rejected',
  certify: 'claims.flash.certified',
  pay: 'claims.flash.paid',
  receipt_added: 'claims.flash.receiptAdded',
  receipt_removed: 'claims.flash.receiptRemoved',
};

const errorsOf = (err: unknown, t: Translate): FieldErrors => fieldErrorsFromAppError(err, t, claimFormField);

function issueErrors(issues: z.core.$ZodIssue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = claimFormField(issue.path.map(String).join('.'));
    errors[field] ??= issue.code === 'invalid_type' && issue.input === undefined ? t('form.error.required') : issue.message;
  }
  return errors;
}

const idemContext = (req: Request, user: AuthenticatedUser) => ({ userId: user.id, key: formString(req, '_idem') || undefined, route: `${req.method} ${req.path}`, body: req.body });

// An action through the idempotency store (a double click replays the first answer) that throws the
// stored refusal again, so that the page shows it.
async function once(deps: ClaimDeps, req: Request, user: AuthenticatedUser, action: () => Promise<unknown>): Promise<void> {
  const answer = await runIdempotent(deps.database, deps.clock, idemContext(req, user), async () => ({ status: 200, body: (await action()) ?? null }));
  if (answer.status !== 200) throw errorFromBody(answer.status, answer.body as ErrorBody);
}

type PageState = { form?: ClaimForm; errors?: FieldErrors; comment?: string; paymentReference?: string };

async function findClaim(deps: ClaimDeps, user: AuthenticatedUser, missionId: string): Promise<Claim | null> {
  try {
    return await getClaim(deps, user, missionId);
  } catch (err) {
    if (isAppError(err) && err.code === 'claim.not_found') return null;
    throw err;
  }
}

const lastComment = (claim: Claim, action: string) => [...claim.audit].reverse().find((a) => a.action === action)?.comment ?? null;

async function showClaim(deps: ClaimDeps, req: Request, res: Response, missionId: string, state: PageState = {}): Promise<void> {
  const { lang, t, f } = pageTools(res);
  const user = currentUser(req);
  const claim = await findClaim(deps, user, missionId);
  const mission = await getMission(deps, user, missionId);
  const destination = f.destination(claim ? { destination: { country: claim.trip.destination?.country ?? mission.destination.country, city: claim.trip.destination?.city ?? null } } : mission, (code) => countryName(lang, code));
  const actions = claim ? availableClaimActions(user, { travellerId: claim.travellerId, status: claim.status }) : [];
  const editable = actions.includes('edit');
  const canStart = !claim && mission.status === 'validated' && (user.id === mission.travellerId || user.roles.includes('admin'));
  const options = await selectOptions(deps.database, lang, t, user.entityId);
  renderPage(res, 'claims/claim', {
    title: t('claims.page.title', { destination }),
    mission,
    missionDates: f.dates(mission),
    claim,
    canStart,
    missionValidated: mission.status === 'validated',
    statusLabel: claim ? t(`claims.status.${claim.status}` as MessageKey) : '',
    dates: claim ? f.dates({ departAt: claim.trip.departAt ?? mission.departAt, returnAt: claim.trip.returnAt ?? mission.returnAt }) : '',
    comparison: claim ? comparisonView(claim, f, t) : null,
    amounts: claim ? amountsView(claim, f, t) : null,
    flags: claim ? flagsView(claim, f, t, lang) : [],
    adjustment: claim ? adjustmentView(claim, f, t) : null,
    returnedComment: claim?.status === 'returned' ? lastComment(claim, 'return') : null,
    rejectedComment: claim?.status === 'rejected' ? lastComment(claim, 'reject') : null,
    editable,
    form: editable && claim ? (state.form ?? claimFormFromClaim(claim)) : null,
    expenseKinds: expenseKinds.map((k) => ({ value: k, label: t(`claims.expense.${k}` as MessageKey) })),
    countries: options.countries,
    modes: options.modes,
    cabins: options.cabins,
    decisions: actions.filter((a) => a === 'certify' || a === 'return' || a === 'reject'),
    canPay: actions.includes('pay'),
    receipts: (claim?.receipts ?? []).map((r) => ({ ...r, isImage: r.contentType.startsWith('image/'), size: `${Math.max(1, Math.round(r.sizeBytes / 1024))} Ko`, uploaded: f.day(r.uploadedAt) })),
    auditLabel: (a: string) => t(`claims.audit.${a}` as MessageKey),
    statusOf: (s: string) => t(`claims.status.${s}` as MessageKey),
    errors: state.errors ?? {},
    comment: state.comment ?? '',
    paymentReference: state.paymentReference ?? '',
    f,
    idem: newIdemKey(),
    from: typeof req.query.from === 'string' ? req.query.from : '',
  });
}

// Save, then submit if asked. The save stays when submission is refused: the traveller sees the saved
// claim with the reason beside the field.
async function handleForm(deps: ClaimDeps, req: Request, res: Response, missionId: string): Promise<void> {
  const user = currentUser(req);
  const intent = parseClaimIntent(formString(req, 'intent'));
  if (formString(req, 'intent') === 'create') {
    await once(deps, req, user, async () => (await putClaim(deps, user, missionId, {})).claim.id);
    setFlash(res, 'claims.flash.created');
    return res.redirect(303, `/missions/${missionId}/claim`);
  }
  const form = claimFormFromBody(req.body ?? {});
  if (intent.kind !== 'save' && intent.kind !== 'submit') return showClaim(deps, req, res, missionId, { form: editRows(form, intent) });
  const parsed = putClaimSchema.safeParse(claimInputFromForm(form));
  if (!parsed.success) return showClaim(deps, req, res.status(400), missionId, { form, errors: issueErrors(parsed.error.issues, res.locals.t) });
  try {
    await once(deps, req, user, async () => (await putClaim(deps, user, missionId, parsed.data)).claim.id);
  } catch (err) {
    if (!isAppError(err) || err.status >= 500 || err.status === 404) throw err;
    return showClaim(deps, req, res.status(err.status), missionId, { form, errors: errorsOf(err, res.locals.t) });
  }
  if (intent.kind === 'submit') {
    try {
      await transitionClaim(deps, user, missionId, 'submit', {});
    } catch (err) {
      if (!isAppError(err) || err.status >= 500 || err.status === 404) throw err;
      return showClaim(deps, req, res.status(err.status), missionId, { errors: errorsOf(err, res.locals.t) });
    }
  }
  setFlash(res, doneFlash[intent.kind]);
  res.redirect(303, `/missions/${missionId}/claim`);
}

async function act(deps: ClaimDeps, req: Request, res: Response, missionId: string): Promise<void> {
  const user = currentUser(req);
  const intent = formString(req, 'intent') as ClaimWorkflowAction;
  if (!claimWorkflowActions.includes(intent)) throw claimErrors.unknownAction({}, [{ path: 'intent', message: 'unknown action' }]);
  const comment = formString(req, 'comment');
  const paymentReference = formString(req, 'paymentReference');
  const version = /^\d+$/.test(formString(req, 'version')) ? Number(formString(req, 'version')) : undefined;
  try {
    await once(deps, req, user, async () => (await transitionClaim(deps, user, missionId, intent, { comment, version, paymentReference })).id);
  } catch (err) {
    if (!isAppError(err) || err.status >= 500 || err.status === 404) throw err;
    return await showClaim(deps, req, res.status(err.status), missionId, { errors: errorsOf(err, res.locals.t), comment, paymentReference });
  }
  setFlash(res, doneFlash[intent]);
  const back = req.query.from === 'queue' ? '/secretariat/claims' : req.query.from === 'finance' ? '/finance/claims' : `/missions/${missionId}/claim`;
  res.redirect(303, back);
}

async function upload(deps: ClaimDeps, req: Request, res: Response, missionId: string): Promise<void> {
  const user = currentUser(req);
  const t: Translate = res.locals.t;
  if (!req.file) return await showClaim(deps, req, res.status(400), missionId, { errors: { file: t('claims.error.fileMissing') } });
  const label = formString(req, 'label').trim().slice(0, 200) || undefined;
  try {
    await once(deps, req, user, async () => (await addReceipt(deps, user, missionId, { bytes: req.file!.buffer, originalName: req.file!.originalname, mimeType: req.file!.mimetype, label })).receiptId);
  } catch (err) {
    if (!isAppError(err) || err.status >= 500 || err.status === 404) throw err;
    return await showClaim(deps, req, res.status(err.status), missionId, { errors: { file: err.details[0] ? detailMessage(err.details[0], res.locals.t) : errorMessage(err, res.locals.t) } });
  }
  setFlash(res, doneFlash.receipt_added);
  res.redirect(303, `/missions/${missionId}/claim#receipts`);
}

async function remove(deps: ClaimDeps, req: Request, res: Response, missionId: string): Promise<void> {
  const user = currentUser(req);
  const receiptId = String(req.params.receiptId);
  if (!receiptIdSchema.safeParse(receiptId).success) throw claimErrors.receiptNotFound();
  try {
    await removeReceipt(deps, user, missionId, receiptId);
  } catch (err) {
    if (!isAppError(err) || err.status >= 500 || err.status === 404) throw err;
    return showClaim(deps, req, res.status(err.status), missionId, { errors: errorsOf(err, res.locals.t) });
  }
  setFlash(res, doneFlash.receipt_removed);
  res.redirect(303, `/missions/${missionId}/claim#receipts`);
}

const queueFilterSchema = z.object({ status: z.union([z.enum(claimStatuses), z.literal('')]).catch('submitted').default('submitted') });

async function showQueue(deps: ClaimDeps, req: Request, res: Response): Promise<void> {
  const { lang, t, f } = pageTools(res);
  const user = currentUser(req);
  const { status } = queueFilterSchema.parse(req.query);
  const { rows, total } = await listClaimsFor(deps, user, { statuses: status ? [status as ClaimStatus] : undefined, limit: 200, offset: 0 });
  renderPage(res, 'claims/queue', {
    title: t('claims.queue.title'),
    status,
    statuses: [{ value: '', label: t('claims.queue.status.all') }, ...claimStatuses.map((s) => ({ value: s, label: t(`claims.status.${s}` as MessageKey) }))],
    total,
    rows: rows.map(toClaimSummary).map((c) => ({
      missionId: c.missionId,
      traveller: c.travellerName ?? c.travellerId,
      destination: f.destination(c, (code) => countryName(lang, code)),
      dates: f.dates(c),
      status: c.status,
      statusLabel: t(`claims.status.${c.status}` as MessageKey),
      co2e: f.kg(c.co2eGrams),
      estimate: f.kg(c.estimateCo2eGrams),
      total: f.eur(c.totalCents),
      updated: f.day(c.updatedAt),
    })),
  });
}

export function claimPages(deps: ClaimDeps): Router {
  const router = Router();
  const page = '/missions/:id/claim';
  const id = (req: Request) => String(req.params.id);
  router.get('/secretariat/claims', requireRole('secretariat'), (req, res) => showQueue(deps, req, res));
  router.get(page, requireUser, (req, res) => showClaim(deps, req, res, id(req)));
  router.post(page, requireUser, (req, res) => handleForm(deps, req, res, id(req)));
  router.post(`${page}/action`, requireUser, (req, res) => act(deps, req, res, id(req)));
  router.post(`${page}/receipts`, requireUser, (req, res) => upload(deps, req, res, id(req)));
  router.post(`${page}/receipts/:receiptId/delete`, requireUser, (req, res) => remove(deps, req, res, id(req)));
  return router;
}
