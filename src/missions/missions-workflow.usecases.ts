import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { missionErrors } from './missions.errors.ts';
import { newId } from '../shared/ids.ts';
import type { Quote } from '../quote/quote.usecases.ts';
import { checkSubmission, decide, requireComment, type MissionFacts, type MissionStatus } from './missions.models.ts';
import * as repo from './missions.repository.ts';
import type { TransitionInput } from './missions.schemas.ts';
import { findBudgetLineById } from '../org/org.repository.ts';
import { checkVersion, loadWithFacts, missionLockKey, nowIso, readMission, type ContributionInput, type Mission, type MissionDeps } from './missions.usecases.ts';
import { parseStoredQuote } from '../quote/stored-quote.schemas.ts';
import { enqueueMissionNotices } from '../notifications/notifications.usecases.ts';
import { defaultMissionPolicy, flagsAtSubmission } from './mission-policy.usecases.ts';
import { needsJustification } from './mission-policy.models.ts';
import { awaitedStep, openRound, recordDecision } from '../approvals/approvals.usecases.ts';
import type { ApprovalProgress } from '../approvals/approvals.models.ts';
import { noticeNextActor } from './missions-approval.usecases.ts';

export const workflowActions = ['submit', 'validate', 'return', 'reject', 'cancel'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

// A contribution is owed when the stored quote priced one (flights, non-zero carbon price).
const owesContribution = (quote: Quote) => quote.offset.required && quote.offset.amountCents > 0;

function commentFor(action: WorkflowAction, input: TransitionInput): string | null {
  if (action === 'return' || action === 'reject') return requireComment(action, input.comment);
  const text = input.comment?.trim();
  return text ? text : null;
}

type LedgerStep = { action: WorkflowAction; from: MissionStatus; row: repo.MissionRow; quote: Quote; at: string; actorId: string; comment: string | null };

// Validation books the contribution; cancelling a validated mission reverses it. With holds on, the
// submission reserves the amount and a rejection or a cancellation before validation releases it (a
// returned mission keeps its hold: it usually comes back, and validation posts the amount then owed).
async function bookLedger(deps: MissionDeps, step: LedgerStep): Promise<void> {
  const { action, from, row, quote, at, actorId } = step;
  if (!owesContribution(quote)) return;
  const release = { missionId: row.id, at, actorId, reason: step.comment ?? (action === 'reject' ? 'Mission refusée' : 'Mission annulée') };
  if (action === 'validate' || action === 'submit') {
    const line = await findBudgetLineById(deps.database.db, row.budgetLineId!);
    const input: ContributionInput = {
      missionId: row.id,
      budgetLineId: row.budgetLineId!,
      budgetLineName: line ? `${line.code} — ${line.label}` : undefined,
      entityId: row.entityId,
      amountCents: quote.offset.amountCents,
      co2eGrams: quote.offset.co2eGrams,
      at,
      actorId,
    };
    if (action === 'validate') await deps.ledger.bookContribution(deps.database, input);
    else await deps.ledger.holdContribution?.(deps.database, input);
  } else if (action === 'cancel' && from === 'validated') {
    await deps.ledger.reverseContribution(deps.database, release);
  } else if (action === 'reject' || action === 'cancel') {
    await deps.ledger.voidHold?.(deps.database, release);
  }
}

// Once its claim is submitted the trip is being settled and paid: cancelling would reverse a
// contribution the claim settles. A draft or returned claim does not stop a cancellation (it then
// goes no further: a claim needs a validated mission).
function checkNoClaimUnderway(claimStatus: string | null): void {
  if (claimStatus === 'submitted' || claimStatus === 'certified' || claimStatus === 'paid') {
    throw missionErrors.hasClaim({}, [{ path: 'status', message: `claim is ${claimStatus}` }]);
  }
}

// Submission opens the round of approvals the entity's chain asks for (none: straight to the
// secretariat); an approver's return closes it, recorded against the step awaited; any move out of
// `submitted` leaves the approvers' queue.
async function approvalChanges(deps: MissionDeps, step: { action: WorkflowAction; row: repo.MissionRow; facts: MissionFacts; progress: ApprovalProgress | null; quote: Quote; at: string; actorId: string; comment: string | null }) {
  const { action, row, at } = step;
  const db = deps.database.db;
  if (action === 'submit') {
    const round = await openRound(db, { id: row.id, entityId: row.entityId, costCents: row.costCents, hasFlight: step.quote.legs.some((l) => l.mode === 'plane') }, at);
    return { patch: { approvalRoundId: round.approvalRoundId, approvalsPending: round.approvalsPending }, nextStep: round.steps[0] ?? null };
  }
  const awaited = awaitedStep(step.progress);
  if (action === 'return' && step.facts.approval?.actorMayApprove && awaited) {
    await recordDecision(db, { row, step: awaited, decision: 'returned', actorId: step.actorId, at, comment: step.comment });
  }
  return { patch: { approvalsPending: 0 }, nextStep: null };
}

// One transaction: read, decide, write the new status and its audit entry, and book (or reverse) the
// ledger contribution. If the ledger refuses, nothing of the transition remains.
export async function transitionMission(deps: MissionDeps, actor: AuthenticatedUser, id: string, action: WorkflowAction, input: TransitionInput): Promise<Mission> {
  const at = nowIso(deps.clock);
  await deps.database.transaction(async () => {
      const { row, facts, progress } = await loadWithFacts(deps.database, actor, id);
      const from = facts.status;
      const to = decide(action, facts, actor);
      checkVersion(row, input.version);
      const comment = commentFor(action, input);
      const quote = parseStoredQuote(row.quoteJson);
      if (action === 'submit') {
        const blockingMessages = quote.policy.filter((f) => f.severity === 'blocking').map((f) => f.message);
        const flags = await flagsAtSubmission(deps.database.db, deps.policy?.() ?? defaultMissionPolicy, row, quote, at);
        const justificationRequired = quote.justificationRequired || needsJustification(flags);
        checkSubmission({ blocked: quote.blocked, justificationRequired, blockingMessages, budgetLineId: row.budgetLineId }, row.justification);
      }
      if (action === 'cancel') checkNoClaimUnderway(await repo.claimStatusOf(deps.database.db, id));
      const approval = await approvalChanges(deps, { action, row, facts, progress, quote, at, actorId: actor.id, comment });
      if (!await repo.updateMissionIfVersion(deps.database.db, id, row.version, { status: to, updatedAt: at, ...approval.patch })) {
        throw missionErrors.stale();
      }
      await repo.insertAudit(deps.database.db, { id: newId('aud'), missionId: id, at, actorId: actor.id, action, fromStatus: from, toStatus: to, comment });
      await bookLedger(deps, { action, from, row, quote, at, actorId: actor.id, comment });
      const notice = { action, mission: row, actorId: actor.id, comment, at };
      if (action === 'submit') await noticeNextActor(deps, notice, approval.nextStep);
      else await enqueueMissionNotices(deps, notice);
    }, { lock: [missionLockKey(id)] });
  return readMission(deps.database, id);
}
