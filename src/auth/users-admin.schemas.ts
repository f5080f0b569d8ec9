import { z } from 'zod';
import { userCategories } from './auth.models.ts';
import { passwordSchema, userCreateSchema } from './auth.schemas.ts';
import { roles } from './auth.types.ts';

// The boundary of managing people (API and pages). Creation follows the CLI's `user add`: roles
// default to staff, the password is optional (people behind the proxy or using tokens need none).
export const personCreateSchema = userCreateSchema.extend({
  roles: z.array(z.enum(roles)).min(1).max(roles.length).default(['staff']),
  password: passwordSchema.optional(),
});
export type PersonCreate = z.output<typeof personCreateSchema>;

// Editing a person: only these three; email, roles, status and password have their own operations.
export const personUpdateSchema = z
  .strictObject({
    name: userCreateSchema.shape.name.optional(),
    entityId: z.string().min(1).max(64).nullable().optional().describe('null: no entity'),
    category: z.enum(userCategories).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one of name, entityId, category');
export type PersonUpdate = z.output<typeof personUpdateSchema>;

export const passwordSetSchema = z.strictObject({ password: passwordSchema });

export { noFieldsSchema } from '../shared/no-fields.schema.ts';

export const roleChangeSchema = z.strictObject({ role: z.enum(roles), action: z.enum(['add', 'remove']) });
export type RoleChange = z.output<typeof roleChangeSchema>;

// The answer of GET /api/users and of every change: what an administrator needs, never a hash.
export const personSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  category: z.enum(userCategories),
  entity: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.enum(roles)),
  disabled: z.boolean(),
});
export type Person = z.output<typeof personSchema>;

export const personListSchema = z.object({ users: z.array(personSchema) });
export const personChangeSchema = z.object({ user: personSchema, changed: z.boolean().describe('false when the person was already in that state') });
export const passwordSetAnswerSchema = z.object({ user: personSchema, sessionsEnded: z.number().int().describe('sessions of the person ended by the change') });
