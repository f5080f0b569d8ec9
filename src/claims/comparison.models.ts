import type { Quote, QuotedLeg } from '../quote/quote.usecases.ts';

// Estimate (the validated mission's quote) beside actual (the claim's quote), leg by leg and in
// total, for the claim page, the secretariat and the API. Pure: figures in, figures out.

export type LegFigures = { mode: string; from: string | null; to: string | null; distanceKm: number; trips: number; co2eGrams: number; costCents: number };
export type LegComparison = { index: number; estimate: LegFigures | null; actual: LegFigures | null; changed: boolean; co2eGrams: Figure; costCents: Figure };
export type Figure = { estimate: number; actual: number; difference: number };
export type Comparison = {
  legs: LegComparison[];
  totals: { co2eGrams: Figure; travelCostCents: Figure; expensesCents: Figure; reimbursedCents: Figure; contributionCents: Figure };
};

const figures = (leg: QuotedLeg): LegFigures => ({
  mode: leg.mode,
  from: leg.from?.label ?? null,
  to: leg.to?.label ?? null,
  distanceKm: leg.distanceKm,
  trips: leg.trips,
  co2eGrams: leg.co2eGrams,
  costCents: leg.costCents,
});

const figure = (estimate: number, actual: number): Figure => ({ estimate, actual, difference: actual - estimate });

const sameLeg = (a: LegFigures | null, b: LegFigures | null) =>
  a !== null && b !== null && a.mode === b.mode && a.from === b.from && a.to === b.to && a.trips === b.trips && a.co2eGrams === b.co2eGrams && a.costCents === b.costCents;

// What a quote says the traveller is owed for the trip itself: fares, mileage allowance and per diem.
export const travelCostCents = (quote: Quote): number => quote.totals.costCents - quote.totals.breakdown.offsetCents;

// Legs are set side by side in their order (the claim starts as a copy of the mission's legs, so an
// unchanged trip lines up); a leg added or dropped shows against an empty cell.
export function compareQuotes(estimate: Quote, actual: Quote, actualExpensesCents: number, bookedContributionCents: number): Comparison {
  const count = Math.max(estimate.legs.length, actual.legs.length);
  const legs = Array.from({ length: count }, (_, index): LegComparison => {
    const e = estimate.legs[index] ? figures(estimate.legs[index]!) : null;
    const a = actual.legs[index] ? figures(actual.legs[index]!) : null;
    // A leg added or dropped counts as 0 on the side where it is missing.
    return { index, estimate: e, actual: a, changed: !sameLeg(e, a), co2eGrams: figure(e?.co2eGrams ?? 0, a?.co2eGrams ?? 0), costCents: figure(e?.costCents ?? 0, a?.costCents ?? 0) };
  });
  const travel = figure(travelCostCents(estimate), travelCostCents(actual));
  return {
    legs,
    totals: {
      co2eGrams: figure(estimate.totals.co2eGrams, actual.totals.co2eGrams),
      travelCostCents: travel,
      expensesCents: figure(0, actualExpensesCents),
      reimbursedCents: figure(travel.estimate, travel.actual + actualExpensesCents),
      contributionCents: figure(bookedContributionCents, actual.offset.amountCents),
    },
  };
}
