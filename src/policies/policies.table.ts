import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Append-only (triggers in migration 0026): a switch's state is its latest row.
export const policySwitches = sqliteTable(
  'policy_switches',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    note: text('note'),
    setBy: text('set_by'),
    setAt: text('set_at').notNull(),
  },
  (t) => [check('policy_switches_key_valid', sql`${t.key} in ('domestic_flights_justified', 'recruitment_abroad_justified')`)],
);
