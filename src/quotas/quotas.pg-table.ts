// PostgreSQL twin of quotas.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text } from 'drizzle-orm/pg-core';

// Append-only (triggers in pg migration 0007): an entity's quota for a year is its latest row. A
// change never rewrites a mission: each submission keeps the check it was made with
// (mission_quota_checks).
export const carbonQuotas = pgTable(
  'carbon_quotas',
  {
    id: text('id').primaryKey(),
    entityId: text('entity_id').notNull(),
    year: bigint('year', { mode: 'number' }).notNull(),
    quotaGrams: bigint('quota_grams', { mode: 'number' }).notNull(),
    severity: text('severity').notNull(),
    note: text('note'),
    setBy: text('set_by'),
    setAt: text('set_at').notNull(),
  },
  (t) => [
    index('carbon_quotas_entity_year_idx').on(t.entityId, t.year),
    check('carbon_quotas_grams_non_negative', sql`${t.quotaGrams} >= 0`),
    check('carbon_quotas_year_range', sql`${t.year} between 1990 and 2100`),
    check('carbon_quotas_severity_valid', sql`${t.severity} in ('warning', 'justification')`),
  ],
);

// What the quota said of a mission when it was submitted: evidence, never rewritten.
export const missionQuotaChecks = pgTable(
  'mission_quota_checks',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    at: text('at').notNull(),
    year: bigint('year', { mode: 'number' }).notNull(),
    quotaGrams: bigint('quota_grams', { mode: 'number' }).notNull(),
    usedGrams: bigint('used_grams', { mode: 'number' }).notNull(),
    missionGrams: bigint('mission_grams', { mode: 'number' }).notNull(),
    severity: text('severity').notNull(),
    exceeded: boolean('exceeded').notNull(),
  },
  (t) => [index('mission_quota_checks_mission_idx').on(t.missionId)],
);
