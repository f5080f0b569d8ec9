import type { Db } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import type { Quote, QuotedLeg } from '../quote/quote.usecases.ts';
import { matchAvoidedFlights, townOf, withdrawalComment, type AvoidedFlightRecord } from '../missions/avoided-flights.models.ts';
import * as missionsRepo from '../missions/missions.repository.ts';

// At certification the copil learns what was really travelled. A flight of the validated mission
// that the actual trip did not take, with a train (or a visio) along its journey instead, is an
// avoided flight: recorded as the request form's switch records one, with the claim it comes from.
// The mission's standing records are checked against the actual trip too: a flight switched to rail
// in the form but flown after all no longer counts. Same matching rules as every edit
// (avoided-flights.models.ts). Returns the audit lines saying what changed.

function candidate(flight: QuotedLeg, replacedBy: 'train' | 'visio'): AvoidedFlightRecord {
  return {
    id: `candidate:${flight.index}`,
    legIndex: flight.index,
    replacedBy,
    flightTrips: flight.trips,
    fromLabel: flight.from?.label ?? null,
    toLabel: flight.to?.label ?? null,
    fromTown: townOf(flight.from),
    toTown: townOf(flight.to),
    replacementFromLabel: null,
    replacementToLabel: null,
    replacementDistanceKm: null,
  };
}

type Found = { flight: QuotedLeg; record: AvoidedFlightRecord; replacement: QuotedLeg };

// Each estimated flight in turn, after the standing records (they claim their legs first): rail is
// tried before visio, and a candidate stands only if the actual trip backs it with a leg of its own.
function avoidedOnActualTrip(standing: AvoidedFlightRecord[], estimate: Quote, actual: Quote): Found[] {
  const accepted: Found[] = [];
  for (const flight of estimate.legs.filter((l) => l.mode === 'plane')) {
    for (const mode of ['train', 'visio'] as const) {
      const record = candidate(flight, mode);
      const match = matchAvoidedFlights([...standing, ...accepted.map((a) => a.record), record], actual.legs);
      const leg = match.backedBy.get(record.id);
      if (leg) {
        accepted.push({ flight, record, replacement: actual.legs[leg.index]! });
        break;
      }
    }
  }
  return accepted;
}

export async function settleAvoidedFlights(db: Db, input: { missionId: string; claimId: string; estimate: Quote; actual: Quote; at: string; actorId: string }): Promise<string[]> {
  const standing = await missionsRepo.listStandingAvoidedFlights(db, input.missionId);
  const { withdrawn } = matchAvoidedFlights(standing, input.actual.legs);
  for (const { record, reason } of withdrawn) {
    await missionsRepo.insertAvoidedFlightWithdrawal(db, { avoidedFlightId: record.id, missionId: input.missionId, reason, at: input.at, actorId: input.actorId });
  }
  const holding = standing.filter((r) => !withdrawn.some((w) => w.record.id === r.id));
  const found = avoidedOnActualTrip(holding, input.estimate, input.actual);
  for (const { flight, record, replacement } of found) {
    await missionsRepo.insertAvoidedFlight(db, {
      ...record,
      id: newId('leg'),
      missionId: input.missionId,
      claimId: input.claimId,
      flights: flight.trips * flight.travelers,
      flightCo2eGrams: flight.co2eGrams,
      replacementCo2eGrams: replacement.co2eGrams,
      replacementFromLabel: replacement.from?.label ?? null,
      replacementToLabel: replacement.to?.label ?? null,
      replacementDistanceKm: record.replacedBy === 'train' ? replacement.distanceKm : null,
      at: input.at,
      actorId: input.actorId,
    });
  }
  return [
    ...withdrawn.map(({ record, reason }) => withdrawalComment(record, reason)),
    ...found.map(({ record }) => `Vol ${record.fromLabel ?? ''} → ${record.toLabel ?? ''} non pris sur le voyage réel, remplacé par ${record.replacedBy === 'train' ? 'le train' : 'une visioconférence'}`),
  ];
}
