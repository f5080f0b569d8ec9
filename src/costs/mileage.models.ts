import type { DateTime } from 'luxon';
import ratesFile from './data/mileage-rates.json' with { type: 'json' };
import { costErrors } from './costs.errors.ts';
import { PARIS_ZONE } from '../shared/clock.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { calendarDateIn, dateInWindow } from './dates.models.ts';
import { allocateRounded } from './rounding.models.ts';
import { mileageInputSchema, mileageRatesFileSchema, type HorsepowerClass, type MileageRates } from './mileage.schemas.ts';

export const mileageRates: MileageRates = parseOrThrow(mileageRatesFileSchema, ratesFile, 'mileage-rates.json');

export type MileageInput = {
  fiscalHorsepower: number;
  distanceKm: number;
  kmAlreadyDrivenThisYear: number;
  date: string | DateTime; // ISO date ("2026-03-10", a Paris calendar day) or date-time
};

export type MileageSlice = { fromKm: number; toKm: number; km: number; rateCentsPerKm: number; amountCents: number };
export type MileageResult = { amountCents: number; rateTableId: string; slices: MileageSlice[] };

export function horsepowerClass(fiscalHorsepower: number): HorsepowerClass {
  if (fiscalHorsepower <= 5) return '5cv_or_less';
  return fiscalHorsepower <= 7 ? '6_7cv' : '8cv_or_more';
}

export function mileageRateTableFor(date: string, rates: MileageRates = mileageRates) {
  const table = rates.tables.find((t) => dateInWindow(date, t.effectiveFrom, t.effectiveTo));
  if (!table) {
    const earliest = rates.tables.map((t) => t.effectiveFrom).sort()[0];
    throw costErrors.mileageDateUnsupported({ date, earliest: earliest ?? '' }, [
      { path: 'date', message: `mileage rates are known from ${earliest}` },
    ]);
  }
  return table;
}

// Distances are resolved to the metre so that every amount is an exact integer of milli-cents
// (metres × cents/km): no binary noise with fractional (corrected) distances.
const toMetres = (km: number) => Math.round(km * 1000);

// Each km is paid at the rate of the calendar-year band it falls in (our reading of the arrêté).
// The total is rounded half up to the cent once; the slices get the rounded running sums so that
// they add up exactly to the total.
export function mileageAllowance(input: MileageInput, rates: MileageRates = mileageRates): MileageResult {
  const { fiscalHorsepower, distanceKm, kmAlreadyDrivenThisYear } = parseOrThrow(mileageInputSchema, input, 'mileage input');
  const table = mileageRateTableFor(calendarDateIn(input.date, PARIS_ZONE, 'date'), rates);
  const bandRates = table.ratesCentsPerKm[horsepowerClass(fiscalHorsepower)];
  const bandEdgesM = [0, rates.bandUpperKm[0] * 1000, rates.bandUpperKm[1] * 1000, Number.POSITIVE_INFINITY];
  const startM = toMetres(kmAlreadyDrivenThisYear);
  const endM = startM + toMetres(distanceKm);

  const pieces: Array<{ fromM: number; toM: number; rate: number }> = [];
  for (let band = 0; band < 3; band += 1) {
    const fromM = Math.max(startM, bandEdgesM[band]!);
    const toM = Math.min(endM, bandEdgesM[band + 1]!);
    if (toM > fromM) pieces.push({ fromM, toM, rate: bandRates[band]! });
  }
  const { total, parts } = allocateRounded(pieces.map((p) => (p.toM - p.fromM) * p.rate), 1000);
  const slices = pieces.map((p, i) => ({
    fromKm: p.fromM / 1000,
    toKm: p.toM / 1000,
    km: (p.toM - p.fromM) / 1000,
    rateCentsPerKm: p.rate,
    amountCents: parts[i]!,
  }));
  return { amountCents: total, rateTableId: table.id, slices };
}
