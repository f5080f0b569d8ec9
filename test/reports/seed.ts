import type { AppDeps } from '../../src/deps.ts';
import { newId } from '../../src/shared/ids.ts';
import { insertAvoidedFlight, insertMission, replaceMissionLegs } from '../../src/missions/missions.repository.ts';
import { bookMissionContribution, reverseMissionContribution } from '../../src/ledger/contributions.usecases.ts';

// Missions written straight into the missions tables, with the figures the report reads (legs with
// their trips, travellers, countries and grams): each test sets every number it counts by hand.

export type SeedLeg = { mode: string; trips: 1 | 2; travelers: number; co2eGrams: number; fromCountry?: string | null; toCountry?: string | null; distanceKm?: number };
export type SeedMission = {
  travellerId: string;
  entityId: string;
  purpose: string;
  departAt: string; // UTC instant as the missions capability stores it
  destinationCountry: string;
  status?: string;
  legs: SeedLeg[];
  requestJson?: string;
  quoteJson?: string;
  factorSet?: { id: string; version: string }; // by default, series A as this build ships it
};

export async function seedMission(deps: AppDeps, m: SeedMission): Promise<string> {
  const id = newId('msn');
  const returnAt = new Date(Date.parse(m.departAt) + 86_400_000).toISOString();
  const co2eGrams = m.legs.reduce((sum, l) => sum + l.co2eGrams, 0);
  await insertMission(deps.database.db, {
    id, travellerId: m.travellerId, entityId: m.entityId, budgetLineId: null, purpose: m.purpose, destinationCountry: m.destinationCountry, destinationCity: null,
    departAt: m.departAt, returnAt, justification: null, status: m.status ?? 'validated', requestJson: m.requestJson ?? '{}', quoteJson: m.quoteJson ?? '{}',
    factorSetId: m.factorSet?.id ?? 'ademe-base-carbone-series-a', factorSetVersion: m.factorSet?.version ?? deps.factors.get('ademe-base-carbone-series-a').version, co2eGrams, costCents: 0, offsetCents: 0, offsetCo2eGrams: 0,
    createdAt: m.departAt, updatedAt: m.departAt, version: 1,
  });
  await replaceMissionLegs(
    deps.database.db,
    id,
    m.legs.map((l, legIndex) => ({
      missionId: id, legIndex, mode: l.mode, fromLabel: null, toLabel: null, fromCountry: l.fromCountry ?? null, toCountry: l.toCountry ?? null,
      distanceKm: l.distanceKm ?? 0, trips: l.trips, travelers: l.travelers, co2eGrams: l.co2eGrams, costCents: 0,
    })),
  );
  return id;
}

export async function seedReplacedFlight(deps: AppDeps, missionId: string, flights: number, replacedBy: 'train' | 'visio'): Promise<void> {
  await insertAvoidedFlight(deps.database.db, {
    id: newId('aud'), missionId, legIndex: 0, replacedBy, fromLabel: null, toLabel: null, flights, flightCo2eGrams: 1000, replacementCo2eGrams: 10, at: '2026-01-01T00:00:00.000Z', actorId: 'usr_test',
  });
}

export async function seedContribution(deps: AppDeps, missionId: string, budgetLineId: string, amountCents: number, at: string): Promise<void> {
  await bookMissionContribution(deps.database, { missionId, budgetLineId, entityId: null, amountCents, co2eGrams: 1000, at, actorId: null });
}

export async function seedReversal(deps: AppDeps, missionId: string, at: string): Promise<void> {
  await reverseMissionContribution(deps.database, { missionId, at, actorId: null, reason: 'annulée' });
}
