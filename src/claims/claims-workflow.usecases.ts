import type { AuthenticatedUser } from '../auth/auth.types.ts';
import { invalid, onField } from '../shared/errors.ts';
import { claimErrors, claimTexts } from './claims.errors.ts';
import { newId } from '../shared/ids.ts';
import { formatCentsFr } from '../ledger/ledger-format.models.ts';
import { findBudgetLineById } from '../org/org.repository.ts';
import type { Quote } from '../quote/quote.usecases.ts';
import { COMMENT_MAX_CHARS } from '../missions/missions.models.ts';
import type * as missionsRepo from '../missions/missions.repository.ts';
import { nowIso } from '../missions/missions.usecases.ts';
import { assertClaimable, checkClaimSubmission, claimNotFound, decideClaim, type ClaimStatus, type ClaimWorkflowAction } from './claims.models.ts';
import { amountsNeedingReceiptCents } from './expenses.models.ts';
import { amountsOf, expensesFromRows, type Claim } from './claims.mapping.ts';
import { checkClaimVersion, claimConflict, readClaim, visibleMission, type ClaimDeps } from './claims.usecases.ts';
import { settleAvoidedFlights } from './claim-avoided-flights.usecases.ts';
import { enqueueClaimNotices } from '../notifications/notifications.usecases.ts';
import * as repo from './claims.repository.ts';
import { parseStoredQuote } from '../quote/stored-quote.schemas.ts';

export type ClaimTransitionRequest = { comment?: string; version?: number; paymentReference?: string };

function commentFor(action: ClaimWorkflowAction, comment: string | undefined): string | null {
  const text = (comment ?? '').trim();
  if ((action === 'return' || action === 'reject') && text.length === 0) {
    throw onField(claimErrors.commentRequired, 'comment', action === 'return' ? claimTexts.commentRequiredReturn() : claimTexts.commentRequiredReject());
  }
  if (text.length > COMMENT_MAX_CHARS) throw invalid('comment', claimTexts.commentTooLong({ max: COMMENT_MAX_CHARS }));
  return text || null;
}

type Step = { deps: ClaimDeps; actor: AuthenticatedUser; mission: missionsRepo.MissionRow; claim: repo.ClaimRow; at: string };
type Outcome = { patch: Partial<repo.ClaimInsert>; notes: string[] };

async function submit({ deps, claim, at }: Step): Promise<Outcome> {
  const quote = parseStoredQuote(claim.quoteJson);
  const amounts = amountsOf(quote, expensesFromRows(await repo.listExpenses(deps.database.db, claim.id)));
  checkClaimSubmission({ returnAt: claim.returnAt, nowIso: at, receipts: await repo.countReceipts(deps.database.db, claim.id), amountsNeedingReceiptCents: amountsNeedingReceiptCents(amounts) });
  return { patch: {}, notes: [] };
}

const signedEuros = (cents: number) => `${cents > 0 ? '+' : cents < 0 ? '−' : ''}${formatCentsFr(Math.abs(cents))} €`;

// Service fait: the contribution is settled on the actual trip and the copil's avoided flights are
// brought in line with it, in the transaction that certifies.
async function certify({ deps, actor, mission, claim, at }: Step): Promise<Outcome> {
  const actual = parseStoredQuote(claim.quoteJson);
  const line = mission.budgetLineId ? await findBudgetLineById(deps.database.db, mission.budgetLineId) : undefined;
  const settlement = await deps.ledger.settle(deps.database, {
    claimId: claim.id,
    missionId: mission.id,
    budgetLineId: mission.budgetLineId!,
    budgetLineName: line ? `${line.code} — ${line.label}` : undefined,
    entityId: mission.entityId,
    actual: { amountCents: actual.offset.amountCents, co2eGrams: actual.offset.co2eGrams },
    at,
    actorId: actor.id,
  });
  const avoided = await settleAvoidedFlights(deps.database.db, { missionId: mission.id, claimId: claim.id, estimate: parseStoredQuote(mission.quoteJson), actual, at, actorId: actor.id });
  const adjustmentNote = settlement.transferId ? `Contribution carbone ajustée de ${signedEuros(settlement.amountCents)} (${settlement.transferId})` : 'Contribution carbone inchangée sur le voyage réel';
  return {
    patch: { certifiedAt: at, certifiedBy: actor.id, adjustmentCents: settlement.amountCents, adjustmentTransferId: settlement.transferId },
    notes: [adjustmentNote, ...avoided],
  };
}

function pay({ actor, at }: Step, reference: string | undefined): Outcome {
  const paymentReference = (reference ?? '').trim();
  if (!paymentReference) throw invalid('paymentReference', claimTexts.paymentReferenceMissing());
  return { patch: { paidAt: at, paidBy: actor.id, paymentReference }, notes: [`Référence de paiement : ${paymentReference}`] };
}

async function effects(action: ClaimWorkflowAction, step: Step, input: ClaimTransitionRequest): Promise<Outcome> {
  if (action === 'submit') return await submit(step);
  if (action === 'certify') return await certify(step);
  if (action === 'pay') return pay(step, input.paymentReference);
  return { patch: {}, notes: [] };
}

// One transaction, IMMEDIATE so that two processes racing (certify against return, two
// certifications) are serialised before either reads the status: read, decide, settle, write the
// status and its audit entry. If anything refuses (the ledger, a trigger), nothing of it remains.
export async function transitionClaim(deps: ClaimDeps, actor: AuthenticatedUser, missionId: string, action: ClaimWorkflowAction, input: ClaimTransitionRequest): Promise<Claim> {
  const at = nowIso(deps.clock);
  const mission = await deps.database.transaction(async () => {
      const db = deps.database.db; // the transaction's handle (on PostgreSQL, not the pool's)
      const mission = await visibleMission(deps.database, actor, missionId);
      const claim = await repo.findClaimByMission(db, missionId);
      if (!claim) throw claimNotFound();
      const from = claim.status as ClaimStatus;
      const to = decideClaim(action, { travellerId: claim.travellerId, status: from }, actor);
      checkClaimVersion(claim, input.version);
      const comment = commentFor(action, input.comment);
      if (action === 'submit' || action === 'certify') assertClaimable(mission);
      const { patch, notes } = await effects(action, { deps, actor, mission, claim, at }, input);
      if (!await repo.updateClaimIfVersion(db, claim.id, claim.version, { ...patch, status: to, updatedAt: at })) throw claimConflict();
      const text = [comment, ...notes].filter((t): t is string => !!t).join(' ; ') || null;
      await repo.insertClaimAudit(db, { id: newId('aud'), claimId: claim.id, at, actorId: actor.id, action, fromStatus: from, toStatus: to, comment: text });
      await enqueueClaimNotices(deps, { action, mission, actorId: actor.id, comment, at });
      return mission;
    });
  return readClaim(deps, mission);
}
