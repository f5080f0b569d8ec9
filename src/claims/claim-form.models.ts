import type { QuoteRequest } from '../quote/quote.schemas.ts';
import { emptyLeg, formField, formFromBody, formFromTrip, MAX_FORM_LEGS, tripFromForm, type MissionForm } from '../missions/mission-form.models.ts';
import { MAX_EXPENSES, type Expense } from './expenses.models.ts';

// The claim page's form speaks strings, as the mission form does: the actual trip uses the mission
// form's own field names (dates, destination, `legs.N.*`), the expenses `expenses.N.*` with amounts
// typed in euros ("42,50"). This file converts both ways and maps API error paths to field names.

export type ExpenseForm = { kind: string; amountEuros: string; date: string; label: string };
export type ClaimForm = { trip: MissionForm; expenses: ExpenseForm[]; note: string; version: string };

export type ClaimFormIntent =
  | { kind: 'save' | 'submit' | 'add_leg' | 'add_expense' }
  | { kind: 'remove_leg' | 'remove_expense'; index: number };

export const emptyExpense = (date = ''): ExpenseForm => ({ kind: 'lodging', amountEuros: '', date, label: '' });

const str = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? String(value.at(-1) ?? '') : '');

export function parseClaimIntent(raw: unknown): ClaimFormIntent {
  const text = str(raw);
  const remove = /^(remove_leg|remove_expense):(\d{1,3})$/.exec(text);
  if (remove) return { kind: remove[1] as 'remove_leg' | 'remove_expense', index: Number(remove[2]) };
  if (text === 'submit' || text === 'add_leg' || text === 'add_expense') return { kind: text };
  return { kind: 'save' };
}

function expensesFromBody(body: Record<string, unknown>): ExpenseForm[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = /^expenses\.(\d{1,3})\./.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .slice(0, MAX_EXPENSES)
    .map((i) => {
      const field = (name: string) => str(body[`expenses.${i}.${name}`]).trim();
      return { kind: field('kind') || 'other', amountEuros: field('amountEuros'), date: field('date'), label: field('label') };
    });
}

export function claimFormFromBody(body: Record<string, unknown>): ClaimForm {
  return { trip: formFromBody(body), expenses: expensesFromBody(body), note: str(body.note).trim(), version: str(body.version).trim() };
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

export function claimFormFromClaim(claim: { trip: QuoteRequest; expenses: readonly Expense[]; note: string | null; version: number }): ClaimForm {
  const trip = formFromTrip(claim.trip, { purpose: '', budgetLineId: null, justification: null, version: claim.version });
  return {
    trip,
    expenses: claim.expenses.map((e) => ({ kind: e.kind, amountEuros: euros(e.amountCents), date: e.date, label: e.label })),
    note: claim.note ?? '',
    version: String(claim.version),
  };
}

// "42,50", "42.5", "1 250" → cents; anything else goes through as typed, for the schema to refuse.
function cents(text: string): number | string {
  const normalised = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d{1,2})?$/.test(normalised) ? Math.round(Number(normalised) * 100) : text;
}

// The body of PUT /api/missions/:id/claim the form stands for, before validation.
export function claimInputFromForm(form: ClaimForm): Record<string, unknown> {
  return {
    trip: tripFromForm(form.trip),
    expenses: form.expenses.map((e) => ({ kind: e.kind, amountCents: e.amountEuros === '' ? undefined : cents(e.amountEuros), date: e.date || undefined, label: e.label })),
    note: form.note || null,
    ...(/^\d+$/.test(form.version) ? { version: Number(form.version) } : {}),
  };
}

// Adding or removing a row redraws the form without saving it.
export function editRows(form: ClaimForm, intent: ClaimFormIntent): ClaimForm {
  const legs = [...form.trip.legs];
  const expenses = [...form.expenses];
  if (intent.kind === 'add_leg' && legs.length < MAX_FORM_LEGS) legs.push(emptyLeg('train'));
  if (intent.kind === 'remove_leg' && legs.length > 1) legs.splice(intent.index, 1);
  if (intent.kind === 'add_expense' && expenses.length < MAX_EXPENSES) expenses.push(emptyExpense(form.trip.departDate));
  if (intent.kind === 'remove_expense') expenses.splice(intent.index, 1);
  return { ...form, trip: { ...form.trip, legs }, expenses };
}

// API error path → form field name (`expenses.0.amountCents` → `expenses.0.amountEuros`).
export function claimFormField(path: string): string {
  const expense = /^expenses\.(\d+)\.(\w+)/.exec(path);
  if (expense) return `expenses.${expense[1]}.${expense[2] === 'amountCents' ? 'amountEuros' : expense[2]}`;
  if (path === 'receipts') return 'file';
  if (path === 'note') return 'note';
  return formField(path);
}
