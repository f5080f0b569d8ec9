import type { Db } from '../shared/db.ts';
import type { QuotedLeg } from '../quote/quote.usecases.ts';
import { withdrawalComment, withdrawnAvoidedFlights } from './avoided-flights.models.ts';
import * as repo from './missions.repository.ts';

// Called inside the transaction of every write that rewrites the mission's legs (edit, switch): the
// avoided flights that no longer hold are withdrawn (a row each, never deleted), and the lines to add
// to the write's audit entry come back, so the trail says why the copil figure moved.
export async function recheckAvoidedFlights(db: Db, missionId: string, legs: QuotedLeg[], at: string, actorId: string): Promise<string[]> {
  const withdrawn = withdrawnAvoidedFlights(await repo.listStandingAvoidedFlights(db, missionId), legs);
  for (const { record, reason } of withdrawn) {
    await repo.insertAvoidedFlightWithdrawal(db, { avoidedFlightId: record.id, missionId, reason, at, actorId });
  }
  return withdrawn.map(({ record, reason }) => withdrawalComment(record, reason));
}
