import { z } from 'zod';
import { roles } from './auth.types.ts';
import { userCategories } from './auth.models.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email());

// Length over composition rules (ANSSI, NIST 800-63B); the upper bound caps hashing work.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  entityId: z.string().min(1).max(64).nullable().default(null),
  category: z.enum(userCategories).default('staff'),
});
export type UserCreate = z.input<typeof userCreateSchema>;

// The sign-in form: only presence and size are checked here; a malformed email simply fails to match.
export const signInFormSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
  next: z.string().max(512).optional(),
});

export const tokenLabelSchema = z.string().trim().min(1).max(100);
