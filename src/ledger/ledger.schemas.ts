import { z } from 'zod';
import { MAX_AMOUNT_CENTS, MAX_CO2E_GRAMS } from './ledger.models.ts';
import { projectScopes } from './ledger.models.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
// A Paris calendar date, or an ISO instant with its offset.
const dateOrInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/, 'expected YYYY-MM-DD or an ISO 8601 instant');
const id = z.string().trim().min(1).max(200);

export const balancesQuery = z.strictObject({
  asOf: dateOrInstant.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const statementQuery = z.strictObject({
  account: id,
  from: isoDate,
  to: isoDate,
  format: z.enum(['json', 'csv', 'pdf']).default('json'),
});

export const projectBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  scope: z.enum(projectScopes),
  description: z.string().trim().max(2000).nullish(),
});

export const disbursementBody = z.strictObject({
  projectId: id,
  amountCents: z.number().int().min(1).max(MAX_AMOUNT_CENTS),
  co2eGrams: z.number().int().min(0).max(MAX_CO2E_GRAMS).default(0),
  memo: z.string().trim().min(1).max(500),
  entityId: id.nullish(),
});

// Printable ASCII, as HTTP header values should be; the client keeps it to retry safely.
export const idempotencyKeyHeader = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'expected 1 to 200 printable ASCII characters').optional();

export const reverseBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export const transferIdParams = z.strictObject({ id: z.string().regex(/^txf_[\w-]{1,64}$/, 'expected a transfer id txf_…') });

