import { DateTime } from 'luxon';
import { z } from 'zod';
import type { MessageKey } from '../shared/i18n/index.ts';
import { MAX_AMOUNT_CENTS, MAX_CO2E_GRAMS } from './ledger.models.ts';
import { projectScopes } from './ledger.models.ts';
import { parseEurosToCents, parseKgToGrams } from './ledger-input.models.ts';
import { idempotencyKeyHeader } from './ledger.schemas.ts';

// The finance and admin forms as a browser sends them: flat strings, plus `_csrf` (hence not strict).
// A custom issue names its catalogue message in `params.key`, shown next to the field.

// A real calendar day (2026-02-30 is refused), as <input type="date"> sends it.
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => DateTime.fromISO(value).isValid);
const text = (min: number, max: number) => z.string().trim().min(1).min(min).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null));

export function decimal(parse: (s: string) => number | null, key: MessageKey, min: number, max: number, options: { optional?: boolean } = {}) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      // An empty optional figure is zero; an empty required one is the usual "required".
      if (!value && options.optional) return 0;
      const units = value ? parse(value) : null;
      if (units === null || units < min || units > max) {
        const messageKey: MessageKey = value ? key : 'form.error.required';
        ctx.addIssue({ code: 'custom', message: messageKey, params: { key: messageKey } });
        return z.NEVER;
      }
      return units;
    });
}

// An emptied date field means today.
export const balancesForm = z.object({ asOf: z.union([z.literal(''), isoDay]).optional().transform((v) => v || undefined) });

export const statementForm = z
  .object({ account: text(1, 200), from: isoDay, to: isoDay, format: z.enum(['csv', 'pdf']) })
  .refine((s) => s.to >= s.from, { path: ['to'], params: { key: 'ledger.error.period' } });

export const projectForm = z.object({
  name: text(2, 120),
  scope: z.enum(projectScopes),
  description: optionalText(2000),
});

export const disbursementForm = z.object({
  projectId: text(1, 200),
  amount: decimal(parseEurosToCents, 'ledger.error.amount', 1, MAX_AMOUNT_CENTS),
  co2e: decimal(parseKgToGrams, 'ledger.error.co2e', 0, MAX_CO2E_GRAMS, { optional: true }),
  memo: text(1, 500),
  entityId: optionalText(200),
  // The form's own key: a double click or a resent form books the disbursement once.
  _idem: idempotencyKeyHeader,
});

export const reverseForm = z.object({ reason: text(3, 500) });

