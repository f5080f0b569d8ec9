import { expenseKinds, type ClaimAmounts, type ExpenseKind } from './expenses.models.ts';

// What finance pays, claim by claim: the amounts per kind (fares advanced by the traveller, mileage,
// per diem, then each expense kind) and the totals of the list. Pure: rows in, lines and totals out.

export const paymentStatuses = ['certified', 'paid'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

// The columns every export shows, in this order: the trip's own costs, then the expenses.
export const paymentKinds = ['fares', 'mileage', 'perDiem', ...expenseKinds] as const;
export type PaymentKind = (typeof paymentKinds)[number];

export type PaymentLine = {
  claimId: string;
  missionId: string;
  travellerName: string | null;
  budgetLine: { id: string; code: string; label: string } | null;
  destination: string;
  certifiedAt: string | null;
  paidAt: string | null;
  paymentReference: string | null;
  amountsCents: Record<PaymentKind, number>;
  totalCents: number;
};

export type PaymentTotals = { claims: number; amountsCents: Record<PaymentKind, number>; totalCents: number };

export function amountsByKind(amounts: ClaimAmounts): Record<PaymentKind, number> {
  const expenses = Object.fromEntries(expenseKinds.map((k) => [k, amounts.expensesCents[k]])) as Record<ExpenseKind, number>;
  return { fares: amounts.faresCents, mileage: amounts.mileageCents, perDiem: amounts.perDiemCents, ...expenses };
}

export function paymentTotals(lines: readonly PaymentLine[]): PaymentTotals {
  const amountsCents = Object.fromEntries(paymentKinds.map((k) => [k, 0])) as Record<PaymentKind, number>;
  let totalCents = 0;
  for (const line of lines) {
    for (const k of paymentKinds) amountsCents[k] += line.amountsCents[k];
    totalCents += line.totalCents;
  }
  return { claims: lines.length, amountsCents, totalCents };
}

// French column titles, shared by the CSV and the PDF (finance files both).
export const paymentKindLabelsFr: Record<PaymentKind, string> = {
  fares: 'Transport',
  mileage: 'Indemnités kilométriques',
  perDiem: 'Indemnités de mission',
  lodging: 'Hébergement',
  taxi: 'Taxi',
  registration: 'Inscription',
  parking: 'Parking',
  tolls: 'Péages',
  other: 'Autres frais',
};
