import { describe, expect, it } from 'vitest';
import { carbonPriceForYear, setCarbonPrice } from '../../src/carbon-prices/carbon-prices.repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryDatabase } from '../helpers/db.ts';

describe('carbon prices repository', () => {
  it('falls back to the configured default when no admin price exists for the year', () => {
    const { db } = memoryDatabase();
    expect(carbonPriceForYear(db, 2027, 10_000)).toEqual({ pricePerTonneCents: 10_000, source: 'default' });
  });

  it('returns the latest row of the year and leaves other years alone', async () => {
    const { db } = memoryDatabase();
    await setCarbonPrice(db, { year: 2027, pricePerTonneCents: 8000, note: 'first', setBy: 'usr_a' }, fixedClock('2026-11-01T10:00:00Z'));
    await setCarbonPrice(db, { year: 2027, pricePerTonneCents: 12_000, note: 'revised', setBy: 'usr_a' }, fixedClock('2026-11-20T10:00:00Z'));
    await setCarbonPrice(db, { year: 2028, pricePerTonneCents: 15_000 }, fixedClock('2026-11-21T10:00:00Z'));
    expect(carbonPriceForYear(db, 2027, 10_000)).toEqual({ pricePerTonneCents: 12_000, source: 'admin' });
    expect(carbonPriceForYear(db, 2028, 10_000)).toEqual({ pricePerTonneCents: 15_000, source: 'admin' });
    expect(carbonPriceForYear(db, 2026, 10_000).source).toBe('default');
  });

  it('appends: the history keeps every row, and a same-instant rewrite wins by insertion order', async () => {
    const { db, sqlite } = memoryDatabase();
    const clock = fixedClock('2026-11-27T10:00:00Z');
    const first = await setCarbonPrice(db, { year: 2027, pricePerTonneCents: 9000 }, clock);
    await setCarbonPrice(db, { year: 2027, pricePerTonneCents: 9500 }, clock);
    expect(first.id).toMatch(/^cpr_/);
    expect(first.createdAt).toBe('2026-11-27T10:00:00.000Z');
    expect(sqlite.prepare('select count(*) as n from carbon_prices').get()).toEqual({ n: 2 });
    expect(carbonPriceForYear(db, 2027, 10_000).pricePerTonneCents).toBe(9500);
  });

  it('rejects bad input with a validation error instead of a constraint failure', async () => {
    const { db } = memoryDatabase();
    const clock = fixedClock('2026-11-27T10:00:00Z');
    await expect(setCarbonPrice(db, { year: 1989, pricePerTonneCents: 1 }, clock)).rejects.toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    await expect(setCarbonPrice(db, { year: 2027, pricePerTonneCents: -1 }, clock)).rejects.toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    await expect(setCarbonPrice(db, { year: 2027, pricePerTonneCents: 10.5 }, clock)).rejects.toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => carbonPriceForYear(db, 2101, 10_000)).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
  });
});
