// The expenses of a claim besides the trip's own fares, mileage and per diem, and the totals finance
// pays. Amounts are integer euro cents; the limits bound what one line of an état de frais can be.

export const expenseKinds = ['lodging', 'taxi', 'registration', 'parking', 'tolls', 'other'] as const;
export type ExpenseKind = (typeof expenseKinds)[number];

export const MAX_EXPENSE_CENTS = 2_000_000; // 20 000 € for one line: beyond that it is not a travel expense
export const MAX_EXPENSES = 100;
export const EXPENSE_LABEL_MAX_CHARS = 200;

export type Expense = { kind: ExpenseKind; amountCents: number; date: string; label: string };

// What the trip's quote contributes to the claim: the fares the traveller advanced, the mileage
// allowance and the per diem (recomputed from the actual dates and legs by the cost rules).
export type TripCosts = { faresCents: number; mileageCents: number; perDiemCents: number };

export type ClaimAmounts = TripCosts & { expensesCents: Record<ExpenseKind, number>; totalCents: number };

export function claimAmounts(trip: TripCosts, expenses: readonly Expense[]): ClaimAmounts {
  const expensesCents = Object.fromEntries(expenseKinds.map((k) => [k, 0])) as Record<ExpenseKind, number>;
  for (const e of expenses) expensesCents[e.kind] += e.amountCents;
  const expensesTotal = expenseKinds.reduce((sum, k) => sum + expensesCents[k], 0);
  return { ...trip, expensesCents, totalCents: trip.faresCents + trip.mileageCents + trip.perDiemCents + expensesTotal };
}

// Per diem and mileage are flat rates the administration computes: no receipt proves them. Fares and
// every other expense were paid by the traveller and need one.
export const amountsNeedingReceiptCents = (amounts: ClaimAmounts): number => amounts.totalCents - amounts.perDiemCents - amounts.mileageCents;

// A claim's own warnings, beside the trip quote's policy flags. French message, params for the pages.
export type ClaimFlag = { code: 'claim.lodging_with_night_allowance'; severity: 'warning'; message: string; params: { nights: number } };

// The night allowance (nuitée) already pays for lodging: a hotel bill claimed on top of it is paid
// twice, unless the nights it covers are declared provided in the trip (perDiem.nightsProvided).
export function claimFlags(expenses: readonly Expense[], nightAllowances: number): ClaimFlag[] {
  if (nightAllowances === 0 || !expenses.some((e) => e.kind === 'lodging')) return [];
  return [
    {
      code: 'claim.lodging_with_night_allowance',
      severity: 'warning',
      message: `Un hébergement est déclaré alors que ${nightAllowances} nuitée(s) forfaitaire(s) sont déjà comptées : la nuitée couvre l'hébergement. Déclarez les nuits prises en charge ou retirez la dépense.`,
      params: { nights: nightAllowances },
    },
  ];
}
