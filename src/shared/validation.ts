import type { z } from 'zod';
import { invalidInput, type AppError, type ErrorDetail } from './errors.ts';

// One detail per offending field; an unknown key is named itself rather than its parent object, so
// that `{ "isAdmin": true }` is answered with the path `isAdmin`.
export function zodIssuesToDetails(issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const parent = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...parent, key].join('.'), message: `unknown field "${key}"` }));
    return [{ path: parent.join('.') || '(root)', message: issue.message }];
  });
}

export const validationError = (issues: z.core.$ZodIssue[], what: string): AppError => invalidInput(what, zodIssuesToDetails(issues));

// Parses untrusted input at a boundary; a failure is a 400 naming every offending field.
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error.issues, what);
}
