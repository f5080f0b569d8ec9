// PostgreSQL twin of claims.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea } from '../shared/pg-types.ts';
import { users } from '../auth/auth.pg-table.ts';
import { missions, quotedLegColumns } from '../missions/missions.pg-table.ts';
import { ledgerTransfers } from '../ledger/ledger.pg-table.ts';

const statusCheck = (column: unknown) => sql`${column} in ('draft', 'submitted', 'returned', 'rejected', 'certified', 'paid')`;

// One claim (état de frais) per mission: what was really travelled and spent. Like a mission it keeps
// the request it was priced from and the full quote (factor-set version included); `version` makes
// every write conditional on what the writer read. History lives in claim_audit.
export const claims = pgTable(
  'claims',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull().unique().references(() => missions.id),
    travellerId: text('traveller_id').notNull().references(() => users.id),
    status: text('status').notNull().default('draft'),
    requestJson: text('request_json').notNull(),
    quoteJson: text('quote_json').notNull(),
    factorSetId: text('factor_set_id').notNull(),
    factorSetVersion: text('factor_set_version').notNull(),
    departAt: text('depart_at').notNull(),
    returnAt: text('return_at').notNull(),
    co2eGrams: bigint('co2e_grams', { mode: 'number' }).notNull(),
    offsetCents: bigint('offset_cents', { mode: 'number' }).notNull(),
    offsetCo2eGrams: bigint('offset_co2e_grams', { mode: 'number' }).notNull(),
    // What finance pays the traveller: fares + mileage + per diem + expenses (the contribution is not theirs).
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    note: text('note'),
    // Set once, at certification, in the same transaction as the status: the settled difference.
    adjustmentCents: bigint('adjustment_cents', { mode: 'number' }),
    adjustmentTransferId: text('adjustment_transfer_id').references(() => ledgerTransfers.id),
    certifiedAt: text('certified_at'),
    certifiedBy: text('certified_by'),
    paidAt: text('paid_at'),
    paidBy: text('paid_by'),
    paymentReference: text('payment_reference'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
  },
  (t) => [
    check('claims_status_valid', statusCheck(t.status)),
    check('claims_figures_non_negative', sql`${t.co2eGrams} >= 0 and ${t.offsetCents} >= 0 and ${t.offsetCo2eGrams} >= 0 and ${t.totalCents} >= 0`),
    check('claims_dates_ordered', sql`${t.returnAt} > ${t.departAt}`),
    check('claims_version_positive', sql`${t.version} >= 1`),
    check('claims_certified_settled', sql`(${t.status} in ('certified', 'paid')) = (${t.certifiedAt} is not null and ${t.adjustmentCents} is not null)`),
    check('claims_paid_referenced', sql`(${t.status} = 'paid') = (${t.paidAt} is not null and ${t.paymentReference} is not null)`),
    index('claims_status_idx').on(t.status, t.updatedAt),
    index('claims_traveller_idx').on(t.travellerId),
  ],
);

// One row per expense line, rewritten with each edit, so the payments export sums kinds in SQL.
export const claimExpenses = pgTable(
  'claim_expenses',
  {
    claimId: text('claim_id').notNull().references(() => claims.id, { onDelete: 'cascade' }),
    lineIndex: bigint('line_index', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    spentOn: text('spent_on').notNull(), // ISO date, as on the receipt
    label: text('label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.lineIndex] }),
    check('claim_expenses_kind_valid', sql`${t.kind} in ('lodging', 'taxi', 'registration', 'parking', 'tolls', 'other')`),
    check('claim_expenses_amount_valid', sql`${t.amountCents} > 0 and ${t.amountCents} <= 2000000`),
  ],
);

// The actual trip's quoted legs (as mission_legs for the estimate): the copil counts these for
// certified claims instead of the mission's.
export const claimLegs = pgTable(
  'claim_legs',
  {
    claimId: text('claim_id').notNull().references(() => claims.id, { onDelete: 'cascade' }),
    ...quotedLegColumns(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.legIndex] }), index('claim_legs_mode_idx').on(t.mode)],
);

// A receipt's description; its bytes are in claim_receipt_files, so that no listing loads them.
export const claimReceipts = pgTable(
  'claim_receipts',
  {
    id: text('id').primaryKey(),
    claimId: text('claim_id').notNull().references(() => claims.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(), // sniffed from the bytes, never taken from the upload
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    label: text('label'),
    uploadedAt: text('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (t) => [
    check('claim_receipts_type_valid', sql`${t.contentType} in ('application/pdf', 'image/jpeg', 'image/png')`),
    check('claim_receipts_size_valid', sql`${t.sizeBytes} > 0`),
    index('claim_receipts_claim_idx').on(t.claimId, t.uploadedAt),
  ],
);

export const claimReceiptFiles = pgTable('claim_receipt_files', {
  receiptId: text('receipt_id').primaryKey().references(() => claimReceipts.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});

// Append-only (triggers in migration claims_append_only).
export const claimAudit = pgTable(
  'claim_audit',
  {
    id: text('id').primaryKey(),
    claimId: text('claim_id').notNull().references(() => claims.id),
    at: text('at').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    comment: text('comment'),
  },
  (t) => [
    index('claim_audit_claim_idx').on(t.claimId, t.at),
    check('claim_audit_action_valid', sql`${t.action} in ('create', 'edit', 'receipt_added', 'receipt_removed', 'submit', 'return', 'reject', 'certify', 'pay')`),
    check('claim_audit_to_status_valid', statusCheck(t.toStatus)),
  ],
);
