import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

// The next calendar day of a MM-DD, computed in a leap year so that 02-29 exists.
const nextMonthDay = (md: string) => DateTime.fromISO(`2024-${md}`).plus({ days: 1 }).toFormat('MM-dd');

const seasonalRatesSchema = z
  .array(z.object({ from: monthDay, to: monthDay, dailyRate: z.number().positive().max(10_000_000) }))
  .min(1)
  .superRefine((windows, ctx) => {
    // Seasonal windows must tile the year: 01-01 … 12-31, in order, no gap, no overlap.
    const ok = windows.every((w, i) => w.from <= w.to && (i === 0 ? w.from === '01-01' : w.from === nextMonthDay(windows[i - 1]!.to)));
    if (!ok || windows.at(-1)!.to !== '12-31') ctx.addIssue({ code: 'custom', message: 'dailyRates windows must cover 01-01 to 12-31 in order without gap or overlap' });
  });

export const perDiemAbroadRowSchema = z
  .object({
    id: z.string().min(1),
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'expected an upper-case ISO 3166-1 alpha-2 code'),
    city: z.string().min(1).nullable(),
    cityAliases: z.array(z.string().min(1)).default([]),
    excludedCities: z.array(z.string().min(1)).default([]),
    currency: z.string().refine((c) => knownCurrencies.has(c), 'expected an ISO 4217 currency code'),
    dailyRates: seasonalRatesSchema,
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    defaultZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone').nullable(),
    zoneApproximate: z.boolean().default(false),
    sources: z.array(z.string().min(1)).min(1),
  })
  .loose()
  .refine((r) => r.effectiveTo === null || r.effectiveTo >= r.effectiveFrom, { message: 'effectiveTo is before effectiveFrom' });
export type PerDiemAbroadRow = z.output<typeof perDiemAbroadRowSchema>;

export const perDiemAbroadFileSchema = z.object({ rows: z.array(perDiemAbroadRowSchema) }).loose();

const count = z.number().int().min(0).max(2000);
export const perDiemAbroadInputSchema = z.object({
  countryCode: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code').transform((c) => c.toUpperCase()),
  city: z.string().trim().min(1).max(200).nullish(),
  zone: z.string().min(1).optional(),
  mealsProvided: count.default(0),
  nightsProvided: count.default(0),
});
