import type { z } from 'zod';
import { AppError, type ErrorDetail } from './errors.ts';

export function zodIssuesToDetails(issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

// Parses untrusted input at a boundary; a failure is a 400 naming every offending field.
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = zodIssuesToDetails(result.error.issues);
  const fields = details.slice(0, 3).map((d) => d.path).join(', ');
  throw new AppError('validation.invalid', `Invalid ${what}: ${fields}`, details);
}
