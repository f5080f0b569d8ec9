import { z } from 'zod';

export const horsepowerClasses = ['5cv_or_less', '6_7cv', '8cv_or_more'] as const;
export type HorsepowerClass = (typeof horsepowerClasses)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const threeBandRates = z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)]);

export const mileageRateTableSchema = z.object({
  id: z.string().min(1),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  legalBasis: z.string().min(1),
  sources: z.array(z.string().min(1)).min(1),
  effectiveFromSource: z.string().optional(),
  ratesCentsPerKm: z.object({ '5cv_or_less': threeBandRates, '6_7cv': threeBandRates, '8cv_or_more': threeBandRates }),
});
export type MileageRateTable = z.output<typeof mileageRateTableSchema>;

export const mileageRatesFileSchema = z.object({
  bandUpperKm: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  tables: z.array(mileageRateTableSchema).min(1),
});
export type MileageRates = z.output<typeof mileageRatesFileSchema>;

// Generous limits: they only stop absurd input (and integer overflow), never a real trip.
export const mileageInputSchema = z.object({
  fiscalHorsepower: z.number().int().min(1).max(50),
  distanceKm: z.number().finite().min(0).max(100_000),
  kmAlreadyDrivenThisYear: z.number().finite().min(0).max(1_000_000),
});
