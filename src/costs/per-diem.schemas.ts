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

export const lodgingTierInputSchema = z.object({
  city: z.string().trim().min(1).max(200),
  countryCode: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
  population: z.number().int().min(0).nullish(),
  // Either disambiguates homonyms (there are Saint-Maurice and Fresnes outside the Grand Paris).
  departmentCode: z.string().regex(/^(\d{2}|2[AB]|97\d)$/, 'expected a French department code such as 92 or 2A').optional(),
  postalCode: z.string().regex(/^\d{5}$/, 'expected a 5-digit French postal code').optional(),
});
export type LodgingTierInput = z.input<typeof lodgingTierInputSchema>;
