import { z } from 'zod';
import { entityKinds } from './org.models.ts';

const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => !v.startsWith('ent_'), 'must not start with ent_ (reserved for ids)');

export const entityCreateSchema = z.strictObject({ name, kind: z.enum(entityKinds) });
export type EntityCreate = z.output<typeof entityCreateSchema>;

export const budgetLineCreateSchema = z.strictObject({
  entityId: z.string().min(1).max(64),
  code: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1).max(200),
  active: z.boolean().default(true),
});
export type BudgetLineCreate = z.output<typeof budgetLineCreateSchema>;

export const budgetLinesQuerySchema = z.strictObject({ entity: z.string().min(1).max(64).optional() });

export { noFieldsSchema } from '../shared/no-fields.schema.ts';
