import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { findUserById } from '../auth/users.repository.ts';
import { carbonPriceForYear, setCarbonPrice, type CarbonPriceRow } from './carbon-prices.repository.ts';
import { carbonPriceHistory, yearsWithPrice } from './carbon-price-history.repository.ts';

// The carbon price per year: the quote engine reads it (deps.ts), the admin API and page set it. A
// new price is a new row, never an edit: transfers already booked keep the price of their day.

export type CarbonPriceDeps = { database: Database; clock: Clock; defaultPricePerTonneCents: number };

export type CarbonPriceOverview = {
  defaultPricePerTonneCents: number;
  current: Array<{ year: number } & ReturnType<typeof carbonPriceForYear>>;
  history: Array<CarbonPriceRow & { setByName: string | null }>;
};

// Every year that has a price (and `alsoYear`, e.g. this year, priced by default if need be), then
// every row ever written, newest first, with the name of who set it.
export async function carbonPriceOverview(deps: CarbonPriceDeps, alsoYear?: number): Promise<CarbonPriceOverview> {
  const db = deps.database.db;
  const years = [...new Set([...yearsWithPrice(db), ...(alsoYear ? [alsoYear] : [])])].sort((a, b) => a - b);
  const names = new Map<string, string | null>();
  const nameOf = async (id: string | null) => {
    if (!id) return null;
    if (!names.has(id)) names.set(id, (await findUserById(db, id))?.name ?? null);
    return names.get(id)!;
  };
  return {
    defaultPricePerTonneCents: deps.defaultPricePerTonneCents,
    current: years.map((year) => ({ year, ...carbonPriceForYear(db, year, deps.defaultPricePerTonneCents) })),
    history: await Promise.all(carbonPriceHistory(db).map(async (row) => ({ ...row, setByName: await nameOf(row.setBy) }))),
  };
}

export function setYearCarbonPrice(deps: CarbonPriceDeps, input: { year: number; pricePerTonneCents: number; note?: string | null }, actorId: string) {
  return setCarbonPrice(deps.database.db, { ...input, note: input.note ?? null, setBy: actorId }, deps.clock);
}
