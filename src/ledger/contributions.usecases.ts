import type { DbHandle } from '../shared/db.ts';
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

// The entry points missions call inside their own better-sqlite3 transaction when a mission is
// approved, validated or cancelled. All are synchronous and idempotent per mission. The caller's
// transaction must be IMMEDIATE (`sqlite.transaction(fn).immediate()`): a deferred one that reads
// first fails with "database is locked" when another process wrote meanwhile (WAL cannot upgrade
// a stale read snapshot to a write), as test/ledger/concurrency.test.ts showed.

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

function contributionAccounts(database: DbHandle, input: MissionContributionInput, policy: LedgerPolicy, at: string): { debit: Account; credit: Account } {
  return {
    debit: getOrCreateAccount(database, budgetLineSpec(input.budgetLineId, input.budgetLineName, input.entityId), at),
    credit: getOrCreateAccount(database, envelopeSpec(policy, input.entityId), at),
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

function voidOpenHold(database: DbHandle, missionId: string, at: string, actorId: string | null, reason: string): void {
  const hold = findHoldByKey(database.db, missionHoldKey(missionId));
  if (hold && hold.outcome === null) insertResolution(database.db, { holdId: hold.id, outcome: 'voided', transferId: null, reason, actorId, resolvedAt: at });
}

// Books budget line → envelope under `mission:<id>:contribution`: a second call (retry, double
// validation, another process) returns the transfer booked by the first. Amount 0 books nothing.
export function bookMissionContribution(database: DbHandle, input: MissionContributionInput, policy: LedgerPolicy = defaultLedgerPolicy): Transfer | null {
  const at = normaliseInstant(input.at, 'at');
  const amountCents = checkedAmount(input.amountCents);
  const book = database.sqlite.transaction((): Transfer | null => {
    if (amountCents === 0) {
      const existing = findTransferByKey(database.db, missionContributionKey(input.missionId));
      if (existing) throw ledgerErrors.contributionExists({ mission: input.missionId, transfer: existing.id }, [{ path: 'amountCents', message: 'already booked with another amount' }]);
      voidOpenHold(database, input.missionId, at, input.actorId, 'contribution nulle');
      return null;
    }
    const accounts = contributionAccounts(database, input, policy, at);
    const hold = findHoldByKey(database.db, missionHoldKey(input.missionId));
    const openHold = hold && hold.outcome === null ? hold : null;
    const released = openHold && openHold.debitAccountId === accounts.debit.id ? openHold.amountCents : 0;
    const { transfer } = postTransfer(database, contributionDraft(input, accounts, at), policy, released);
    // The hold is settled by the posted amount (which may differ from the reserved one: price or
    // footprint recomputed); the difference is simply released.
    if (openHold) insertResolution(database.db, { holdId: openHold.id, outcome: 'posted', transferId: transfer.id, reason: null, actorId: input.actorId, resolvedAt: at });
    return transfer;
  });
  return book.immediate();
}

// Books the reversal (envelope → budget line) under `mission:<id>:contribution:reversal`, linked to the
// contribution. Null when nothing was booked (an open hold is voided instead). Refused with
// `ledger.insufficient_funds` when the envelope has already spent the money and may not go negative.
export function reverseMissionContribution(database: DbHandle, input: MissionCancellationInput, policy: LedgerPolicy = defaultLedgerPolicy): Transfer | null {
  const at = normaliseInstant(input.at, 'at');
  const reverse = database.sqlite.transaction((): Transfer | null => {
    const original = findTransferByKey(database.db, missionContributionKey(input.missionId));
    if (!original) {
      voidOpenHold(database, input.missionId, at, input.actorId, input.reason);
      return null;
    }
    const how = { transferId: original.id, at, actorId: input.actorId, reason: input.reason, key: missionReversalKey(input.missionId), causeKind: 'mission_reversal' as const };
    return reverseTransfer(database, how, policy).transfer;
  });
  return reverse.immediate();
}

// Two-phase option (EMPREINTE_LEDGER_HOLDS): approval reserves the amount on the budget line; the
// contribution posts it at validation, the cancellation voids it. Returns null when holds are off,
// the amount is 0, or the contribution is already booked.
export function holdMissionContribution(database: DbHandle, input: MissionContributionInput, policy: LedgerPolicy = defaultLedgerPolicy): HoldWithOutcome | null {
  if (!policy.holds) return null;
  const at = normaliseInstant(input.at, 'at');
  if (checkedAmount(input.amountCents) === 0) return null;
  const hold = database.sqlite.transaction((): HoldWithOutcome | null => {
    const key = missionHoldKey(input.missionId);
    const existing = findHoldByKey(database.db, key);
    if (existing) return existing;
    if (findTransferByKey(database.db, missionContributionKey(input.missionId))) return null;
    const { debit, credit } = contributionAccounts(database, input, policy, at);
    assertValidDraft(contributionDraft(input, { debit, credit }, at));
    assertFunds(debit, chainTip(database.db, debit.id)?.balanceAfterCents ?? 0, pendingDebitCents(database.db, debit.id), input.amountCents, policy);
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
    insertHold(database.db, row);
    return { ...row, outcome: null };
  });
  return hold.immediate();
}

export function voidMissionHold(database: DbHandle, input: MissionCancellationInput): void {
  const at = normaliseInstant(input.at, 'at');
  database.sqlite.transaction(() => voidOpenHold(database, input.missionId, at, input.actorId, input.reason)).immediate();
}
