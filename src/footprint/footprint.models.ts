import { invalid as invalidField, type AppError, type TextRef } from '../shared/errors.ts';
import { legTexts } from './footprint.errors.ts';
import type { Cabin, CarFuel, TrainType, TransitKind, TransportMode } from '../shared/modes.ts';
import { roundHalfUp } from '../shared/units.ts';
import { correctedDistanceKm, distanceRules, MAX_GREAT_CIRCLE_KM, type DistanceMethod, type DistanceRule } from './distance.models.ts';
import { pickBand } from './factor-bands.models.ts';
import type { CompiledFactor, CompiledFactorSet, FactorProvenance } from './factors.models.ts';
import { internationalRailFactor } from './international-rail.models.ts';

export type { FactorProvenance } from './factors.models.ts';

export type FootprintLegInput = {
  mode: TransportMode;
  roundTrip: boolean;
  travelers: number; // car: the people in the car (counted once); visio: the participants
  contrails: boolean; // plane only; anything but `false` includes contrails (the default)
  givenDistanceKm?: number; // one-way, used as is
  greatCircleKm?: number; // one-way, raw (haversineKm of the two places)
  fromCountry?: string | null; // ISO 3166-1 alpha-2, upper case
  toCountry?: string | null;
  trainType?: TrainType;
  transitKind?: TransitKind;
  fuel?: CarFuel;
  hours?: number; // visio only
  cabin?: Cabin; // accepted, unused: both ADEME series are cabin-average factors
};

export type LegFootprint = {
  distanceKm: number; // one-way; computed distances rounded half up to 0.1 km, a given one as is
  distanceMethod: DistanceMethod;
  trips: 1 | 2;
  travelers: number;
  co2eGrams: number;
  factor: FactorProvenance;
  trainType?: TrainType;
  trainTypeInferred?: boolean;
  contrailsIncluded?: boolean;
};

export type FootprintOptions = { path?: string };

export const MAX_TRAVELERS = 1000;
export const MAX_GIVEN_DISTANCE_KM = 50_000;
export const MAX_VISIO_HOURS = 1000;
export const REGIONAL_TRAIN_UNDER_KM = 200;
export const HOME_COUNTRY = 'FR';
export const DEFAULT_TRANSIT_KIND: TransitKind = 'bus'; // the highest urban factor: never under-counts
export const DEFAULT_CAR_FUEL: CarFuel = 'thermal';

function invalid(options: FootprintOptions | undefined, field: string, text: TextRef): AppError {
  return invalidField(options?.path ? `${options.path}.${field}` : field, text);
}

// A decimal distance times a decimal factor carries a few ulps of binary noise, enough to turn an
// exact x.5 into x.4999999 on a large leg; a relative nudge of 1e-15 (about 4.5 ulps) outweighs it at
// every magnitude, then half-up rounding applies.
const NUDGE = 1 + 1e-15;
function grams(quantity: number): number {
  return roundHalfUp(quantity * NUDGE);
}

// Inside France (or nowhere known: the institution is French) the distance decides; otherwise
// the trip crosses a border or runs abroad and is priced by country.
export function inferTrainType(distanceKm: number, fromCountry?: string | null, toCountry?: string | null): TrainType {
  const from = fromCountry ?? toCountry ?? null;
  const to = toCountry ?? fromCountry ?? null;
  const insideFrance = from === null || (from === HOME_COUNTRY && to === HOME_COUNTRY);
  if (!insideFrance) return 'international';
  return distanceKm < REGIONAL_TRAIN_UNDER_KM ? 'regional' : 'highspeed';
}

function oneWayKm(input: FootprintLegInput, rule: DistanceRule, options: FootprintOptions | undefined): number {
  const given = input.givenDistanceKm;
  if (given != null) {
    if (!(given >= 0 && given <= MAX_GIVEN_DISTANCE_KM)) throw invalid(options, 'distanceKm', legTexts.distanceRange({ max: MAX_GIVEN_DISTANCE_KM }));
    return given;
  }
  const gcd = input.greatCircleKm;
  if (gcd == null) throw invalid(options, 'distanceKm', legTexts.distanceMissing({ mode: input.mode }));
  if (!(gcd >= 0 && gcd <= MAX_GREAT_CIRCLE_KM)) throw invalid(options, 'greatCircleKm', legTexts.greatCircleRange({ max: Math.floor(MAX_GREAT_CIRCLE_KM) }));
  return correctedDistanceKm(gcd, rule);
}

function result(
  distanceKm: number, distanceMethod: DistanceMethod, trips: 1 | 2, travelers: number, co2eGrams: number, factor: CompiledFactor,
  trainType: TrainType | undefined, trainTypeInferred: boolean | undefined, contrailsIncluded: boolean | undefined,
): LegFootprint {
  // Always the same keys in the same order: one hidden class for every result.
  return { distanceKm, distanceMethod, trips, travelers, co2eGrams, factor: factor.provenance, trainType, trainTypeInferred, contrailsIncluded };
}

