import { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { isAppError } from '../shared/errors.ts';
import type { Translate } from '../shared/i18n/index.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { correctTransfer, createProject, disburse, resolveAccount, type LedgerDeps } from './finance.usecases.ts';
import { ledgerPolicy } from './ledger.models.ts';
import { transferIdParams } from './ledger.schemas.ts';
import { balancesForm, disbursementForm, projectForm, reverseForm, statementForm } from './ledger-pages.schemas.ts';
import { errorsFromAppError, formErrors, formValues, pageTools, type LedgerFormatters } from './ledger-pages.helpers.ts';
import { financeView, type FinanceState } from './finance-page.views.ts';

// /finance: balances as of a day, statement downloads, projects, disbursements, latest transfers.
// Reads for finance and copil (as the API: the steering committee follows the envelope); the forms
// that write are for finance (and admin, who passes every role check).

const insufficientFunds = (t: Translate, f: LedgerFormatters) => (d: Record<string, unknown>) =>
  t('ledger.error.insufficientFunds', { available: f.eur(Number(d.availableCents)), requested: f.eur(Number(d.amountCents)) });

// An expected refusal re-renders the form with its status; a missing thing the form chose (a project
// from the list) is bad input, other 404s and anything unexpected go to the error page.
function refusalStatus(err: unknown, options: { notFoundIsInput?: boolean } = {}): number {
  if (!isAppError(err) || err.status >= 500 || (err.status === 404 && !options.notFoundIsInput)) throw err;
  return err.status === 404 ? 400 : err.status;
}

export function financePages(deps: Pick<AppDeps, 'config' | 'database' | 'clock'>): Router {
  const router = Router();
  const ledger: LedgerDeps = { database: deps.database, clock: deps.clock, policy: ledgerPolicy(deps.config) };
  const read = requireRole('finance', 'copil');
  const write = requireRole('finance');

  const show = async (req: Request, res: Response, state: FinanceState = {}, status = 200) => {
    const { t, f } = pageTools(res);
    renderPage(res.status(status), 'ledger/finance', await financeView(ledger, currentUser(req), state, f, t));
  };
  const query = (req: Request, names: string[]) => Object.fromEntries(names.map((n) => [n, typeof req.query[n] === 'string' ? (req.query[n] as string) : '']));

  router.get('/finance', read, async (req, res) => {
    const parsed = balancesForm.safeParse(req.query);
    if (!parsed.success) return show(req, res, { balances: { values: query(req, ['asOf']), errors: formErrors(parsed.error.issues, res.locals.t) } }, 400);
    await show(req, res, { asOf: parsed.data.asOf });
  });

  // The exports stay the API's: a valid form is sent on to /api/ledger/statement (CSV or PDF).
  router.get('/finance/statement', read, async (req, res) => {
    const values = query(req, ['account', 'from', 'to']);
    const parsed = statementForm.safeParse(req.query);
    if (!parsed.success) return show(req, res, { statement: { values, errors: formErrors(parsed.error.issues, res.locals.t) } }, 400);
    try {
      await resolveAccount(deps.database, parsed.data.account);
    } catch (err) {
      if (!isAppError(err) || err.status !== 404) throw err;
      return show(req, res, { statement: { values, errors: { account: res.locals.t('ledger.error.account') } } }, 400);
    }
    res.redirect(303, `/api/ledger/statement?${new URLSearchParams(parsed.data)}`);
  });

  router.post('/finance/projects', write, async (req, res) => {
    const { t } = pageTools(res);
    const values = formValues(req, ['name', 'scope', 'description']);
    const parsed = projectForm.safeParse(req.body);
    if (!parsed.success) return show(req, res, { project: { values, errors: formErrors(parsed.error.issues, t) } }, 400);
    try {
      await createProject(ledger, parsed.data, currentUser(req).id);
    } catch (err) {
      const status = refusalStatus(err);
      const errors = errorsFromAppError(err, t, { name: 'name' }, 'name', { 'ledger.project.already_exists': 'ledger.error.projectExists' });
      return show(req, res, { project: { values, errors } }, status);
    }
    setFlash(res, 'ledger.flash.projectCreated', { params: { name: parsed.data.name } });
    res.redirect(303, '/finance#projects');
  });

  router.post('/finance/disbursements', write, async (req, res) => {
    const { t, f } = pageTools(res);
    const values = formValues(req, ['projectId', 'amount', 'co2e', 'memo', 'entityId']);
    const parsed = disbursementForm.safeParse(req.body);
    if (!parsed.success) return show(req, res, { disbursement: { values, errors: formErrors(parsed.error.issues, t) } }, 400);
    const { projectId, amount, co2e, memo, entityId, _idem } = parsed.data;
    let posted;
    try {
      posted = await disburse(ledger, { projectId, amountCents: amount, co2eGrams: co2e, memo, entityId, idempotencyKey: _idem ?? null }, currentUser(req).id);
    } catch (err) {
      const status = refusalStatus(err, { notFoundIsInput: true });
      const errors = errorsFromAppError(err, t, { amountCents: 'amount', projectId: 'projectId', entityId: 'entityId' }, 'amount', {
        'ledger.insufficient_funds': insufficientFunds(t, f),
        'ledger.project.not_found': 'ledger.error.unknownProject',
        'idempotency.conflict': 'ledger.error.idempotency',
        'validation.invalid': 'form.error.required',
      });
      return show(req, res, { disbursement: { values, errors } }, status);
    }
    if (posted.created) setFlash(res, 'ledger.flash.disbursed', { params: { amount: f.eur(amount) } });
    else setFlash(res, 'ledger.flash.alreadyBooked', { kind: 'info' });
    res.redirect(303, '/finance#transfers');
  });

  router.post('/finance/transfers/:id/reverse', write, async (req, res) => {
    const { t, f } = pageTools(res);
    const { id } = parseOrThrow(transferIdParams, req.params, 'path');
    const reason = formValues(req, ['reason']).reason!;
    const parsed = reverseForm.safeParse(req.body);
    if (!parsed.success) return show(req, res, { reverse: { transferId: id, reason, errors: formErrors(parsed.error.issues, t) } }, 400);
    let posted;
    try {
      posted = await correctTransfer(ledger, { transferId: id, reason: parsed.data.reason }, currentUser(req).id);
    } catch (err) {
      const status = refusalStatus(err);
      const errors = errorsFromAppError(err, t, {}, 'reason', { 'ledger.insufficient_funds': insufficientFunds(t, f) });
      return show(req, res, { reverse: { transferId: id, reason, errors } }, status);
    }
    setFlash(res, posted.created ? 'ledger.flash.reversed' : 'ledger.flash.alreadyReversed', { kind: posted.created ? 'success' : 'info' });
    res.redirect(303, '/finance#transfers');
  });

  return router;
}
