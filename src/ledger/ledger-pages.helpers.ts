import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { PARIS_ZONE, type Clock } from '../shared/clock.ts';
import { errorMessage, isAppError } from '../shared/errors.ts';
import { isMessageKey, type Lang, type MessageKey, type Translate } from '../shared/i18n/index.ts';
import { fieldErrorsFrom, type FieldErrors } from '../web/forms.ts';

// Shared by the finance and admin pages: formatting in the reader's language, form values, errors.

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export function ledgerFormatters(lang: Lang) {
  const money = new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' });
  const kg = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    // Cents are integers far below 2^53: dividing by 100 for display loses nothing a euro shows.
    eur: (amountCents: number) => money.format(amountCents / 100),
    kg: (co2eGrams: number) => `${kg.format(co2eGrams / 1000)} kg CO2e`,
    day: (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(PARIS_ZONE).setLocale(locale(lang)).toFormat('d LLL yyyy'),
  };
}
export type LedgerFormatters = ReturnType<typeof ledgerFormatters>;

export function pageTools(res: Response) {
  const lang: Lang = res.locals.lang;
  const t: Translate = res.locals.t;
  return { lang, t, f: ledgerFormatters(lang) };
}

export const parisToday = (clock: Clock): string => clock.now().setZone(PARIS_ZONE).toISODate()!;
export const newIdemKey = (): string => randomBytes(16).toString('base64url');

// A form's submitted values as strings, to show them again beside their errors.
export function formValues(req: Request, names: readonly string[]): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, typeof body[name] === 'string' ? (body[name] as string) : '']));
}

// zod issues → messages keyed by field; our custom issues name their catalogue message.
export function formErrors(issues: z.core.$ZodIssue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.code === 'custom' ? (issue.params as { key?: unknown } | undefined)?.key : undefined;
    const [[path, message]] = Object.entries(isMessageKey(key) ? { [issue.path.join('.')]: t(key) } : fieldErrorsFrom([issue], t)) as [[string, string]];
    errors[path] ??= message;
  }
  return errors;
}

// An expected refusal from the ledger (AppError) shown next to the form field it concerns, in the
// reader's language: the page's own wording when it has one for the code, the error's otherwise.
export function errorsFromAppError(err: unknown, t: Translate, fieldOf: Record<string, string>, fallbackField: string, known: Record<string, MessageKey | ((d: Record<string, unknown>) => string)> = {}): FieldErrors {
  if (!isAppError(err) || err.status >= 500) throw err;
  const detail = (err.details[0] ?? {}) as Record<string, unknown>;
  const field = fieldOf[String(detail.path ?? '')] ?? fallbackField;
  const wording = known[err.code];
  const message = typeof wording === 'function' ? wording(detail) : wording ? t(wording) : errorMessage(err, t);
  return { [field]: message };
}
