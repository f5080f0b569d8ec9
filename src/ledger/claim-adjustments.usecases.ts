import type { Database } from '../shared/db.ts';
import { normaliseInstant } from './ledger-dates.models.ts';
import { budgetLineSpec, claimAdjustmentKey, defaultLedgerPolicy, envelopeSpec, missionContributionKey, type LedgerPolicy, type Transfer, type TransferDraft } from './ledger.models.ts';
import { bookedContribution, contributionAdjustment, type ActualOffset, type Booked } from './claim-adjustment.models.ts';
import { findReversalOf, findTransferByKey } from './ledger.repository.ts';
import { getOrCreateAccount, postTransfer } from './ledger.usecases.ts';

export type ClaimSettlementInput = {
  claimId: string;
  missionId: string;
  budgetLineId: string;
  budgetLineName?: string;
  entityId: string | null;
  actual: ActualOffset; // the certified actual trip's contribution
  at: string;
  actorId: string | null;
};

export type ClaimSettlement = { amountCents: number; co2eGrams: number; transferId: string | null };

// The two accounts the mission's contribution moved between (or would have): the adjustment moves
// money between the same two, whichever way.
async function accountsFor(database: Database, input: ClaimSettlementInput, contribution: Transfer | undefined, policy: LedgerPolicy, at: string) {
  if (contribution) return { budgetLineId: contribution.debitAccountId, envelopeId: contribution.creditAccountId };
  const line = await getOrCreateAccount(database, budgetLineSpec(input.budgetLineId, input.budgetLineName, input.entityId), at);
  const envelope = await getOrCreateAccount(database, envelopeSpec(policy, input.entityId), at);
  return { budgetLineId: line.id, envelopeId: envelope.id };
}

// What the ledger holds for a mission now: its contribution unless reversed (0 when none was owed).
export async function bookedForMission(database: Database, missionId: string): Promise<Booked> {
  const contribution = await findTransferByKey(database.db, missionContributionKey(missionId));
  const reversed = contribution ? await findReversalOf(database.db, contribution.id) !== undefined : false;
  return bookedContribution(contribution, reversed);
}

// Books `claim:<id>:adjustment` = actual contribution − what the ledger holds for the mission, inside
// the caller's transaction (the claim's certification). Idempotent: a second call returns the
// transfer the first booked. Refused with `ledger.insufficient_funds` when the envelope must give
// back more than it holds and may not go negative: nothing of the certification then remains.
export async function settleClaimContribution(database: Database, input: ClaimSettlementInput, policy: LedgerPolicy = defaultLedgerPolicy): Promise<ClaimSettlement> {
  const at = normaliseInstant(input.at, 'at');
  return await database.transaction(async (): Promise<ClaimSettlement> => {
      const contribution = await findTransferByKey(database.db, missionContributionKey(input.missionId));
      const adjustment = contributionAdjustment(await bookedForMission(database, input.missionId), input.actual);
      if (adjustment.direction === 'none') return { amountCents: 0, co2eGrams: adjustment.co2eGrams, transferId: null };
      const { budgetLineId, envelopeId } = await accountsFor(database, input, contribution, policy, at);
      const up = adjustment.direction === 'up';
      const draft: TransferDraft = {
        key: claimAdjustmentKey(input.claimId),
        debitAccountId: up ? budgetLineId : envelopeId,
        creditAccountId: up ? envelopeId : budgetLineId,
        amountCents: Math.abs(adjustment.amountCents),
        co2eGrams: Math.abs(adjustment.co2eGrams),
        causeKind: 'claim_adjustment',
        causeRef: input.claimId,
        reversesTransferId: null,
        memo: `Ajustement de la contribution carbone sur le voyage réel : état de frais ${input.claimId} (mission ${input.missionId})`,
        actorId: input.actorId,
        at,
      };
      const { transfer } = await postTransfer(database, draft, policy);
      return { amountCents: adjustment.amountCents, co2eGrams: adjustment.co2eGrams, transferId: transfer.id };
    });
}
