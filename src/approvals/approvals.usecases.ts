import type { Clock } from '../shared/clock.ts';
import type { Database, Db } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import { findBudgetLineById, findEntityById, listBudgetLines, listEntities } from '../org/org.repository.ts';
import { findUserById, listUsersWithRoles } from '../auth/users.repository.ts';
import { approvalErrors } from './approvals.errors.ts';
import {
  approverSees,
  currentApprovers,
  decodeSteps,
  defaultApprovalSettings,
  encodeSteps,
  mayApprove,
  pendingStep,
  requiredSteps,
  scopesOf,
  type ApprovalChain,
  type ApprovalProgress,
  type ApprovalSettings,
  type ApprovalStep,
  type ApprovalTarget,
  type ApproverScopes,
} from './approvals.models.ts';
import * as repo from './approvals.repository.ts';
import type { ApprovalSettingsInput, ApproverInput } from './approvals.schemas.ts';

export type ApprovalAdminDeps = { database: Database; clock: Clock };

const toSettings = (row: repo.SettingsRow): ApprovalSettings => ({
  entityId: row.entityId,
  chain: row.chain as ApprovalChain,
  budgetHolderAboveCents: row.budgetHolderAboveCents,
  setAt: row.setAt,
  setBy: row.setBy,
});

export async function settingsOf(db: Db, entityId: string): Promise<ApprovalSettings> {
  const [row] = await repo.latestSettings(db, entityId);
  return row ? toSettings(row) : defaultApprovalSettings(entityId);
}

// Appends: missions already submitted keep the steps of their round.
export async function setApprovalSettings(deps: ApprovalAdminDeps, entityId: string, input: ApprovalSettingsInput, actorId: string | null): Promise<ApprovalSettings> {
  return deps.database.transaction(async () => {
    const db = deps.database.db;
    if (!(await findEntityById(db, entityId))) throw approvalErrors.unknownEntity({ ref: entityId }, [{ path: 'entityId', message: 'unknown entity' }]);
    const row: repo.SettingsRow = { id: newId('aps'), entityId, chain: input.chain, budgetHolderAboveCents: input.budgetHolderAboveCents, setBy: actorId, setAt: deps.clock.now().toUTC().toISO()! };
    await repo.insertSettings(db, row);
    return toSettings(row);
  });
}

// A grant or a withdrawal is a new row; granting twice, or withdrawing someone who is not an
// approver, writes nothing (`changed: false`).
export async function setApprover(deps: ApprovalAdminDeps, input: ApproverInput, active: boolean, actorId: string | null): Promise<{ changed: boolean }> {
  return deps.database.transaction(async () => {
    const db = deps.database.db;
    await checkScope(db, input);
    const user = await findUserById(db, input.userId);
    if (!user || (active && user.disabled)) throw approvalErrors.unknownUser({ ref: input.userId }, [{ path: 'userId', message: 'unknown or disabled' }]);
    const standing = currentApprovers(await repo.approverRecords(db, { userId: input.userId, kind: input.kind, scopeId: input.scopeId })).length > 0;
    if (standing === active) return { changed: false };
    await repo.insertApprover(db, { id: newId('apv'), ...input, active, setBy: actorId, setAt: deps.clock.now().toUTC().toISO()! });
    return { changed: true };
  });
}

async function checkScope(db: Db, input: ApproverInput): Promise<void> {
  const found = input.kind === 'head' ? await findEntityById(db, input.scopeId) : await findBudgetLineById(db, input.scopeId);
  if (found) return;
  const error = input.kind === 'head' ? approvalErrors.unknownEntity : approvalErrors.unknownBudgetLine;
  throw error({ ref: input.scopeId }, [{ path: 'scopeId', message: 'unknown' }]);
}

export async function scopesOfUser(db: Db, userId: string): Promise<ApproverScopes> {
  return scopesOf(await repo.approverRecords(db, { userId }));
}

// Who may take a step of this mission (the traveller never): the notices' recipients.
export async function approversOfStep(db: Db, mission: ApprovalTarget, step: ApprovalStep): Promise<string[]> {
  const scopeId = step === 'head' ? mission.entityId : mission.budgetLineId;
  if (!scopeId) return [];
  return currentApprovers(await repo.approverRecords(db, { kind: step, scopeId })).map((r) => r.userId).filter((id) => id !== mission.travellerId);
}

// Called by the submission, inside its transaction: opens the round of the steps the entity's chain
// asks for this mission. None: the mission goes straight to the secretariat.
export async function openRound(db: Db, mission: { id: string; entityId: string; costCents: number; hasFlight: boolean }, at: string) {
  const steps = requiredSteps(await settingsOf(db, mission.entityId), mission);
  if (steps.length === 0) return { approvalRoundId: null, approvalsPending: 0, steps };
  const id = newId('apr');
  await repo.insertRound(db, { id, missionId: mission.id, steps: encodeSteps(steps), openedAt: at });
  return { approvalRoundId: id, approvalsPending: steps.length, steps };
}

type MissionApprovalRow = ApprovalTarget & { id: string; status: string; approvalRoundId: string | null };

export async function progressOf(db: Db, mission: MissionApprovalRow): Promise<ApprovalProgress | null> {
  return (await progressByMission(db, [mission])).get(mission.id) ?? null;
}

