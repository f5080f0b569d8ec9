import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/auth.guards.ts';
import { errorMessage, isAppError } from '../shared/errors.ts';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { PARIS_ZONE } from '../shared/clock.ts';
import type { MessageKey } from '../shared/i18n/index.ts';
import { fieldErrorsFrom, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { newIdemKey, pageTools, selectOptions } from '../missions/missions-page.helpers.ts';
import { paymentKinds, paymentStatuses } from './payments.models.ts';
import { listPayments, type PaymentsList } from './payments.usecases.ts';

// Finance's page: certified claims to pay (and a form to mark each paid with its payment reference),
// paid ones, per period and budget line, with the CSV and PDF of exactly what is shown.

const filtersSchema = z
  .object({
    status: z.enum(paymentStatuses).catch('certified').default('certified'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    budgetLine: z.string().max(64).default(''),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to is on or after from' });

// By default the list runs from the first of January to today: what is still to pay since the year began.
function defaults(clock: Clock) {
  const today = clock.now().setZone(PARIS_ZONE);
  return { from: today.startOf('year').toISODate()!, to: today.toISODate()! };
}

async function showPayments(deps: { database: Database; clock: Clock }, req: Request, res: Response): Promise<void> {
  const { lang, t, f } = pageTools(res);
  const parsed = filtersSchema.safeParse(req.query);
  const base = defaults(deps.clock);
  const filters = parsed.success
    ? { status: parsed.data.status, budgetLine: parsed.data.budgetLine, from: parsed.data.from ?? base.from, to: parsed.data.to ?? base.to }
    : { ...base, status: 'certified' as const, budgetLine: '' };
  let errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error.issues, t);
  let list: PaymentsList | null = null;
  if (parsed.success) {
    try {
      list = await listPayments(deps, { from: filters.from, to: filters.to, status: filters.status, budgetLine: filters.budgetLine || undefined });
    } catch (err) {
      if (!isAppError(err) || err.status >= 500) throw err;
      errors = { [err.details[0]?.path === 'budgetLine' || err.status === 404 ? 'budgetLine' : 'from']: errorMessage(err, t) };
    }
  }
  const query = new URLSearchParams({ from: filters.from, to: filters.to, status: filters.status, ...(filters.budgetLine ? { budgetLine: filters.budgetLine } : {}) });
  const { budgetLines } = await selectOptions(deps.database, lang, t, null);
  // On screen, only the kinds this list has (the CSV and PDF keep every column, for the spreadsheet).
  const kinds = paymentKinds.filter((k) => list && list.totals.amountsCents[k] !== 0);
  renderPage(res.status(Object.keys(errors).length ? 400 : 200), 'claims/payments', {
    title: t('payments.title'),
    filters,
    errors,
    statuses: paymentStatuses.map((s) => ({ value: s, label: t(`payments.status.${s}` as MessageKey) })),
    budgetLines: [{ value: '', label: t('payments.budgetLine.all') }, ...budgetLines.filter((l) => l.value !== '')],
    csvHref: `/api/payments?${query}&format=csv`,
    pdfHref: `/api/payments?${query}&format=pdf`,
    toPay: filters.status === 'certified',
    kinds: kinds.map((k) => ({ key: k, label: t(`payments.kind.${k}` as MessageKey) })),
    rows: (list?.lines ?? []).map((l) => ({
      ...l,
      traveller: l.travellerName ?? '—',
      budgetLineText: l.budgetLine ? l.budgetLine.code : '—',
      certified: l.certifiedAt ? f.day(l.certifiedAt) : '',
      paid: l.paidAt ? f.day(l.paidAt) : '',
      amounts: kinds.map((k) => f.eur(l.amountsCents[k])),
      total: f.eur(l.totalCents),
      idem: newIdemKey(),
    })),
    totals: list ? { count: list.totals.claims, amounts: kinds.map((k) => f.eur(list!.totals.amountsCents[k])), total: f.eur(list.totals.totalCents) } : null,
  });
}

export function paymentsPages(deps: { database: Database; clock: Clock }): Router {
  const router = Router();
  router.get('/finance/claims', requireRole('finance'), (req, res) => showPayments(deps, req, res));
  return router;
}
