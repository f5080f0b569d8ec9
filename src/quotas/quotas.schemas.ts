import { z } from 'zod';
import { quotaSeverities } from './quotas.models.ts';

const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,60}$`), `an id starting with ${prefix}_`);

// 100,000 t: far above a school's travel, low enough to catch grams typed as kilograms.
const MAX_QUOTA_KG = 100_000_000;

// The admin gives kilograms (what people read); the table keeps grams like every mass.
export const setQuotaSchema = z.strictObject({
  entityId: idOf('ent'),
  year: z.number().int().min(1990).max(2100),
  quotaKg: z.number().min(0).max(MAX_QUOTA_KG).multipleOf(0.001),
  severity: z.enum(quotaSeverities).default('justification'),
  note: z.string().trim().max(500).optional(),
});
export type SetQuotaInput = z.output<typeof setQuotaSchema>;

export const quotaUsageQuerySchema = z.strictObject({
  entity: idOf('ent'),
  year: z.coerce.number().int().min(1990).max(2100),
  co2eGrams: z.coerce.number().int().min(0).max(1_000_000_000_000).default(0),
  mission: idOf('msn').optional().describe('a mission already counted, left out of the used figure (the form of an edited mission)'),
});

export const quotasQuerySchema = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() });

// The admin page's form, as the browser sends it (strings, plus `_csrf`).
export const quotaForm = z.object({
  entityId: idOf('ent'),
  year: z.string().trim().regex(/^\d{4}$/, 'an année on four digits').transform(Number).pipe(z.number().int().min(1990).max(2100)),
  quotaKg: z.string().trim().regex(/^\d[\d\s\u202f]*([.,]\d{1,3})?$/, 'kilograms, e.g. 12000 or 12 000,5').transform((v) => Number(v.replace(/[\s\u202f]/g, '').replace(',', '.'))).pipe(z.number().max(MAX_QUOTA_KG)),
  severity: z.enum(quotaSeverities),
  note: z.string().trim().max(500).optional(),
});