// Only a submitted mission is in a round; a returned one starts a new round when submitted again.
async function progressByMission(db: Db, missions: readonly MissionApprovalRow[]): Promise<Map<string, ApprovalProgress>> {
  const open = missions.filter((m) => m.status === 'submitted' && m.approvalRoundId);
  const roundIds = open.map((m) => m.approvalRoundId!);
  const rounds = new Map((await repo.roundsByIds(db, roundIds)).map((r) => [r.id, r]));
  const decisions = await repo.decisionsOfRounds(db, roundIds);
  const progress = new Map<string, ApprovalProgress>();
  for (const m of open) {
    const round = rounds.get(m.approvalRoundId!);
    if (!round) continue;
    const approved = decisions.filter((d) => d.roundId === round.id && d.decision === 'approved').map((d) => ({ step: d.step as ApprovalStep, actorId: d.actorId }));
    progress.set(m.id, { steps: decodeSteps(round.steps), approved });
  }
  return progress;
}

export type ActorForApproval = { id: string; roles: readonly string[] };

// What the mission rules need to know about the chain for this actor (missions.models.ts MissionFacts),
// and the round's progress for the step that follows. The actor's scopes are read only when they can
// matter: a round to approve, or a mission the actor does not see already (`seesAnyway`: the
// traveller and those who oversee every mission).
export async function approvalFactsFor(db: Db, actor: ActorForApproval, mission: MissionApprovalRow, seesAnyway: boolean) {
  const progress = await progressOf(db, mission);
  const scopes = progress || !seesAnyway ? await scopesOfUser(db, actor.id) : null;
  return {
    approverInScope: scopes ? approverSees(scopes, mission) : false,
    approval: progress && scopes ? { complete: pendingStep(progress) === null, actorMayApprove: mayApprove({ id: actor.id, isAdmin: actor.roles.includes('admin'), scopes }, mission, progress) } : undefined,
    progress,
  };
}

// The approver's queue: submitted missions awaiting a step this person may take now.
export async function awaitingApprovalBy<T extends MissionApprovalRow>(db: Db, actor: ActorForApproval, candidates: (scopes: ApproverScopes | 'all') => Promise<T[]>): Promise<T[]> {
  const scopes = await scopesOfUser(db, actor.id);
  const isAdmin = actor.roles.includes('admin');
  const missions = await candidates(isAdmin ? 'all' : scopes);
  const progress = await progressByMission(db, missions);
  return missions.filter((m) => {
    const p = progress.get(m.id);
    return p !== undefined && mayApprove({ id: actor.id, isAdmin, scopes }, m, p);
  });
}

export const awaitedStep = (progress: ApprovalProgress | null): ApprovalStep | null => (progress ? pendingStep(progress) : null);

// The admin page and GET /api/approval-settings: each entity's chain, its heads, and its lines' holders.
export async function approvalOverview({ database }: Pick<ApprovalAdminDeps, 'database'>) {
  const db = database.db;
  const [entities, lines, settingsRows, records, people] = await Promise.all([listEntities(db), listBudgetLines(db), repo.latestSettings(db), repo.approverRecords(db), listUsersWithRoles(db)]);
  const settings = new Map(settingsRows.map((r) => [r.entityId, toSettings(r)]));
  const active = currentApprovers(records);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const holdersOf = (kind: ApprovalStep, scopeId: string) => active.filter((r) => r.kind === kind && r.scopeId === scopeId).map((r) => ({ userId: r.userId, name: nameOf.get(r.userId) ?? r.userId, since: r.setAt }));
  return entities.map((entity) => ({
    entity: { id: entity.id, name: entity.name },
    settings: settings.get(entity.id) ?? defaultApprovalSettings(entity.id),
    heads: holdersOf('head', entity.id),
    budgetLines: lines.filter((l) => l.entityId === entity.id).map((l) => ({ id: l.id, code: l.code, label: l.label, active: l.active, holders: holdersOf('budget_holder', l.id) })),
  }));
}

// The mission's chain as the API and the page show it: the latest round's steps, the step awaited
// (while submitted), and every decision of every round, oldest first.
export async function approvalViewOf(db: Db, mission: MissionApprovalRow) {
  if (!mission.approvalRoundId) return null;
  const [round] = await repo.roundsByIds(db, [mission.approvalRoundId]);
  const decisions = (await repo.decisionsOfMission(db, mission.id)).map((d) => ({ roundId: d.roundId, step: d.step as ApprovalStep, decision: d.decision as 'approved' | 'returned', actorId: d.actorId, actorName: d.actorName, at: d.at, comment: d.comment }));
  const steps = round ? decodeSteps(round.steps) : [];
  const approved = decisions.filter((d) => d.roundId === mission.approvalRoundId && d.decision === 'approved');
  return { roundId: mission.approvalRoundId, steps, awaiting: mission.status === 'submitted' ? pendingStep({ steps, approved }) : null, decisions };
}

// One decision on one step. Of two approvers racing for a step, the unique index books one; the
// other's mission update finds a newer version and fails as stale.
export async function recordDecision(db: Db, input: { row: { id: string; approvalRoundId: string | null }; step: ApprovalStep; decision: 'approved' | 'returned'; actorId: string; at: string; comment: string | null }): Promise<void> {
  if (!input.row.approvalRoundId) return;
  await repo.insertDecision(db, { id: newId('apd'), roundId: input.row.approvalRoundId, missionId: input.row.id, step: input.step, decision: input.decision, actorId: input.actorId, at: input.at, comment: input.comment });
}

// Who may be named an approver: every enabled person.
export async function approverCandidates({ database }: Pick<ApprovalAdminDeps, 'database'>) {
  return (await listUsersWithRoles(database.db)).filter((p) => !p.disabled).map((p) => ({ id: p.id, name: p.name, email: p.email }));
}
