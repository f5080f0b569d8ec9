import { perDiem, type PerDiemResult } from '../costs/per-diem.models.ts';
import { perDiemAbroad, type PerDiemAbroadResult } from '../costs/per-diem-abroad.models.ts';
import { minorUnitDigits } from '../costs/per-diem-abroad-rates.models.ts';
import { lodgingTierFor } from '../costs/lodging-tier.models.ts';
import type { LodgingTier } from '../costs/per-diem.schemas.ts';
import type { PerDiemAbroadRow } from '../costs/per-diem-abroad.schemas.ts';
import type { SlotProfile } from '../costs/slots.schemas.ts';
import type { PlaceResolver } from '../places/places.usecases.ts';
import type { PolicyFlag } from './policy.models.ts';
import { quoteMessage, type QuoteLang } from './quote.messages.ts';
import type { QuoteRequest } from './quote.schemas.ts';

export type PerDiemSummary =
  | { scope: 'metropolitan'; amountCents: number; lodgingTier: LodgingTier; detail: PerDiemResult; flags: PolicyFlag[] }
  | { scope: 'abroad'; amountCents: number; detail: PerDiemAbroadResult; flags: PolicyFlag[] };

// The lodging tier is given by the traveller or read from the destination city (Paris, Grand Paris,
// cities of 200 000 inhabitants or more); without a city the base rate applies.
function lodgingTier(request: QuoteRequest, places: PlaceResolver): LodgingTier {
  if (request.perDiem?.lodgingTier) return request.perDiem.lodgingTier;
  const city = request.destination?.city;
  if (!city) return 'base';
  const place = places.resolve(`${city}, FR`, { mode: 'train', path: 'destination.city' });
  return lodgingTierFor({ city: place.city ?? city, countryCode: 'FR', population: place.population });
}

function abroadFlags(result: PerDiemAbroadResult, lang: QuoteLang): PolicyFlag[] {
  if (result.status === 'rate_unknown') {
    const params = { country: result.countryCode, city: result.city, detail: result.message };
    return [{ code: 'per_diem.rate_unknown', severity: 'warning', message: quoteMessage(lang, 'per_diem.rate_unknown', params), params }];
  }
  if (result.amountCents === null) {
    const params = { amountMinor: result.amountMinor, digits: minorUnitDigits(result.currency), currency: result.currency };
    return [{ code: 'per_diem.foreign_currency', severity: 'info', message: quoteMessage(lang, 'per_diem.foreign_currency', params), params }];
  }
  return [];
}

// Per diem needs the mission's dates; without them the quote prices the journey only.
export type PerDiemDeps = { places: PlaceResolver; slotProfile: SlotProfile; abroadRows: readonly PerDiemAbroadRow[] };

export function quotePerDiem(request: QuoteRequest, deps: PerDiemDeps, lang: QuoteLang = 'fr'): PerDiemSummary | null {
  if (!request.departAt || !request.returnAt) return null;
  const provided = { mealsProvided: request.perDiem?.mealsProvided, nightsProvided: request.perDiem?.nightsProvided };
  const country = request.destination?.country ?? 'FR';
  if (country !== 'FR') {
    // The clock abroad starts on arrival; departure and return times are its best known bounds.
    const detail = perDiemAbroad({ countryCode: country, city: request.destination?.city ?? null, departAt: request.departAt, returnAt: request.returnAt, ...provided }, { rows: deps.abroadRows, profile: deps.slotProfile });
    return { scope: 'abroad', amountCents: detail.status === 'ok' ? (detail.amountCents ?? 0) : 0, detail, flags: abroadFlags(detail, lang) };
  }
  const tier = lodgingTier(request, deps.places);
  const detail = perDiem({ departAt: request.departAt, returnAt: request.returnAt, lodgingTier: tier, disabledAgent: request.perDiem?.disabledAgent, ...provided }, deps.slotProfile);
  return { scope: 'metropolitan', amountCents: detail.amountCents, lodgingTier: tier, detail, flags: [] };
}
