import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { claimErrors } from './claims.errors.ts';
import { newId } from '../shared/ids.ts';
import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { computeQuote, type Quote, type QuoteDeps } from '../quote/quote.usecases.ts';
import type { QuoteRequest } from '../quote/quote.schemas.ts';
import { notFound as missionNotFound } from '../missions/missions.models.ts';
import * as missionsRepo from '../missions/missions.repository.ts';
import { nowIso } from '../missions/missions.usecases.ts';
import type { ClaimSettlement, ClaimSettlementInput } from '../ledger/claim-adjustments.usecases.ts';
import type { Booked } from '../ledger/claim-adjustment.models.ts';
import { assertClaimable, authorizeClaim, canSeeClaim, claimNotFound, decideClaim, type ClaimStatus } from './claims.models.ts';
import { claimLegRows, expenseRows, expensesFromRows, quotedClaimColumns, toClaim, type Claim } from './claims.mapping.ts';
import * as repo from './claims.repository.ts';
import type { PutClaimInput } from './claims.schemas.ts';
import { parseStoredQuote, parseStoredTrip } from '../quote/stored-quote.schemas.ts';

export type { Claim } from './claims.mapping.ts';

// What the ledger offers a claim; synchronous, so it runs inside the certification's own transaction.
export type ClaimLedgerPort = {
  settle(database: Database, input: ClaimSettlementInput): Promise<ClaimSettlement>;
  booked(database: Database, missionId: string): Promise<Booked>;
};

// `publicUrl`: the service's address, for the links of the e-mail notices each step writes to the
// outbox (src/notifications); without it no notice is written.
export type ClaimDeps = { database: Database; clock: Clock; quote: QuoteDeps; ledger: ClaimLedgerPort; publicUrl?: string };

// A claim is reached through its mission. A mission whose claim the actor may not read does not
// exist for them: the same 404 as a random id (the copil sees missions, not claims).
export async function visibleMission(database: Database, actor: AuthenticatedUser, missionId: string): Promise<missionsRepo.MissionRow> {
  const mission = await missionsRepo.findMissionById(database.db, missionId);
  if (!mission || !canSeeClaim(actor, mission)) throw missionNotFound();
  return mission;
}

export async function readClaim(deps: Pick<ClaimDeps, 'database' | 'ledger'>, mission: missionsRepo.MissionRow): Promise<Claim> {
  const db = deps.database.db;
  const row = await repo.findClaimByMission(db, mission.id);
  if (!row) throw claimNotFound();
  return toClaim(row, {
    travellerName: await missionsRepo.travellerName(db, row.travellerId),
    missionQuote: parseStoredQuote(mission.quoteJson),
    bookedContributionCents: (await deps.ledger.booked(deps.database, mission.id)).amountCents,
    receipts: await repo.listReceipts(db, row.id),
    expenses: await repo.listExpenses(db, row.id),
    audit: await repo.listClaimAudit(db, row.id),
  });
}

export async function getClaim(deps: Pick<ClaimDeps, 'database' | 'ledger'>, actor: AuthenticatedUser, missionId: string): Promise<Claim> {
  return await readClaim(deps, await visibleMission(deps.database, actor, missionId));
}

export const claimConflict = () => claimErrors.stale({}, [{ path: 'version', message: 'stale version' }]);

export function checkClaimVersion(row: repo.ClaimRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) throw claimConflict();
}

// The traveller's category decides the per diem: it comes from the mission, never from the claim.
function withMissionTraveller(trip: QuoteRequest, mission: missionsRepo.MissionRow): QuoteRequest {
  const stored = parseStoredTrip(mission.requestJson);
  return { ...trip, traveler: { kmDrivenThisYear: trip.traveler?.kmDrivenThisYear ?? stored.traveler?.kmDrivenThisYear ?? 0, category: stored.traveler?.category ?? 'staff' } };
}

type Draft = { trip: QuoteRequest; quote: Quote; expenses: ReturnType<typeof expensesFromRows>; note: string | null };

// What the PUT asks for, completed from the claim (or, for a new claim, from the mission) and priced
// by the same engine as a mission.
async function draftFrom(deps: ClaimDeps, mission: missionsRepo.MissionRow, existing: repo.ClaimRow | undefined, input: PutClaimInput): Promise<Draft> {
  const baseTrip = parseStoredTrip(existing ? existing.requestJson : mission.requestJson);
  const trip = withMissionTraveller(input.trip ?? baseTrip, mission);
  const expenses = input.expenses ?? (existing ? expensesFromRows(await repo.listExpenses(deps.database.db, existing.id)) : []);
  const note = input.note === undefined ? (existing?.note ?? null) : input.note?.trim() || null;
  return { trip, quote: computeQuote(trip, deps.quote), expenses, note };
}

function checkEditable(mission: missionsRepo.MissionRow, existing: repo.ClaimRow | undefined, actor: AuthenticatedUser, version: number | undefined): void {
  assertClaimable(mission);
  if (existing) {
    decideClaim('edit', { travellerId: existing.travellerId, status: existing.status as ClaimStatus }, actor);
    checkClaimVersion(existing, version);
  } else authorizeClaim('edit', { travellerId: mission.travellerId, status: 'draft' }, actor);
}

// PUT /api/missions/:id/claim: creates the claim of a validated mission, or replaces what the body
// gives of a draft or returned one. Pricing happens outside the write lock; the checks run again
// inside it, on the rows as they are then.
export async function putClaim(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string, input: PutClaimInput): Promise<{ claim: Claim; created: boolean }> {
  const mission = await visibleMission(deps.database, actor, missionId);
  const before = await repo.findClaimByMission(deps.database.db, missionId);
  checkEditable(mission, before, actor, input.version);
  const draft = await draftFrom(deps, mission, before, input);
  const at = nowIso(deps.clock);
  const created = await deps.database.transaction(async (): Promise<boolean> => {
      const db = deps.database.db; // the transaction's handle (on PostgreSQL, not the pool's)
      const current = await visibleMission(deps.database, actor, missionId);
      const existing = await repo.findClaimByMission(db, missionId);
      if ((existing?.version ?? null) !== (before?.version ?? null)) throw claimConflict();
      checkEditable(current, existing, actor, input.version);
      const columns = { ...quotedClaimColumns(draft.trip, draft.quote, draft.expenses), note: draft.note, updatedAt: at };
      const id = existing?.id ?? newId('clm');
      if (existing) {
        if (!await repo.updateClaimIfVersion(db, id, existing.version, columns)) throw claimConflict();
      } else {
        await repo.insertClaim(db, { id, missionId, travellerId: current.travellerId, status: 'draft', ...columns, createdAt: at, version: 1 });
      }
      await repo.replaceExpenses(db, id, expenseRows(id, draft.expenses));
      await repo.replaceClaimLegs(db, id, claimLegRows(id, draft.quote));
      const status = (existing?.status ?? 'draft') as ClaimStatus;
      await repo.insertClaimAudit(db, { id: newId('aud'), claimId: id, at, actorId: actor.id, action: existing ? 'edit' : 'create', fromStatus: existing ? status : null, toStatus: status, comment: null });
      return !existing;
    });
  return { claim: await readClaim(deps, mission), created };
}

export function listClaimsFor(deps: Pick<ClaimDeps, 'database'>, actor: AuthenticatedUser, filter: { statuses?: readonly ClaimStatus[]; budgetLineId?: string; limit: number; offset: number }) {
  const seesAll = actor.roles.some((r) => r === 'secretariat' || r === 'finance' || r === 'admin');
  return repo.listClaims(deps.database.db, { ...filter, travellerId: seesAll ? undefined : actor.id });
}
