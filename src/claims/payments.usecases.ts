import type { Database } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { Quote } from '../quote/quote.usecases.ts';
import { period, type Period } from '../ledger/ledger-dates.models.ts';
import { findBudgetLineById } from '../org/org.repository.ts';
import { resolveBudgetLine } from '../org/org.usecases.ts';
import type { BudgetLine } from '../org/org.models.ts';
import { amountsOf, expensesFromRows } from './claims.mapping.ts';
import { amountsByKind, paymentTotals, type PaymentLine, type PaymentStatus, type PaymentTotals } from './payments.models.ts';
import * as repo from './claims.repository.ts';
import { parseStoredQuote } from '../quote/stored-quote.schemas.ts';

export type PaymentsQuery = { from: string; to: string; status: PaymentStatus; budgetLine?: string };

export type PaymentsList = {
  status: PaymentStatus;
  period: Period;
  budgetLine: BudgetLine | null;
  lines: PaymentLine[];
  totals: PaymentTotals;
  generatedAt: string;
};

// Certified claims to pay (by certification date) or paid ones (by payment date) over Paris calendar
// days, for one budget line (id or code) or all. Amounts are recomputed from the stored quote and
// expense lines, exactly as the claim page shows them.
export async function listPayments(deps: { database: Database; clock: Clock }, query: PaymentsQuery): Promise<PaymentsList> {
  const db = deps.database.db;
  const days = period(query.from, query.to);
  const budgetLine = query.budgetLine ? await resolveBudgetLine(deps, query.budgetLine) : null;
  const rows = await repo.listPayable(db, { status: query.status, fromUtc: days.fromInclusive, toUtc: days.toExclusive, budgetLineId: budgetLine?.id });
  const expenses = new Map<string, repo.ClaimExpenseRow[]>();
  for (const e of await repo.expensesOf(db, rows.map((r) => r.claim.id))) expenses.set(e.claimId, [...(expenses.get(e.claimId) ?? []), e]);
  const lines = new Map<string, BudgetLine | undefined>();
  const lineOf = async (id: string | null) => {
    if (!id) return null;
    if (!lines.has(id)) lines.set(id, await findBudgetLineById(db, id));
    const line = lines.get(id);
    return line ? { id: line.id, code: line.code, label: line.label } : null;
  };
  const paymentLines = await Promise.all(rows.map(async ({ claim, travellerName, budgetLineId, destinationCountry, destinationCity }): Promise<PaymentLine> => {
    const amounts = amountsOf(parseStoredQuote(claim.quoteJson), expensesFromRows(expenses.get(claim.id) ?? []));
    return {
      claimId: claim.id,
      missionId: claim.missionId,
      travellerName,
      budgetLine: await lineOf(budgetLineId),
      destination: destinationCity ? `${destinationCity} (${destinationCountry})` : destinationCountry,
      certifiedAt: claim.certifiedAt,
      paidAt: claim.paidAt,
      paymentReference: claim.paymentReference,
      amountsCents: amountsByKind(amounts),
      totalCents: amounts.totalCents,
    };
  }));
  return { status: query.status, period: days, budgetLine, lines: paymentLines, totals: paymentTotals(paymentLines), generatedAt: deps.clock.now().toUTC().toISO()! };
}
