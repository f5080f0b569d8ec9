import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { isAppError } from '../shared/errors.ts';
import { missionErrors, missionTexts } from './missions.errors.ts';
import { newId } from '../shared/ids.ts';
import type { Place } from '../places/places.types.ts';
import { computeQuote, type Quote } from '../quote/quote.usecases.ts';
import type { QuoteLegRequest, QuoteRequest } from '../quote/quote.schemas.ts';
import { authorize, type MissionStatus } from './missions.models.ts';
import * as repo from './missions.repository.ts';
import { townOf as townName } from './avoided-flights.models.ts';
import { recheckAvoidedFlights } from './avoided-flights.usecases.ts';
import { legRows, loadVisible, nowIso, quotedColumns, readMission, reloadForEdit, type Mission, type MissionDeps } from './missions.usecases.ts';
import { parseStoredQuote, parseStoredTrip } from '../quote/stored-quote.schemas.ts';

export type SwitchTarget = 'train' | 'visio';

// Rail is priced between the towns, not the airports: "Montpellier, FR" rather than "MPL".
const townOf = (place: Place | null): QuoteLegRequest['from'] => (place ? (townName(place) ?? { lat: place.lat, lon: place.lon }) : undefined);
const pointOf = (place: Place | null): QuoteLegRequest['from'] => (place ? { lat: place.lat, lon: place.lon } : undefined);

function replacementLeg(flight: QuoteLegRequest, quote: Quote, legIndex: number, to: SwitchTarget, placeOf: typeof townOf): QuoteLegRequest {
  const alternative = quote.alternatives.find((a) => a.legIndex === legIndex && a.mode === to);
  if (!alternative || !alternative.available) {
    const reason = alternative && !alternative.available && alternative.reason ? alternative.reason : missionTexts.noAlternative();
    throw missionErrors.alternativeUnavailable({ target: missionTexts[to](), reason }, [{ path: 'to', message: typeof reason === 'string' ? reason : 'no alternative' }]);
  }
  if (to === 'visio') return { mode: 'visio', hours: alternative.hours ?? 7, travelers: flight.travelers, roundTrip: false };
  const quoted = quote.legs[legIndex]!;
  return { mode: 'train', from: placeOf(quoted.from), to: placeOf(quoted.to), roundTrip: flight.roundTrip, travelers: flight.travelers };
}

function requote(deps: MissionDeps, trip: QuoteRequest, quote: Quote, legIndex: number, to: SwitchTarget): { trip: QuoteRequest; quote: Quote } {
  const build = (placeOf: typeof townOf) => {
    const legs = trip.legs.map((leg, i) => (i === legIndex ? replacementLeg(leg, quote, legIndex, to, placeOf) : leg));
    const next = { ...trip, legs };
    return { trip: next, quote: computeQuote(next, deps.quote) };
  };
  try {
    return build(townOf);
  } catch (err) {
    // A town name can be ambiguous where the airport was not: its coordinates always resolve.
    if (isAppError(err) && err.code.startsWith('place.')) return build(pointOf);
    throw err;
  }
}

// One click in the form: the flight becomes rail or visio, the mission is re-quoted, and the avoided
// flight is recorded for the copil report, all in one transaction.
export async function switchFlightLeg(deps: MissionDeps, actor: AuthenticatedUser, id: string, legIndex: number, to: SwitchTarget): Promise<Mission> {
  const before = await loadVisible(deps.database, actor, id);
  authorize('edit', { travellerId: before.travellerId, status: before.status as MissionStatus }, actor);
  const trip = parseStoredTrip(before.requestJson);
  const quote = parseStoredQuote(before.quoteJson);
  const flight = trip.legs[legIndex];
  const quotedFlight = quote.legs[legIndex];
  if (!flight || !quotedFlight || flight.mode !== 'plane') {
    throw missionErrors.notAFlight({ leg: legIndex + 1 }, [{ path: `legs.${legIndex}`, message: 'not a flight leg' }]);
  }
  const next = requote(deps, trip, quote, legIndex, to);
  const at = nowIso(deps.clock);
  await deps.database.transaction(async () => {
      const { row, status } = await reloadForEdit(deps.database, actor, id, before.version);
      if (!await repo.updateMissionIfVersion(deps.database.db, id, row.version, { ...quotedColumns(next.trip, next.quote), updatedAt: at })) {
        throw missionErrors.stale();
      }
      await repo.replaceMissionLegs(deps.database.db, id, legRows(id, next.quote));
      const replacement = next.quote.legs[legIndex]!;
      await repo.insertAvoidedFlight(deps.database.db, {
        id: newId('leg'),
        missionId: id,
        legIndex,
        replacedBy: to,
        fromLabel: quotedFlight.from?.label ?? null,
        toLabel: quotedFlight.to?.label ?? null,
        flights: quotedFlight.trips * quotedFlight.travelers,
        flightCo2eGrams: quotedFlight.co2eGrams,
        replacementCo2eGrams: replacement.co2eGrams,
        at,
        actorId: actor.id,
        flightTrips: quotedFlight.trips,
        fromTown: townName(quotedFlight.from),
        toTown: townName(quotedFlight.to),
        replacementFromLabel: replacement.from?.label ?? null,
        replacementToLabel: replacement.to?.label ?? null,
        replacementDistanceKm: to === 'train' ? replacement.distanceKm : null,
      });
      // The new record included: it does not hold if the mission still flies that journey on another leg.
      const withdrawn = await recheckAvoidedFlights(deps.database.db, id, next.quote.legs, at, actor.id);
      const comment = [`Vol ${quotedFlight.from?.label ?? ''} → ${quotedFlight.to?.label ?? ''} remplacé par ${to === 'train' ? 'le train' : 'une visioconférence'}`, ...withdrawn].join(' ; ');
      await repo.insertAudit(deps.database.db, { id: newId('aud'), missionId: id, at, actorId: actor.id, action: 'switch', fromStatus: status, toStatus: status, comment });
    });
  return readMission(deps.database, id);
}
