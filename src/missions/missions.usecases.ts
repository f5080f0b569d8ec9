import { DateTime } from 'luxon';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { invalid } from '../shared/errors.ts';
import { missionErrors, missionTexts } from './missions.errors.ts';
import { newId } from '../shared/ids.ts';
import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { findBudgetLineById } from '../org/org.repository.ts';
import { computeQuote, type QuoteDeps } from '../quote/quote.usecases.ts';
import type { QuoteRequest } from '../quote/quote.schemas.ts';
import { authorize, availableActions, canSee, canSeeAll, notFound, type MissionFacts, type MissionStatus } from './missions.models.ts';
import { approvalFactsFor, approvalViewOf } from '../approvals/approvals.usecases.ts';
import { defaultMissionPolicy, missionPolicyView } from './mission-policy.usecases.ts';
import type { MissionPolicySettings } from './mission-policy.models.ts';
import { legRows, quotedColumns, toMission, toSummary, type Mission } from './missions.mapping.ts';

export { legRows, quotedColumns, toMission, toSummary, type Mission, type MissionSummary } from './missions.mapping.ts';
import * as repo from './missions.repository.ts';
import { recheckAvoidedFlights } from './avoided-flights.usecases.ts';
import type { CreateMissionInput, ListMissionsQuery, UpdateMissionInput } from './missions.schemas.ts';
import { parseStoredTrip } from '../quote/stored-quote.schemas.ts';

// What the ledger offers a mission; synchronous, so it runs inside the mission's own transaction.
// Holds are optional (EMPREINTE_LEDGER_HOLDS): submission reserves, rejection or cancellation voids.
export type ContributionInput = { missionId: string; budgetLineId: string; budgetLineName?: string; entityId: string; amountCents: number; co2eGrams: number; at: string; actorId: string };
export type ReleaseInput = { missionId: string; at: string; actorId: string; reason: string };
export type MissionLedgerPort = {
  bookContribution(database: Database, input: ContributionInput): Promise<unknown>;
  reverseContribution(database: Database, input: ReleaseInput): Promise<unknown>;
  holdContribution?(database: Database, input: ContributionInput): Promise<unknown>;
  voidHold?(database: Database, input: ReleaseInput): Promise<unknown>;
};

// `publicUrl`: the service's address, for the links of the e-mail notices each step writes to the
// outbox (src/notifications); without it no notice is written (use-case tests).
// `policy`: the action plan's rules the mission checks itself (src/missions/mission-policy.models.ts).
export type MissionDeps = { database: Database; clock: Clock; quote: QuoteDeps; ledger: MissionLedgerPort; publicUrl?: string; policy?: () => MissionPolicySettings };

export const nowIso = (clock: Clock): string => clock.now().toUTC().toISO()!;

// The traveller's category decides per-diem and report splits: it comes from their account, not the form.
function withCategory(trip: QuoteRequest, category: 'staff' | 'student'): QuoteRequest {
  return { ...trip, traveler: { kmDrivenThisYear: trip.traveler?.kmDrivenThisYear ?? 0, category } };
}

async function checkBudgetLine(database: Database, budgetLineId: string | null | undefined) {
  if (!budgetLineId) return null;
  const line = await findBudgetLineById(database.db, budgetLineId);
  if (!line || !line.active) throw invalid('budgetLineId', missionTexts.budgetLineUnknown());
  return line;
}

