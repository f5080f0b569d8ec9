import type { Place } from '../places/places.types.ts';
import type { CompiledFactorSet } from '../footprint/factors.models.ts';
import { computeLegFootprint, type LegFootprint } from '../footprint/footprint.models.ts';
import type { FactorProvenance } from '../footprint/footprint.models.ts';
import type { QuoteLegRequest } from './quote.schemas.ts';
import { quoteMessage, type QuoteLang } from './quote.messages.ts';
import { estimateRailFareCents, estimateRailMinutes, railReachable, visioHoursFor } from './alternatives.models.ts';

export type Alternative =
  | {
      legIndex: number;
      mode: 'train' | 'visio';
      available: true;
      distanceKm: number;
      trips: number;
      travelers: number;
      hours?: number;
      co2eGrams: number;
      savedCo2eGrams: number;
      factor: FactorProvenance;
      costCents: number;
      costIsEstimate: boolean;
      travelMinutes: number;
      trainType?: string;
      note: string;
    }
  // `reasonCode` lets a stored quote word its reason again in the reader's language.
  | { legIndex: number; mode: 'train' | 'visio'; available: false; reason: string; reasonCode: UnavailableReason };

export type UnavailableReason = 'places_unknown' | 'no_rail_link';

type RailInput = {
  legIndex: number;
  leg: QuoteLegRequest;
  resolved: { from: Place | null; to: Place | null; greatCircleKm?: number };
  flight: LegFootprint;
  set: CompiledFactorSet;
  lang?: QuoteLang;
};

export function railAlternative(input: RailInput): Alternative {
  const { legIndex, leg, resolved, flight, set } = input;
  const lang = input.lang ?? 'fr';
  if (resolved.greatCircleKm === undefined) {
    return { legIndex, mode: 'train', available: false, reason: quoteMessage(lang, 'alternative.places_unknown'), reasonCode: 'places_unknown' };
  }
  if (!railReachable(resolved.from, resolved.to)) {
    return { legIndex, mode: 'train', available: false, reason: quoteMessage(lang, 'alternative.no_rail_link'), reasonCode: 'no_rail_link' };
  }
  const rail = computeLegFootprint(
    { mode: 'train', roundTrip: leg.roundTrip, travelers: leg.travelers, contrails: false, greatCircleKm: resolved.greatCircleKm, fromCountry: resolved.from?.countryCode, toCountry: resolved.to?.countryCode },
    set,
    { path: `legs.${legIndex}` },
  );
  const trainType = rail.trainType ?? 'highspeed';
  return {
    legIndex,
    mode: 'train',
    available: true,
    distanceKm: rail.distanceKm,
    trips: rail.trips,
    travelers: rail.travelers,
    co2eGrams: rail.co2eGrams,
    savedCo2eGrams: flight.co2eGrams - rail.co2eGrams,
    factor: rail.factor,
    costCents: estimateRailFareCents(rail.distanceKm, rail.trips, rail.travelers),
    costIsEstimate: true,
    travelMinutes: estimateRailMinutes(rail.distanceKm, trainType),
    trainType,
    note: quoteMessage(lang, 'alternative.rail_note'),
  };
}

type VisioInput = { legIndex: number; travelers: number; flight: LegFootprint; set: CompiledFactorSet; missionDays: number | undefined; lang?: QuoteLang };

export function visioAlternative(input: VisioInput): Alternative {
  const hours = visioHoursFor(input.missionDays);
  const visio = computeLegFootprint({ mode: 'visio', roundTrip: false, travelers: input.travelers, contrails: false, hours }, input.set, { path: `legs.${input.legIndex}` });
  return {
    legIndex: input.legIndex,
    mode: 'visio',
    available: true,
    distanceKm: 0,
    trips: 1,
    travelers: visio.travelers,
    hours,
    co2eGrams: visio.co2eGrams,
    savedCo2eGrams: input.flight.co2eGrams - visio.co2eGrams,
    factor: visio.factor,
    costCents: 0,
    costIsEstimate: false,
    travelMinutes: 0,
    note: quoteMessage(input.lang ?? 'fr', 'alternative.visio_note', { hours }),
  };
}
