// PostgreSQL twin of policies.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text } from 'drizzle-orm/pg-core';

// Append-only (trigger in pg migration 0010): a switch's state is its latest row.
export const policySwitches = pgTable(
  'policy_switches',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    enabled: boolean('enabled').notNull(),
    note: text('note'),
    setBy: text('set_by'),
    setAt: text('set_at').notNull(),
  },
  (t) => [check('policy_switches_key_valid', sql`${t.key} in ('domestic_flights_justified', 'recruitment_abroad_justified')`)],
);
