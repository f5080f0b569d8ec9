import type { Clock } from '../shared/clock.ts';
import { refreshEvery } from '../shared/refresh-timer.ts';
import type { Database } from '../shared/db.ts';
import { findUserById } from '../auth/users.repository.ts';
import { carbonPriceForYear, carbonPricesStamp, latestPricesByYear, readPricesStamp, setCarbonPrice, type CarbonPrice, type CarbonPriceRow } from './carbon-prices.repository.ts';
import { carbonYearSchema } from './carbon-prices.schemas.ts';
import { invariant } from '../shared/errors.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { carbonPriceHistory, yearsWithPrice } from './carbon-price-history.repository.ts';

// The carbon price per year: the quote engine reads it (deps.ts), the admin API and page set it. A
// new price is a new row, never an edit: transfers already booked keep the price of their day.

export type CarbonPriceDeps = { database: Database; clock: Clock; defaultPricePerTonneCents: number };

export type CarbonPriceOverview = {
  defaultPricePerTonneCents: number;
  current: Array<{ year: number } & CarbonPrice>;
  history: Array<CarbonPriceRow & { setByName: string | null }>;
};

// Every year that has a price (and `alsoYear`, e.g. this year, priced by default if need be), then
// every row ever written, newest first, with the name of who set it.
export async function carbonPriceOverview(deps: CarbonPriceDeps, alsoYear?: number): Promise<CarbonPriceOverview> {
  const db = deps.database.db;
  const years = [...new Set([...(await yearsWithPrice(db)), ...(alsoYear ? [alsoYear] : [])])].sort((a, b) => a - b);
  const book = carbonPriceBook(deps.database, deps.defaultPricePerTonneCents);
  const names = new Map<string, string | null>();
  const nameOf = async (id: string | null) => {
    if (!id) return null;
    if (!names.has(id)) names.set(id, (await findUserById(db, id))?.name ?? null);
    return names.get(id)!;
  };
  return {
    defaultPricePerTonneCents: deps.defaultPricePerTonneCents,
    current: years.map((year) => ({ year, ...book.priceFor(year) })),
    history: await Promise.all((await carbonPriceHistory(db)).map(async (row) => ({ ...row, setByName: await nameOf(row.setBy) }))),
  };
}

export async function setYearCarbonPrice(deps: CarbonPriceDeps, input: { year: number; pricePerTonneCents: number; note?: string | null }, actorId: string) {
  const row = await setCarbonPrice(deps.database.db, { ...input, note: input.note ?? null, setBy: actorId }, deps.clock);
  await carbonPriceBook(deps.database, deps.defaultPricePerTonneCents).refresh();
  return row;
}

// What the quote engine reads for every quote, synchronously. On SQLite it asks the database each
// time (two prepared statements, well under a µs). On PostgreSQL a query per quote would be a round
// trip, so the prices live in memory: loaded before the server listens, refreshed after a change made
// here and every few seconds for the changes other instances make (a price set on one instance is
// used by the others within that delay; every stored quote names the price it used).
export type CarbonPriceBook = {
  priceFor(year: number): CarbonPrice;
  stamp(): number;
  refresh(): Promise<void>;
  refreshEvery(ms: number): () => void;
};

const books = new WeakMap<Database, CarbonPriceBook>();

export function carbonPriceBook(database: Database, defaultCents: number): CarbonPriceBook {
  let book = books.get(database);
  if (!book) books.set(database, (book = database.engine === 'sqlite' ? sqliteBook(database, defaultCents) : memoryBook(database, defaultCents)));
  return book;
}

function sqliteBook(database: Database, defaultCents: number): CarbonPriceBook {
  return {
    priceFor: (year) => carbonPriceForYear(database.db, year, defaultCents),
    stamp: () => carbonPricesStamp(database.db),
    refresh: async () => {},
    refreshEvery: () => () => {},
  };
}

function memoryBook(database: Database, defaultCents: number): CarbonPriceBook {
  let prices = new Map<number, number>();
  let stamp = -1;
  const refresh = async () => {
    const [latest, current] = await Promise.all([latestPricesByYear(database.db), readPricesStamp(database.db)]);
    prices = latest;
    stamp = current;
  };
  return {
    priceFor(year) {
      parseOrThrow(carbonYearSchema, year, 'year');
      invariant(stamp >= 0, 'carbon prices read before they were loaded (carbonPriceBook.refresh)');
      const cents = prices.get(year);
      return cents === undefined ? { pricePerTonneCents: defaultCents, source: 'default' } : { pricePerTonneCents: cents, source: 'admin' };
    },
    stamp: () => stamp,
    refresh,
    refreshEvery: (ms) => refreshEvery(refresh, ms),
  };
}
