import type { Database } from '../shared/db.ts';
import { invalid } from '../shared/errors.ts';
import { ledgerErrors, ledgerTexts } from './ledger.errors.ts';
import { newId } from '../shared/ids.ts';
import {
  assertFunds,
  assertValidDraft,
  budgetLineSpec,
  defaultLedgerPolicy,
  envelopeSpec,
  MAX_AMOUNT_CENTS,
  missionContributionKey,
  missionHoldKey,
  missionReversalKey,
  type Account,
  type LedgerPolicy,
  type Transfer,
  type TransferDraft,
} from './ledger.models.ts';
import { normaliseInstant } from './ledger-dates.models.ts';
import { findHoldByKey, insertHold, insertResolution, pendingDebitCents, type HoldWithOutcome } from './ledger-holds.repository.ts';
import { chainTip, findTransferByKey } from './ledger.repository.ts';
import { getOrCreateAccount, postTransfer, reverseTransfer } from './ledger.usecases.ts';

// The entry points missions call inside their own transaction when a mission is approved, validated
// or cancelled; they join it, and are idempotent per mission. On SQLite every transaction of the port
// is IMMEDIATE: a deferred one that reads first fails with "database is locked" when another process
// wrote meanwhile (WAL cannot upgrade a stale read snapshot to a write), as
// test/ledger/concurrency.test.ts showed.

export type MissionContributionInput = {
  missionId: string;
  budgetLineId: string;
  budgetLineName?: string;
  entityId: string | null;
  amountCents: number;
  co2eGrams: number;
  at: string; // ISO instant of the validation
  actorId: string | null;
};

export type MissionCancellationInput = { missionId: string; at: string; actorId: string | null; reason: string };

async function contributionAccounts(database: Database, input: MissionContributionInput, policy: LedgerPolicy, at: string): Promise<{ debit: Account; credit: Account }> {
  return {
    debit: await getOrCreateAccount(database, budgetLineSpec(input.budgetLineId, input.budgetLineName, input.entityId), at),
    credit: await getOrCreateAccount(database, envelopeSpec(policy, input.entityId), at),
  };
}

function checkedAmount(amountCents: number): number {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0 || amountCents > MAX_AMOUNT_CENTS) throw invalid('amountCents', ledgerTexts.amountRange({ min: 0, max: MAX_AMOUNT_CENTS }));
  return amountCents;
}

function contributionDraft(input: MissionContributionInput, accounts: { debit: Account; credit: Account }, at: string): TransferDraft {
  return {
    key: missionContributionKey(input.missionId),
    debitAccountId: accounts.debit.id,
    creditAccountId: accounts.credit.id,
    amountCents: input.amountCents,
    co2eGrams: input.co2eGrams,
    causeKind: 'mission_contribution',
    causeRef: input.missionId,
    reversesTransferId: null,
    memo: `Contribution carbone de la mission ${input.missionId}`,
    actorId: input.actorId,
    at,
  };
}

async function voidOpenHold(database: Database, missionId: string, at: string, actorId: string | null, reason: string): Promise<void> {
  const hold = await findHoldByKey(database.db, missionHoldKey(missionId));
  if (hold && hold.outcome === null) await insertResolution(database.db, { holdId: hold.id, outcome: 'voided', transferId: null, reason, actorId, resolvedAt: at });
}

