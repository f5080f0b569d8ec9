import { invalid } from '../shared/errors.ts';
import { costErrors, costTexts } from './costs.errors.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { assertMissionSpanMs, assertZone, instantMillis, type InstantInput } from './dates.models.ts';
import { allocateRounded } from './rounding.models.ts';
import { coveredSlotsMs, defaultSlotProfile, type CoveredSlotMs } from './slots.models.ts';
import type { SlotProfile } from './slots.schemas.ts';
import { perDiemAbroadInputSchema, type PerDiemAbroadRow } from './per-diem-abroad.schemas.ts';
import { perDiemAbroadRows, pricedSlot, rowsForPlace, type RateUnknownReason } from './per-diem-abroad-rates.models.ts';

export type PerDiemAbroadInput = {
  countryCode: string; // ISO 3166-1 alpha-2
  city?: string | null;
  departAt: InstantInput; // arrival in the destination town, airport or port (the clock starts there)
  returnAt: InstantInput; // departure from it for the return
  zone?: string; // IANA zone of the destination; else the rate row's default zone
  mealsProvided?: number;
  nightsProvided?: number;
};

export type PerDiemAbroadLine = {
  kind: 'meal' | 'night';
  slot: string;
  date: string;
  rateId: string;
  dailyRateMinor: number;
  sharePermille: number;
  amountMinor: number;
};

export type PerDiemAbroadResult =
  | {
      status: 'ok';
      countryCode: string;
      city: string | null;
      currency: string;
      zone: string;
      zoneApproximate: boolean; // true when a multi-zone country's default zone was used
      profileId: string;
      meals: number;
      nights: number;
      mealsDue: number;
      nightsDue: number;
      amountMinor: number; // in the rate's currency
      amountCents: number | null; // only for EUR: no exchange rates offline
      lines: PerDiemAbroadLine[];
    }
  | { status: 'rate_unknown'; countryCode: string; city: string | null; reason: RateUnknownReason; message: string };

export type PerDiemAbroadOptions = { rows?: readonly PerDiemAbroadRow[]; profile?: SlotProfile };

const unknown = (countryCode: string, city: string | null, reason: RateUnknownReason, message: string): PerDiemAbroadResult => ({
  status: 'rate_unknown',
  countryCode,
  city,
  reason,
  message,
});

// Daily rate abroad, split 65 % night / 17,5 % lunch / 17,5 % dinner. Slots are counted with the
// same profile as in France, on the destination's wall clock, between arrival there and departure
// from there. Each slot takes the rate of its own date (effective dates and seasons such as New
// York's). Line amounts are exact shares rounded so that they add up to the total rounded once.
export function perDiemAbroad(input: PerDiemAbroadInput, options: PerDiemAbroadOptions = {}): PerDiemAbroadResult {
  const { countryCode, city: rawCity, zone: givenZone, mealsProvided, nightsProvided } = parseOrThrow(perDiemAbroadInputSchema, input, 'per diem abroad input');
  const city = rawCity ?? null;
  const departAtMs = instantMillis(input.departAt, 'departAt');
  const returnAtMs = instantMillis(input.returnAt, 'returnAt');
  assertMissionSpanMs(departAtMs, returnAtMs);
  const profile = options.profile ?? defaultSlotProfile;

  const rows = rowsForPlace(options.rows ?? perDiemAbroadRows, countryCode, city);
  if (typeof rows === 'string') {
    const what = rows === 'country_unknown' ? `country ${countryCode}` : `${city ?? '(no city)'}, ${countryCode}`;
    return unknown(countryCode, city, rows, `No per-diem rate is known for ${what}`);
  }
  const zone = givenZone ?? rows.find((r) => r.defaultZone !== null)?.defaultZone;
  if (!zone) throw invalid('zone', costTexts.zoneRequired({ country: countryCode }));
  assertZone(zone, 'zone');

  let mealsDue = 0;
  let nightsDue = 0;
  const priced: Array<{ slot: CoveredSlotMs; row: PerDiemAbroadRow; dailyRateMinor: number; sharePermille: number }> = [];
  for (const slot of coveredSlotsMs(departAtMs, returnAtMs, zone, profile)) {
    const isNight = slot.kind === 'night';
    const provided = isNight ? nightsDue++ < nightsProvided : mealsDue++ < mealsProvided;
    if (provided) continue;
    const price = pricedSlot(rows, slot);
    if (!price) return unknown(countryCode, city, 'no_rate_for_date', `No per-diem rate is known for ${countryCode} on ${slot.date}`);
    // Spelled out, not `{ slot, ...price }`: a spread is a runtime copy on every slot of every quote.
    priced.push({ slot, row: price.row, dailyRateMinor: price.dailyRateMinor, sharePermille: price.sharePermille });
  }

  if (priced.some((p) => p.row.currency !== priced[0]!.row.currency)) {
    throw costErrors.currencyChanges({ country: countryCode });
  }
  const currency = priced[0]?.row.currency ?? rows[0]!.currency;
  const { total, parts } = allocateRounded(priced.map((p) => p.dailyRateMinor * p.sharePermille), 1000);
  const lines = priced.map((p, i): PerDiemAbroadLine => ({
    kind: p.slot.kind,
    slot: p.slot.slot,
    date: p.slot.date,
    rateId: p.row.id,
    dailyRateMinor: p.dailyRateMinor,
    sharePermille: p.sharePermille,
    amountMinor: parts[i]!,
  }));
  const meals = lines.filter((l) => l.kind === 'meal').length;
  return {
    status: 'ok',
    countryCode,
    city,
    currency,
    zone,
    zoneApproximate: givenZone === undefined && rows.some((r) => r.zoneApproximate),
    profileId: profile.id,
    meals,
    nights: lines.length - meals,
    mealsDue,
    nightsDue,
    amountMinor: total,
    amountCents: currency === 'EUR' ? total : null,
    lines,
  };
}
