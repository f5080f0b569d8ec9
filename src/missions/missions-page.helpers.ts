import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Lang, MessageKey, Translate } from '../shared/i18n/index.ts';
import { fieldErrorsFrom, fieldErrorsFromAppError, type FieldErrors } from '../web/forms.ts';
import { listBudgetLines, listEntities } from '../org/org.usecases.ts';
import type { Database } from '../shared/db.ts';
import { cabins } from '../shared/modes.ts';
import { missionPurposes } from './missions.models.ts';
import { countryOptions } from './countries.data.ts';
import { formField, formModes } from './mission-form.models.ts';
import { formatters } from './missions.views.ts';

// Shared by the missions pages: language, formatters, select options, error mapping.

export const newIdemKey = (): string => randomBytes(16).toString('base64url');

export function pageTools(res: Response) {
  const lang: Lang = res.locals.lang;
  const t: Translate = res.locals.t;
  return { lang, t, f: formatters(lang, t) };
}

// Details of the API's own rules get the page's translated wording; the others keep their message.
const knownDetail: Record<string, MessageKey> = {
  justification: 'missions.error.justification',
  budgetLineId: 'missions.error.budgetLine',
  comment: 'missions.error.comment',
};

export const errorsFromAppError = (err: unknown, t: Translate): FieldErrors =>
  fieldErrorsFromAppError(err, t, formField, (field, error) => {
    const known = knownDetail[field];
    return known && error.code.startsWith('validation.') ? t(known) : undefined;
  });

export function errorsFromIssues(issues: z.core.$ZodIssue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  const isRequired = (issue: z.core.$ZodIssue) => issue.code === 'custom' && !!(issue.params as { required?: boolean } | undefined)?.required;
  // "Required" says more than "give both dates": it wins when both name the same field.
  for (const issue of [...issues].sort((a, b) => Number(isRequired(b)) - Number(isRequired(a)))) {
    const required = isRequired(issue);
    const [[path, message]] = Object.entries(required ? { [issue.path.join('.')]: t('form.error.required') } : fieldErrorsFrom([issue], t)) as [[string, string]];
    errors[formField(path)] ??= message;
  }
  return errors;
}

export async function selectOptions(database: Database, lang: Lang, t: Translate, entityFirst: string | null) {
  const entities = new Map((await listEntities({ database })).map((e) => [e.id, e.name]));
  const lines = (await listBudgetLines({ database }))
    .filter((l) => l.active)
    .sort((a, b) => Number(b.entityId === entityFirst) - Number(a.entityId === entityFirst));
  const key = (k: string) => t(k as MessageKey);
  return {
    purposes: missionPurposes.map((p) => ({ value: p, label: key(`missions.purpose.${p}`) })),
    budgetLines: [{ value: '', label: t('missions.form.budgetLine.none') }, ...lines.map((l) => ({ value: l.id, label: `${entities.get(l.entityId) ?? ''} — ${l.code} ${l.label}` }))],
    countries: [{ value: '', label: t('missions.form.destinationCountry.none') }, ...countryOptions(lang).map((c) => ({ value: c.code, label: c.name }))],
    modes: formModes.map((m) => ({ value: m, label: key(`missions.mode.${m}`) })),
    cabins: cabins.map((c) => ({ value: c, label: key(`missions.cabin.${c}`) })),
  };
}

export const formString = (req: Request, name: string): string => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