export async function createMission(deps: MissionDeps, actor: AuthenticatedUser, input: CreateMissionInput): Promise<Mission> {
  const line = await checkBudgetLine(deps.database, input.budgetLineId);
  const entityId = line?.entityId ?? actor.entityId;
  if (!entityId) throw invalid('budgetLineId', missionTexts.noEntity());
  const trip = withCategory(input.trip, actor.category);
  const quote = computeQuote(trip, deps.quote);
  const id = newId('msn');
  const at = nowIso(deps.clock);
  await deps.database.transaction(async () => {
    await repo.insertMission(deps.database.db, {
      id,
      travellerId: actor.id,
      entityId,
      budgetLineId: line?.id ?? null,
      purpose: input.purpose,
      justification: input.justification?.trim() || null,
      visioImpossible: input.visioImpossible ?? false,
      railAidCents: input.railAidCents ?? null,
      status: 'draft',
      ...quotedColumns(trip, quote),
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    await repo.replaceMissionLegs(deps.database.db, id, legRows(id, quote));
    await repo.insertAudit(deps.database.db, { id: newId('aud'), missionId: id, at, actorId: actor.id, action: 'create', fromStatus: null, toStatus: 'draft', comment: null });
  });
  return readMission(deps.database, id);
}

export async function readMission(database: Database, id: string): Promise<Mission> {
  const row = await repo.findMissionById(database.db, id);
  if (!row) throw notFound();
  return toMission(row, await repo.travellerName(database.db, row.travellerId));
}

// The workflow steps of one mission run one at a time on PostgreSQL (an advisory lock; SQLite has a
// single writer): what a step decides on (the mission, its approvals) is read as one state.
export const missionLockKey = (id: string): string => `mission:${id}`;

// A mission the actor may not see does not exist for them: same 404 as a random id.
export async function loadVisible(database: Database, actor: AuthenticatedUser, id: string): Promise<repo.MissionRow> {
  return (await loadWithFacts(database, actor, id)).row;
}

// The mission with what the rules decide on for this actor: its status and, where its entity has an
// approval chain, how far the round went (`progress`) and whether this actor takes the step awaited.
export async function loadWithFacts(database: Database, actor: AuthenticatedUser, id: string) {
  const row = await repo.findMissionById(database.db, id);
  if (!row) throw notFound();
  const seesAnyway = row.travellerId === actor.id || canSeeAll(actor);
  const { approverInScope, approval, progress } = await approvalFactsFor(database.db, actor, row, seesAnyway);
  const facts: MissionFacts = { travellerId: row.travellerId, status: row.status as MissionStatus, approverInScope, approval };
  if (!canSee(actor, facts)) throw notFound();
  return { row, facts, progress };
}

export function checkVersion(row: repo.MissionRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw missionErrors.stale({}, [{ path: 'version', message: `current version ${row.version}` }]);
  }
}

// Inside the write transaction: the mission read again, still editable by this actor and still at the
// version the edit was prepared from.
export async function reloadForEdit(database: Database, actor: AuthenticatedUser, id: string, version: number): Promise<{ row: repo.MissionRow; status: MissionStatus }> {
  const row = await loadVisible(database, actor, id);
  const status = row.status as MissionStatus;
  authorize('edit', { travellerId: row.travellerId, status }, actor);
  checkVersion(row, version);
  return { row, status };
}

export async function getMission(deps: Pick<MissionDeps, 'database' | 'policy'>, actor: AuthenticatedUser, id: string) {
  const { row, facts } = await loadWithFacts(deps.database, actor, id);
  const audit = (await repo.listAudit(deps.database.db, id)).map(({ missionId: _m, ...entry }) => entry);
  const approval = await approvalViewOf(deps.database.db, row);
  const mission = toMission(row, await repo.travellerName(deps.database.db, row.travellerId));
  const policy = await missionPolicyView(deps.database.db, deps.policy?.() ?? defaultMissionPolicy, row, mission.quote);
  return { ...mission, audit, approval, ...policy, actions: availableActions(actor, facts) };
}

export async function updateMission(deps: MissionDeps, actor: AuthenticatedUser, id: string, input: UpdateMissionInput): Promise<Mission> {
  const before = await loadVisible(deps.database, actor, id);
  authorize('edit', { travellerId: before.travellerId, status: before.status as MissionStatus }, actor);
  checkVersion(before, input.version);
  const line = input.budgetLineId === undefined ? undefined : await checkBudgetLine(deps.database, input.budgetLineId);
  const storedTrip = parseStoredTrip(before.requestJson);
  const trip = input.trip ? withCategory(input.trip, storedTrip.traveler?.category ?? 'staff') : undefined;
  const quote = trip ? computeQuote(trip, deps.quote) : undefined;
  const at = nowIso(deps.clock);
  await deps.database.transaction(async () => {
      const { row, status } = await reloadForEdit(deps.database, actor, id, before.version);
      const patch = {
        updatedAt: at,
        ...(input.purpose ? { purpose: input.purpose } : {}),
        ...(input.justification !== undefined ? { justification: input.justification?.trim() || null } : {}),
        ...(input.visioImpossible !== undefined ? { visioImpossible: input.visioImpossible } : {}),
        ...(input.railAidCents !== undefined ? { railAidCents: input.railAidCents } : {}),
        ...(line !== undefined ? { budgetLineId: line?.id ?? null, entityId: line?.entityId ?? row.entityId } : {}),
        ...(trip && quote ? quotedColumns(trip, quote) : {}),
      };
      if (!await repo.updateMissionIfVersion(deps.database.db, id, row.version, patch)) throw missionErrors.stale();
      if (quote) await repo.replaceMissionLegs(deps.database.db, id, legRows(id, quote));
      const withdrawn = quote ? await recheckAvoidedFlights(deps.database.db, id, quote.legs, at, actor.id) : [];
      const comment = withdrawn.length > 0 ? withdrawn.join(' ; ') : null;
      await repo.insertAudit(deps.database.db, { id: newId('aud'), missionId: id, at, actorId: actor.id, action: 'edit', fromStatus: status, toStatus: status, comment });
    });
  return readMission(deps.database, id);
}

export async function listMissionsFor(deps: Pick<MissionDeps, 'database'>, actor: AuthenticatedUser, query: ListMissionsQuery) {
  // A traveller's list is their own, whatever filter they send.
  const travellerId = canSeeAll(actor) ? query.traveller : actor.id;
  const startOfDay = (date: string) => DateTime.fromISO(date, { zone: 'Europe/Paris' }).startOf('day');
  const { rows, total } = await repo.listMissions(deps.database.db, {
    travellerId,
    status: query.status,
    entityId: query.entity,
    departFrom: query.from ? startOfDay(query.from).toUTC().toISO()! : undefined,
    departBefore: query.to ? startOfDay(query.to).plus({ days: 1 }).toUTC().toISO()! : undefined,
    approval: query.approval,
    limit: query.limit,
    offset: query.offset,
  });
  return { missions: rows.map(toSummary), total };
}
