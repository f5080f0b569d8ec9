import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from './import-values.models.ts';

const year = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR);

// GET /api/reports/copil?year=&reference=&format=
export const copilQuery = z.strictObject({
  year: year.optional(),
  reference: year.optional(),
  format: z.enum(['json', 'csv', 'pdf']).default('json'),
  lang: z.enum(['fr', 'en']).optional(),
});

export const flightTargetSchema = z.strictObject({
  year,
  reductionPercent: z.number().min(0).max(100),
});

// PUT /api/reports/settings (admin): the whole set, stored as a new row of the history.
export const settingsBody = z
  .strictObject({
    referenceYear: year,
    ghgReductionPercentPerYear: z.number().min(0).lt(100),
    flightTargets: z.array(flightTargetSchema).max(10),
  })
  .superRefine((s, ctx) => {
    const years = s.flightTargets.map((t) => t.year);
    s.flightTargets.forEach((t, i) => {
      if (t.year <= s.referenceYear) ctx.addIssue({ code: 'custom', path: ['flightTargets', i, 'year'], message: 'a target year comes after the reference year' });
      if (years.indexOf(t.year) !== i) ctx.addIssue({ code: 'custom', path: ['flightTargets', i, 'year'], message: 'one target per year' });
    });
  });
export type SettingsInput = z.output<typeof settingsBody>;

// GET /api/reports/recompute?year=&factorSet= (admin)
export const recomputeQuery = z.strictObject({
  year: year.optional(),
  factorSet: z.string().min(1).max(100),
});

// POST /api/reports/import?strict=&factorSet=&map=&entity=&batch=&errors= (admin, body text/csv)
const flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');
export const importQuery = z.strictObject({
  strict: flag.default(false),
  factorSet: z.string().min(1).max(100).optional(),
  map: z.string().max(2000).optional(),
  entity: z.string().max(200).optional(),
  batch: z.coerce.number().int().min(1).max(50_000).optional(),
  errors: z.enum(['json', 'csv']).default('json'),
  fileName: z.string().max(200).optional(),
});