function visio(input: FootprintLegInput, set: CompiledFactorSet, options: FootprintOptions | undefined): LegFootprint {
  const hours = input.hours;
  if (hours == null || !(hours > 0 && hours <= MAX_VISIO_HOURS)) throw invalid(options, 'hours', legTexts.visioHours({ max: MAX_VISIO_HOURS }));
  // A call is not travelled twice: roundTrip is ignored and trips is always 1.
  return result(0, 'none', 1, input.travelers, grams(hours * input.travelers * set.visio.gramsPerUnit), set.visio, undefined, undefined, undefined);
}

function plane(input: FootprintLegInput, set: CompiledFactorSet, trips: 1 | 2, options: FootprintOptions | undefined): LegFootprint {
  const km = oneWayKm(input, distanceRules.plane, options);
  const withContrails = input.contrails !== false;
  // The band follows the raw great-circle distance, not the +95 km one; a given distance stands in for it.
  const factor = pickBand(withContrails ? set.plane.withContrails : set.plane.withoutContrails, input.greatCircleKm ?? km);
  const method = input.givenDistanceKm != null ? 'given' : distanceRules.plane.method;
  return result(km, method, trips, input.travelers, grams(km * trips * input.travelers * factor.gramsPerUnit), factor, undefined, undefined, withContrails);
}

function trainFactor(set: CompiledFactorSet, type: TrainType, input: FootprintLegInput, options: FootprintOptions | undefined): CompiledFactor {
  switch (type) {
    case 'highspeed':
      return set.train.highspeed;
    case 'intercity':
      return set.train.intercity;
    case 'regional':
      return set.train.regional;
    case 'international':
      return internationalRailFactor(set.internationalRail, input.fromCountry ?? null, input.toCountry ?? null);
    default:
      throw invalid(options, 'trainType', legTexts.trainType());
  }
}

function train(input: FootprintLegInput, set: CompiledFactorSet, trips: 1 | 2, options: FootprintOptions | undefined): LegFootprint {
  const km = oneWayKm(input, distanceRules.train, options);
  const inferred = input.trainType == null;
  const type = inferred ? inferTrainType(km, input.fromCountry, input.toCountry) : input.trainType!;
  const factor = trainFactor(set, type, input, options);
  const method = input.givenDistanceKm != null ? 'given' : distanceRules.train.method;
  return result(km, method, trips, input.travelers, grams(km * trips * input.travelers * factor.gramsPerUnit), factor, type, inferred, undefined);
}

function transitKind(input: FootprintLegInput, options: FootprintOptions | undefined): TransitKind {
  const kind = input.transitKind ?? DEFAULT_TRANSIT_KIND;
  if (kind !== 'metro' && kind !== 'tram' && kind !== 'rer' && kind !== 'bus') throw invalid(options, 'transitKind', legTexts.transitKind());
  return kind;
}

function carFuel(input: FootprintLegInput, options: FootprintOptions | undefined): CarFuel {
  const fuel = input.fuel ?? DEFAULT_CAR_FUEL;
  if (fuel === 'thermal' || fuel === 'electric') return fuel;
  if ((fuel as string) === 'hybrid') throw invalid(options, 'fuel', legTexts.hybridFuel());
  throw invalid(options, 'fuel', legTexts.fuel());
}

// Distance × factor per passenger, for the modes whose factor needs no selector beyond the mode.
function simple(input: FootprintLegInput, rule: DistanceRule, factor: CompiledFactor, trips: 1 | 2, perPassenger: boolean, options: FootprintOptions | undefined): LegFootprint {
  const km = oneWayKm(input, rule, options);
  const people = perPassenger ? input.travelers : 1;
  const method = input.givenDistanceKm != null ? 'given' : rule.method;
  return result(km, method, trips, input.travelers, grams(km * trips * people * factor.gramsPerUnit), factor, undefined, undefined, undefined);
}

export function computeLegFootprint(input: FootprintLegInput, set: CompiledFactorSet, options?: FootprintOptions): LegFootprint {
  const travelers = input.travelers;
  if (!Number.isInteger(travelers) || travelers < 1 || travelers > MAX_TRAVELERS) throw invalid(options, 'travelers', legTexts.travelers({ max: MAX_TRAVELERS }));
  const trips = input.roundTrip ? 2 : 1;
  switch (input.mode) {
    case 'plane':
      return plane(input, set, trips, options);
    case 'train':
      return train(input, set, trips, options);
    case 'transit': {
      const kind = transitKind(input, options);
      return simple(input, distanceRules.transit[kind], set.transit[kind], trips, true, options);
    }
    case 'car':
      // One car emits once however many share it: travelers does not multiply.
      return simple(input, distanceRules.car, set.car[carFuel(input, options)], trips, false, options);
    case 'bus':
      return simple(input, distanceRules.bus, set.bus, trips, true, options);
    case 'ferry':
      return simple(input, distanceRules.ferry, set.ferry, trips, true, options);
    case 'bike':
      return simple(input, distanceRules.bike, set.bike, trips, true, options);
    case 'walk':
      return simple(input, distanceRules.walk, set.walk, trips, true, options);
    case 'visio':
      return visio(input, set, options);
    default:
      throw invalid(options, 'mode', legTexts.mode({ mode: String(input.mode) }));
  }
}
