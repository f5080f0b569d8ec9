import { asc, desc, eq, getTableName, sql } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { carbonPrices } from './carbon-prices.table.ts';
import * as pgTables from './carbon-prices.pg-table.ts';
import { firstRow, insertionOrder, isPostgres, tablesByDialect } from '../shared/dialect.ts';

const tables = tablesByDialect({ carbonPrices }, pgTables);
import { carbonYearSchema, setCarbonPriceSchema, type SetCarbonPriceInput } from './carbon-prices.schemas.ts';

export type CarbonPriceRow = typeof carbonPrices.$inferSelect;
export type CarbonPrice = { pricePerTonneCents: number; source: 'admin' | 'default' };

// On SQLite the quote reads the price and the stamp synchronously, through the two prepared
// statements below (µs-tuned: they run on every quote); on PostgreSQL it reads them from memory.
// The query runs on every quote: it is prepared once per connection (drizzle would prepare it anew
// at each call) and kept beside the connection. No LIMIT: drizzle binds `.limit(1)` as a parameter,
// which costs SQLite ~3 µs a run (measured, versus 0.6 µs without); `.get()` steps to the first row
// of the ordered result only, and a year has a handful of rows.
const latestPriceQueries = new WeakMap<Db, ReturnType<typeof prepareLatestPrice>>();

function prepareLatestPrice(db: Db) {
  return db
    .select({ pricePerTonneCents: carbonPrices.pricePerTonneCents })
    .from(carbonPrices)
    .where(eq(carbonPrices.year, sql.placeholder('year')))
    .orderBy(desc(carbonPrices.createdAt), desc(sql`rowid`))
    .prepare();
}

// The price of a year is its latest row; with none, the configured default
// (EMPREINTE_CARBON_PRICE_CENTS) applies. rowid breaks ties between rows written in the same ms.
export function carbonPriceForYear(db: Db, year: number, defaultCents: number): CarbonPrice {
  parseOrThrow(carbonYearSchema, year, 'year');
  let query = latestPriceQueries.get(db);
  if (!query) latestPriceQueries.set(db, (query = prepareLatestPrice(db)));
  const latest = query.get({ year });
  return latest ? { pricePerTonneCents: latest.pricePerTonneCents, source: 'admin' } : { pricePerTonneCents: defaultCents, source: 'default' };
}

// Appends; never updates: contributions already booked keep the price they were computed with.
export async function setCarbonPrice(db: Db, input: SetCarbonPriceInput, clock: Clock): Promise<CarbonPriceRow> {
  const valid = parseOrThrow(setCarbonPriceSchema, input, 'carbon price');
  const row: CarbonPriceRow = {
    id: newId('cpr'),
    year: valid.year,
    pricePerTonneCents: valid.pricePerTonneCents,
    note: valid.note ?? null,
    setBy: valid.setBy ?? null,
    createdAt: clock.now().toUTC().toISO()!,
  };
  await db.insert(tables(db).carbonPrices).values(row);
  return row;
}

// Every year's latest price at once, on either engine: PostgreSQL's quotes read them from memory
// (carbon-prices.usecases.ts carbonPriceBook), the table being a handful of rows a year.
export async function latestPricesByYear(db: Db): Promise<Map<number, number>> {
  const { carbonPrices } = tables(db);
  const rows = await db
    .select({ year: carbonPrices.year, pricePerTonneCents: carbonPrices.pricePerTonneCents })
    .from(carbonPrices)
    .orderBy(asc(carbonPrices.createdAt), asc(insertionOrder(db, carbonPrices)));
  return new Map(rows.map((r) => [r.year, r.pricePerTonneCents]));
}

// The stamp on either engine (the table is append-only: its largest insertion number only grows).
export async function readPricesStamp(db: Db): Promise<number> {
  if (!isPostgres(db)) return carbonPricesStamp(db);
  const row = await firstRow<{ stamp: number }>(db, sql`select coalesce(max(insertion_seq), 0) as "stamp" from carbon_prices`);
  return Number(row?.stamp ?? 0);
}

// Changes whenever a price is added (the table is append-only, so its largest rowid only grows):
// lets a cache of computed quotes know when its prices went stale, whichever process wrote them.
// Asked on every quote request, cached or not: a plain better-sqlite3 statement returning the one
// value (0.12 µs) rather than drizzle's row mapping (0.7 µs, measured).
const stampStatements = new WeakMap<Db, { get: () => unknown }>();

// SQLite only (the quote's hot path there); PostgreSQL reads readPricesStamp into memory.
/* eslint-disable no-restricted-syntax -- the synchronous better-sqlite3 statement is the point here */
export function carbonPricesStamp(db: Db): number {
  let statement = stampStatements.get(db);
  if (!statement) stampStatements.set(db, (statement = db.$client.prepare(`select coalesce(max(rowid), 0) from ${getTableName(carbonPrices)}`).pluck()));
  return statement.get() as number;
}
/* eslint-enable no-restricted-syntax */
