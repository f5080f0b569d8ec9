// PostgreSQL twin of carbon-prices.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

// Append-only history: the price of a year is its latest row. Past transfers keep the price
// they were booked with, so a new row never changes them.
export const carbonPrices = pgTable(
  'carbon_prices',
  {
    id: text('id').primaryKey(),
    year: bigint('year', { mode: 'number' }).notNull(),
    pricePerTonneCents: bigint('price_per_tonne_cents', { mode: 'number' }).notNull(),
    note: text('note'),
    setBy: text('set_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('carbon_prices_year_idx').on(t.year, t.createdAt),
    check('carbon_prices_price_non_negative', sql`${t.pricePerTonneCents} >= 0`),
    check('carbon_prices_year_range', sql`${t.year} between 1990 and 2100`),
  ],
);