// Books budget line → envelope under `mission:<id>:contribution`: a second call (retry, double
// validation, another process) returns the transfer booked by the first. Amount 0 books nothing.
export async function bookMissionContribution(database: Database, input: MissionContributionInput, policy: LedgerPolicy = defaultLedgerPolicy): Promise<Transfer | null> {
  const at = normaliseInstant(input.at, 'at');
  const amountCents = checkedAmount(input.amountCents);
  return await database.transaction(async (): Promise<Transfer | null> => {
    if (amountCents === 0) {
      const existing = await findTransferByKey(database.db, missionContributionKey(input.missionId));
      if (existing) throw ledgerErrors.contributionExists({ mission: input.missionId, transfer: existing.id }, [{ path: 'amountCents', message: 'already booked with another amount' }]);
      await voidOpenHold(database, input.missionId, at, input.actorId, 'contribution nulle');
      return null;
    }
    const accounts = await contributionAccounts(database, input, policy, at);
    const hold = await findHoldByKey(database.db, missionHoldKey(input.missionId));
    const openHold = hold && hold.outcome === null ? hold : null;
    const released = openHold && openHold.debitAccountId === accounts.debit.id ? openHold.amountCents : 0;
    const { transfer } = await postTransfer(database, contributionDraft(input, accounts, at), policy, released);
    // The hold is settled by the posted amount (which may differ from the reserved one: price or
    // footprint recomputed); the difference is simply released.
    if (openHold) await insertResolution(database.db, { holdId: openHold.id, outcome: 'posted', transferId: transfer.id, reason: null, actorId: input.actorId, resolvedAt: at });
    return transfer;
  });
}

// Books the reversal (envelope → budget line) under `mission:<id>:contribution:reversal`, linked to the
// contribution. Null when nothing was booked (an open hold is voided instead). Refused with
// `ledger.insufficient_funds` when the envelope has already spent the money and may not go negative.
export async function reverseMissionContribution(database: Database, input: MissionCancellationInput, policy: LedgerPolicy = defaultLedgerPolicy): Promise<Transfer | null> {
  const at = normaliseInstant(input.at, 'at');
  return await database.transaction(async (): Promise<Transfer | null> => {
    const original = await findTransferByKey(database.db, missionContributionKey(input.missionId));
    if (!original) {
      await voidOpenHold(database, input.missionId, at, input.actorId, input.reason);
      return null;
    }
    const how = { transferId: original.id, at, actorId: input.actorId, reason: input.reason, key: missionReversalKey(input.missionId), causeKind: 'mission_reversal' as const };
    return (await reverseTransfer(database, how, policy)).transfer;
  });
}

// Two-phase option (EMPREINTE_LEDGER_HOLDS): approval reserves the amount on the budget line; the
// contribution posts it at validation, the cancellation voids it. Returns null when holds are off,
// the amount is 0, or the contribution is already booked.
export async function holdMissionContribution(database: Database, input: MissionContributionInput, policy: LedgerPolicy = defaultLedgerPolicy): Promise<HoldWithOutcome | null> {
  if (!policy.holds) return null;
  const at = normaliseInstant(input.at, 'at');
  if (checkedAmount(input.amountCents) === 0) return null;
  return await database.transaction(async (): Promise<HoldWithOutcome | null> => {
    const key = missionHoldKey(input.missionId);
    const existing = await findHoldByKey(database.db, key);
    if (existing) return existing;
    if (await findTransferByKey(database.db, missionContributionKey(input.missionId))) return null;
    const { debit, credit } = await contributionAccounts(database, input, policy, at);
    assertValidDraft(contributionDraft(input, { debit, credit }, at));
    assertFunds(debit, (await chainTip(database.db, debit.id))?.balanceAfterCents ?? 0, await pendingDebitCents(database.db, debit.id), input.amountCents, policy);
    const row = {
      id: newId('txf'),
      key,
      debitAccountId: debit.id,
      creditAccountId: credit.id,
      amountCents: input.amountCents,
      co2eGrams: input.co2eGrams,
      causeRef: input.missionId,
      actorId: input.actorId,
      createdAt: at,
    };
    await insertHold(database.db, row);
    return { ...row, outcome: null };
  });
}

export async function voidMissionHold(database: Database, input: MissionCancellationInput): Promise<void> {
  const at = normaliseInstant(input.at, 'at');
  await database.transaction(async () => voidOpenHold(database, input.missionId, at, input.actorId, input.reason));
}
