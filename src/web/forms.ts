import type { z } from 'zod';
import { detailMessage, errorMessage, isAppError, type AppError } from '../shared/errors.ts';
import type { MessageKey, MessageParams, Translate } from '../shared/i18n/index.ts';

// Form pages show each error next to its field, in the reader's language: zod's issues are mapped to
// catalogue messages by kind, keyed by the field path (`legs.0.from`).
export type FieldErrors = Record<string, string>;

function messageFor(issue: z.core.$ZodIssue): [MessageKey, MessageParams?] {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string' ? ['form.error.required'] : ['form.error.tooShort', { min: Number(issue.minimum) }];
    case 'too_big':
      return ['form.error.tooLong', { max: Number(issue.maximum) }];
    case 'invalid_format':
      return issue.format === 'email' ? ['form.error.email'] : ['form.error.invalid'];
    case 'invalid_type':
      // An absent form field arrives as undefined: for a person, that is a required field left empty.
      return issue.expected === 'number' ? ['form.error.number'] : ['form.error.required'];
    case 'invalid_value':
      return ['form.error.choice'];
    default:
      return ['form.error.invalid'];
  }
}

export function fieldErrorsFrom(issues: z.core.$ZodIssue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_form';
    errors[path] ??= t(...messageFor(issue));
  }
  return errors;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseForm<S extends z.ZodType>(schema: S, input: unknown, t: Translate): FormResult<z.output<S>> {
  const result = schema.safeParse(input ?? {});
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrorsFrom(result.error.issues, t) };
}

// The named fields of a posted form as strings ('' when absent or repeated), so that a strict schema
// never sees a stray field and the form can be shown again with exactly what was typed.
export function formStrings<N extends string>(body: unknown, names: readonly N[]): Record<N, string> {
  const fields = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, typeof fields[name] === 'string' ? fields[name] : ''])) as Record<N, string>;
}

// A group of checkboxes sharing one name: absent, one value (a string) or several (an array).
export function formList(body: unknown, name: string): string[] {
  const value = ((body ?? {}) as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

// An API refusal (AppError) on a form: each detail next to the field its path names, in the page's
// language (or the page's own wording for that field, when it has one); a conflict, or a refusal that
// names no field, above the form.
export function fieldErrorsFromAppError(err: unknown, t: Translate, fieldOf: (path: string) => string, pageWording: (field: string, err: AppError) => string | undefined = () => undefined): FieldErrors {
  if (!isAppError(err)) throw err;
  const errors: FieldErrors = {};
  for (const detail of err.details) {
    const field = fieldOf(detail.path);
    errors[field] ??= pageWording(field, err) ?? detailMessage(detail, t);
  }
  if (Object.keys(errors).length === 0 || err.status === 409) errors._form ??= errorMessage(err, t);
  return errors;
}
