import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Append-only (triggers in migration 0023): an entity's quota for a year is its latest row. A
// change never rewrites a mission: each submission keeps the check it was made with
// (mission_quota_checks).
export const carbonQuotas = sqliteTable(
  'carbon_quotas',
  {
    id: text('id').primaryKey(),
    entityId: text('entity_id').notNull(),
    year: integer('year').notNull(),
    quotaGrams: integer('quota_grams').notNull(),
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
export const missionQuotaChecks = sqliteTable(
  'mission_quota_checks',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    at: text('at').notNull(),
    year: integer('year').notNull(),
    quotaGrams: integer('quota_grams').notNull(),
    usedGrams: integer('used_grams').notNull(),
    missionGrams: integer('mission_grams').notNull(),
    severity: text('severity').notNull(),
    exceeded: integer('exceeded', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('mission_quota_checks_mission_idx').on(t.missionId)],
);
