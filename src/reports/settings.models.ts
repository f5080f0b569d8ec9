import { roundHalfUp } from '../shared/units.ts';

// The reference year and the targets the copil measures against (rules-peers-ledger B2): 2019 is the
// State's reference for agents' air travel (−20 % by 2024, −30 % by 2027, circulaire 6425/SG);
// −5 % a year is the school's GHG trajectory. All three are set by admin and kept with history.

export type FlightTarget = { year: number; reductionPercent: number };
export type ReportSettings = {
  referenceYear: number;
  ghgReductionPercentPerYear: number;
  flightTargets: FlightTarget[]; // against the reference year's flights, years after it, sorted
  setAt: string | null; // null: the defaults, never changed
  setBy: string | null;
};

export const DEFAULT_REFERENCE_YEAR = 2019;
export const defaultSettings: ReportSettings = Object.freeze({
  referenceYear: DEFAULT_REFERENCE_YEAR,
  ghgReductionPercentPerYear: 5,
  flightTargets: [
    { year: 2024, reductionPercent: 20 },
    { year: 2027, reductionPercent: 30 },
  ],
  setAt: null,
  setBy: null,
});

// Compounded: each year emits (1 − rate) times the year before, from the reference year on.
// Years before the reference have no target.
export function co2eTargetGrams(referenceGrams: number, referenceYear: number, ratePercent: number, year: number): number | null {
  if (year < referenceYear) return null;
  return roundHalfUp(referenceGrams * (1 - ratePercent / 100) ** (year - referenceYear));
}

// The reduction expected in a year: 0 % in the reference year, straight lines between milestones,
// the last milestone's once past it. E.g. −20 % in 2024, −30 % in 2027: 2022 expects −12 %.
export function flightReductionPercent(referenceYear: number, targets: readonly FlightTarget[], year: number): number | null {
  if (year < referenceYear) return null;
  let previous = { year: referenceYear, reductionPercent: 0 };
  for (const target of [...targets].filter((t) => t.year > referenceYear).sort((a, b) => a.year - b.year)) {
    if (year <= target.year) {
      const share = (year - previous.year) / (target.year - previous.year);
      return previous.reductionPercent + share * (target.reductionPercent - previous.reductionPercent);
    }
    previous = target;
  }
  return previous.reductionPercent;
}

export function flightTarget(referenceFlights: number, referenceYear: number, targets: readonly FlightTarget[], year: number): number | null {
  const percent = flightReductionPercent(referenceYear, targets, year);
  return percent === null ? null : roundHalfUp(referenceFlights * (1 - percent / 100));
}
