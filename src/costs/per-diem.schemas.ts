import { z } from 'zod';

export const lodgingTiers = ['base', 'large_city', 'paris'] as const;
export type LodgingTier = (typeof lodgingTiers)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const cents = z.number().int().min(0);

export const perDiemRateTableSchema = z.object({
  id: z.string().min(1),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  legalBasis: z.string().min(1),
  sources: z.array(z.string().min(1)).min(1),
  mealCents: cents,
  lodgingCents: z.object({ base: cents, large_city: cents, paris: cents }),
  disabledAgentLodgingCents: cents,
});
export type PerDiemRateTable = z.output<typeof perDiemRateTableSchema>;
export const perDiemRatesFileSchema = z.object({ tables: z.array(perDiemRateTableSchema).min(1) });

// A mission of at most 366 days has at most 367 calendar days, hence these bounds on counts.
const count = z.number().int().min(0).max(2000);

export const perDiemOptionsSchema = z.object({
  zone: z.string().min(1).default('Europe/Paris'),
  lodgingTier: z.enum(lodgingTiers),
  disabledAgent: z.boolean().default(false),
  mealsProvided: count.default(0),
  nightsProvided: count.default(0),
  staffRestaurantMeals: count.default(0),
});
