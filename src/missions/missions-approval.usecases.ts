import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { approversOfStep, awaitingApprovalBy, recordDecision } from '../approvals/approvals.usecases.ts';
import { pendingStep, type ApprovalStep } from '../approvals/approvals.models.ts';
import { awaitingInScopes } from '../approvals/approvals.repository.ts';
import type { ApproveInput } from '../approvals/approvals.schemas.ts';
import { approvalRequested, reviewRequested } from '../notifications/notifications.models.ts';
import { enqueueMissionNotices } from '../notifications/notifications.usecases.ts';
import { missionErrors } from './missions.errors.ts';
import { COMMENT_MAX_CHARS, decide } from './missions.models.ts';
import * as repo from './missions.repository.ts';
import { checkVersion, loadWithFacts, missionLockKey, nowIso, readMission, toSummary, type Mission, type MissionDeps, type MissionSummary } from './missions.usecases.ts';

// An approver approves the step the mission awaits, in one transaction locked on the mission (on
// PostgreSQL the mission and its decisions are then read as one state) and checked on its version:
// of two approvers racing for one step, one books it and the other gets a conflict. The next step's
// approvers are told, or the secretariat once the last step is approved.
export async function approveMission(deps: MissionDeps, actor: AuthenticatedUser, id: string, input: ApproveInput): Promise<Mission> {
  const at = nowIso(deps.clock);
  const comment = input.comment?.trim().slice(0, COMMENT_MAX_CHARS) || null;
  await deps.database.transaction(async () => {
    const db = deps.database.db;
    const { row, facts, progress } = await loadWithFacts(deps.database, actor, id);
    // The version first: an approver who read the mission before a rival took the step learns of the
    // conflict (409), not that the step is no longer theirs.
    checkVersion(row, input.version);
    decide('approve', facts, actor);
    // decide() lets only the approver of an awaited step through: the round and its step exist.
    const step = pendingStep(progress!)!;
    const after = { ...progress!, approved: [...progress!.approved, { step, actorId: actor.id }] };
    const remaining = after.steps.length - after.approved.length;
    if (!(await repo.updateMissionIfVersion(db, id, row.version, { updatedAt: at, approvalsPending: remaining }))) throw missionErrors.stale();
    await recordDecision(db, { row, step, decision: 'approved', actorId: actor.id, at, comment });
    await noticeNextActor(deps, { mission: row, actorId: actor.id, comment, at }, pendingStep(after));
  }, { lock: [missionLockKey(id)] });
  return readMission(deps.database, id);
}

type NoticeInput = { mission: repo.MissionRow; actorId: string; comment: string | null; at: string };

// A submitted mission goes to whoever acts next: the approvers of the step awaited, or the secretariat
// once no step is (no chain, or its last step approved).
export async function noticeNextActor(deps: MissionDeps, notice: NoticeInput, nextStep: ApprovalStep | null): Promise<void> {
  if (nextStep) await enqueueMissionNotices(deps, { ...notice, action: 'submit', approverIds: await approversOfStep(deps.database.db, notice.mission, nextStep) }, approvalRequested);
  else await enqueueMissionNotices(deps, { ...notice, action: 'submit' }, reviewRequested);
}

const QUEUE_LIMIT = 200;

// The missions awaiting a step this person may take now (four-eyes applied), oldest departure first.
export async function approvalQueue(deps: Pick<MissionDeps, 'database'>, actor: AuthenticatedUser): Promise<MissionSummary[]> {
  const db = deps.database.db;
  const rows = await awaitingApprovalBy(db, actor, (scopes) => awaitingInScopes(db, scopes, QUEUE_LIMIT));
  return rows.map(toSummary);
}
