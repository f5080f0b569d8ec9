import { DateTime } from 'luxon';
import type { Quote } from '../quote/quote.usecases.ts';
import type { QuoteRequest } from '../quote/quote.schemas.ts';
import type { ClaimStatus } from './claims.models.ts';
import { claimAmounts, claimFlags, type ClaimAmounts, type ClaimFlag, type Expense, type ExpenseKind } from './expenses.models.ts';
import { compareQuotes, type Comparison } from './comparison.models.ts';
import { quotedLegColumns } from '../missions/missions.mapping.ts';
import type * as repo from './claims.repository.ts';
import { parseStoredQuote, parseStoredTrip } from '../quote/stored-quote.schemas.ts';

// Rows ↔ the claim the API answers with. The quote decides several columns at once; they are
// computed together here so that none drifts from the stored quote.

export type Receipt = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; label: string | null; uploadedAt: string; href: string };
export type ClaimAuditEntry = { id: string; at: string; actorId: string; actorName: string | null; action: string; fromStatus: ClaimStatus | null; toStatus: ClaimStatus; comment: string | null };

export type Claim = {
  id: string;
  missionId: string;
  status: ClaimStatus;
  travellerId: string;
  travellerName: string | null;
  trip: QuoteRequest;
  expenses: Expense[];
  note: string | null;
  quote: Quote;
  amounts: ClaimAmounts;
  flags: ClaimFlag[];
  comparison: Comparison;
  receipts: Receipt[];
  adjustment: { amountCents: number; transferId: string | null } | null;
  certifiedAt: string | null;
  certifiedBy: string | null;
  payment: { reference: string; paidAt: string; paidBy: string | null } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  audit: ClaimAuditEntry[];
};

export type ClaimContext = { travellerName: string | null; missionQuote: Quote; bookedContributionCents: number; receipts: repo.ReceiptRow[]; expenses: repo.ClaimExpenseRow[]; audit: repo.ClaimAuditRow[] };

export const expensesFromRows = (rows: repo.ClaimExpenseRow[]): Expense[] => rows.map((r) => ({ kind: r.kind as ExpenseKind, amountCents: r.amountCents, date: r.spentOn, label: r.label }));

// The night allowances the per diem pays (France or abroad), for the lodging warning.
export function nightAllowances(quote: Quote): number {
  const perDiem = quote.perDiem;
  if (!perDiem) return 0;
  if (perDiem.scope === 'metropolitan') return perDiem.detail.nights;
  return perDiem.detail.status === 'ok' ? perDiem.detail.nights : 0;
}

export function amountsOf(quote: Quote, expenses: readonly Expense[]): ClaimAmounts {
  const { faresCents, mileageCents, perDiemCents } = quote.totals.breakdown;
  return claimAmounts({ faresCents, mileageCents, perDiemCents }, expenses);
}

export function toClaim(row: repo.ClaimRow, ctx: ClaimContext): Claim {
  const quote = parseStoredQuote(row.quoteJson, `quote of claim ${row.id}`);
  const expenses = expensesFromRows(ctx.expenses);
  const amounts = amountsOf(quote, expenses);
  const expensesCents = amounts.totalCents - amounts.faresCents - amounts.mileageCents - amounts.perDiemCents;
  return {
    id: row.id,
    missionId: row.missionId,
    status: row.status as ClaimStatus,
    travellerId: row.travellerId,
    travellerName: ctx.travellerName,
    trip: parseStoredTrip(row.requestJson),
    expenses,
    note: row.note,
    quote,
    amounts,
    flags: claimFlags(expenses, nightAllowances(quote)),
    comparison: compareQuotes(ctx.missionQuote, quote, expensesCents, ctx.bookedContributionCents),
    receipts: ctx.receipts.map((r) => ({ id: r.id, fileName: r.fileName, contentType: r.contentType, sizeBytes: r.sizeBytes, sha256: r.sha256, label: r.label, uploadedAt: r.uploadedAt, href: `/api/missions/${row.missionId}/claim/receipts/${r.id}` })),
    adjustment: row.adjustmentCents === null ? null : { amountCents: row.adjustmentCents, transferId: row.adjustmentTransferId },
    certifiedAt: row.certifiedAt,
    certifiedBy: row.certifiedBy,
    payment: row.paidAt && row.paymentReference ? { reference: row.paymentReference, paidAt: row.paidAt, paidBy: row.paidBy } : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    audit: ctx.audit.map(({ claimId: _c, ...entry }) => ({ ...entry, fromStatus: entry.fromStatus as ClaimStatus | null, toStatus: entry.toStatus as ClaimStatus })),
  };
}

const utc = (iso: string | undefined): string => DateTime.fromISO(iso!, { setZone: true }).toUTC().toISO()!;

// The columns a quote and the expenses determine: recomputed together, stored together.
export function quotedClaimColumns(trip: QuoteRequest, quote: Quote, expenses: readonly Expense[]) {
  return {
    requestJson: JSON.stringify(trip),
    quoteJson: JSON.stringify(quote),
    factorSetId: quote.factorSet.id,
    factorSetVersion: quote.factorSet.version,
    departAt: utc(trip.departAt),
    returnAt: utc(trip.returnAt),
    co2eGrams: quote.totals.co2eGrams,
    offsetCents: quote.offset.amountCents,
    offsetCo2eGrams: quote.offset.co2eGrams,
    totalCents: amountsOf(quote, expenses).totalCents,
  };
}

export function expenseRows(claimId: string, expenses: readonly Expense[]) {
  return expenses.map((e, lineIndex) => ({ claimId, lineIndex, kind: e.kind, amountCents: e.amountCents, spentOn: e.date, label: e.label }));
}

export function claimLegRows(claimId: string, quote: Quote): repo.ClaimLegRow[] {
  return quotedLegColumns(quote).map((columns) => ({ claimId, ...columns }));
}

// The short form of a claim for lists (API and queues): no trip, quote or receipts.
export type ClaimSummary = {
  id: string;
  missionId: string;
  status: ClaimStatus;
  travellerId: string;
  travellerName: string | null;
  entityId: string;
  budgetLineId: string | null;
  destination: { country: string; city: string | null };
  departAt: string;
  returnAt: string;
  co2eGrams: number;
  estimateCo2eGrams: number;
  totalCents: number;
  adjustmentCents: number | null;
  certifiedAt: string | null;
  paidAt: string | null;
  paymentReference: string | null;
  updatedAt: string;
  version: number;
};

export function toClaimSummary(row: repo.ClaimListRow): ClaimSummary {
  return {
    id: row.id,
    missionId: row.missionId,
    status: row.status as ClaimStatus,
    travellerId: row.travellerId,
    travellerName: row.travellerName,
    entityId: row.entityId,
    budgetLineId: row.budgetLineId,
    destination: { country: row.destinationCountry, city: row.destinationCity },
    departAt: row.departAt,
    returnAt: row.returnAt,
    co2eGrams: row.co2eGrams,
    estimateCo2eGrams: row.missionCo2eGrams,
    totalCents: row.totalCents,
    adjustmentCents: row.adjustmentCents,
    certifiedAt: row.certifiedAt,
    paidAt: row.paidAt,
    paymentReference: row.paymentReference,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
