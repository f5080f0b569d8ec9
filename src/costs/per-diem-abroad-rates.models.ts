import rowsFile from './data/per-diem-abroad.json' with { type: 'json' };
import { invalid } from '../shared/errors.ts';
import { costErrors, costTexts } from './costs.errors.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { cityKey } from './city-names.models.ts';
import { dateInWindow } from './dates.models.ts';
import type { CoveredSlotMs } from './slots.models.ts';
import { perDiemAbroadFileSchema, type PerDiemAbroadRow } from './per-diem-abroad.schemas.ts';

// Shares of the daily rate, in ‰ (reference A4: 65 % night, 17,5 % lunch, 17,5 % dinner).
export const NIGHT_SHARE_PERMILLE = 650;
export const MEAL_SHARE_PERMILLE = 175;

export function parsePerDiemAbroadRows(json: unknown, what = 'per-diem abroad rates'): PerDiemAbroadRow[] {
  return checkRows(parseOrThrow(perDiemAbroadFileSchema, json, what).rows);
}

// Extra rows (e.g. more countries of the arrêté) join the shipped ones; a clash is refused rather
// than silently shadowing a sourced rate.
export function withExtraAbroadRows(base: readonly PerDiemAbroadRow[], extra: readonly PerDiemAbroadRow[]): PerDiemAbroadRow[] {
  return checkRows([...base, ...extra]);
}

function checkRows(rows: PerDiemAbroadRow[]): PerDiemAbroadRow[] {
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (ids.has(row.id)) throw invalid(`rows.${i}.id`, costTexts.duplicateRate({ id: row.id }));
    ids.add(row.id);
    const clash = rows.slice(0, i).find((o) => sameScope(o, row) && overlaps(o, row));
    if (clash) throw invalid(`rows.${i}`, costTexts.overlappingRate({ id: row.id, other: clash.id }));
  });
  return rows;
}

function sameScope(a: PerDiemAbroadRow, b: PerDiemAbroadRow): boolean {
  const scope = (r: PerDiemAbroadRow) => `${r.countryCode}:${r.city === null ? '' : cityKey(r.city)}`;
  return scope(a) === scope(b);
}

function overlaps(a: PerDiemAbroadRow, b: PerDiemAbroadRow): boolean {
  return (a.effectiveTo === null || a.effectiveTo >= b.effectiveFrom) && (b.effectiveTo === null || b.effectiveTo >= a.effectiveFrom);
}

// Parsed once at module load, after the helpers above exist.
export const perDiemAbroadRows: readonly PerDiemAbroadRow[] = parsePerDiemAbroadRows(rowsFile, 'per-diem-abroad.json');

// Minor units of a currency (2 for EUR/USD/CAD/AUD, 0 for XOF or JPY) as ISO 4217 gives them.
const minorDigitsByCurrency = new Map<string, number>();

export function minorUnitDigits(currency: string): number {
  let digits = minorDigitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsByCurrency.set(currency, digits);
  }
  return digits;
}

export function dailyRateMinor(row: PerDiemAbroadRow, isoDate: string): number {
  const monthDay = isoDate.slice(5);
  const window = row.dailyRates.find((w) => w.from <= monthDay && monthDay <= w.to)!;
  const scaled = window.dailyRate * 10 ** minorUnitDigits(row.currency);
  const minor = Math.round(scaled);
  if (Math.abs(scaled - minor) > 1e-6) throw costErrors.rateDecimals({ id: row.id, currency: row.currency });
  return minor;
}

export type RateUnknownReason = 'country_unknown' | 'city_rate_unknown' | 'no_rate_for_date';

// The rows that may price this place: the city's own rows, else the country-wide rows unless they
// exclude the city (Toronto, Vancouver: their own rates are not known here).
export function rowsForPlace(rows: readonly PerDiemAbroadRow[], countryCode: string, city: string | null): PerDiemAbroadRow[] | RateUnknownReason {
  const inCountry = rows.filter((r) => r.countryCode === countryCode);
  if (inCountry.length === 0) return 'country_unknown';
  const key = city === null ? null : cityKey(city);
  const cityRows = inCountry.filter((r) => r.city !== null && key !== null && [r.city, ...r.cityAliases].some((n) => cityKey(n) === key));
  if (cityRows.length > 0) return cityRows;
  const countryRows = inCountry.filter((r) => r.city === null);
  const excluded = key !== null && countryRows.some((r) => r.excludedCities.some((n) => cityKey(n) === key));
  return countryRows.length === 0 || excluded ? 'city_rate_unknown' : countryRows;
}

export function pricedSlot(rows: readonly PerDiemAbroadRow[], slot: Pick<CoveredSlotMs, 'kind' | 'date'>) {
  const row = rows.find((r) => dateInWindow(slot.date, r.effectiveFrom, r.effectiveTo));
  if (!row) return null;
  return { row, dailyRateMinor: dailyRateMinor(row, slot.date), sharePermille: slot.kind === 'night' ? NIGHT_SHARE_PERMILLE : MEAL_SHARE_PERMILLE };
}
