import type { Database } from '../shared/db.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { ledgerErrors } from './ledger.errors.ts';
import { newId } from '../shared/ids.ts';
import {
  assertFunds,
  assertSameBooking,
  assertValidDraft,
  correctionKey,
  defaultLedgerPolicy,
  effectiveInstant,
  envelopeSpec,
  nextEntry,
  reversalDraft,
  type Account,
  type AccountSpec,
  type CauseKind,
  type LedgerPolicy,
  type Transfer,
  type TransferDraft,
} from './ledger.models.ts';
import { pendingDebitCents } from './ledger-holds.repository.ts';
import {
  chainTip,
  findAccountById,
  findAccountByRef,
  findReversalOf,
  findTransferById,
  findTransferByKey,
  insertAccountIfAbsent,
  insertTransferWithEntries,
  type EntryRow,
} from './ledger.repository.ts';

export type Posted = { transfer: Transfer; created: boolean };

export async function getOrCreateAccount(database: Database, spec: AccountSpec, at: string): Promise<Account> {
  return await findAccountByRef(database.db, spec.ref) ?? await insertAccountIfAbsent(database.db, { id: newId('acc'), createdAt: at, ...spec });
}

// The school's envelope is reference data: it exists from the first start, so finance can ask for its
// (empty) statement before any mission was validated.
export async function ensureSchoolEnvelope(database: Database, at: string): Promise<Account> {
  return await getOrCreateAccount(database, envelopeSpec(defaultLedgerPolicy, null), at);
}

async function requireAccount(database: Database, id: string, path: string): Promise<Account> {
  const account = await findAccountById(database.db, id);
  if (!account) throw ledgerErrors.accountNotFound({ ref: id }, [{ path, message: 'unknown account' }]);
  return account;
}

export async function requireTransfer(database: Database, id: string): Promise<Transfer> {
  const transfer = await findTransferById(database.db, id);
  if (!transfer) throw ledgerErrors.transferNotFound({ id }, [{ path: 'id', message: 'unknown transfer' }]);
  return transfer;
}

// Another writer got there first (unique key, or unique reverses_transfer_id): its transfer is the answer.
async function alreadyBooked(database: Database, draft: TransferDraft): Promise<Transfer | undefined> {
  const byKey = await findTransferByKey(database.db, draft.key);
  if (byKey) return assertSameBooking(byKey, draft);
  return draft.reversesTransferId ? await findReversalOf(database.db, draft.reversesTransferId) : undefined;
}

async function insertAtomically(database: Database, transfer: Transfer, entries: [EntryRow, EntryRow]): Promise<void> {
  await database.transaction(async () => insertTransferWithEntries(database.db, transfer, entries), { savepoint: true });
}


// Books a transfer and its two entries in one synchronous transaction (a savepoint when the caller
// already holds one). `releasedPendingCents` is the part of the debited account's pending holds that
// this very transfer settles, so it is not counted twice against the available balance.
export async function postTransfer(database: Database, draft: TransferDraft, policy: LedgerPolicy, releasedPendingCents = 0): Promise<Posted> {
  assertValidDraft(draft);
  // The write lock is taken before the chain tips are read, so two writers never read the same tip.
  return await database.transaction(async (): Promise<Posted> => {
    const existing = await alreadyBooked(database, draft);
    if (existing) return { transfer: existing, created: false };
    const debit = await requireAccount(database, draft.debitAccountId, 'debitAccountId');
    const credit = await requireAccount(database, draft.creditAccountId, 'creditAccountId');
    const debitTip = await chainTip(database.db, debit.id);
    const creditTip = await chainTip(database.db, credit.id);
    const pending = await pendingDebitCents(database.db, debit.id) - releasedPendingCents;
    assertFunds(debit, debitTip?.balanceAfterCents ?? 0, pending, draft.amountCents, policy);

    const { at, ...fields } = draft;
    const effectiveAt = effectiveInstant(at, debitTip?.effectiveAt ?? null, creditTip?.effectiveAt ?? null);
    const transfer: Transfer = { id: newId('txf'), ...fields, effectiveAt, createdAt: at };
    const debitSide = nextEntry(debitTip, -draft.amountCents);
    const creditSide = nextEntry(creditTip, draft.amountCents);
    try {
      // A savepoint of its own: a failed insert leaves no half-written transfer behind.
      await insertAtomically(database, transfer, [
        { transferId: transfer.id, accountId: debit.id, amountCents: -draft.amountCents, effectiveAt, ...debitSide },
        { transferId: transfer.id, accountId: credit.id, amountCents: draft.amountCents, effectiveAt, ...creditSide },
      ]);
    } catch (err) {
      const winner = isUniqueViolation(err) ? await alreadyBooked(database, draft) : undefined;
      if (winner) return { transfer: winner, created: false };
      throw err;
    }
    return { transfer, created: true };
  }, { lock: [draft.debitAccountId, draft.creditAccountId] });
}

export type ReverseInput = { transferId: string; at: string; actorId: string | null; reason: string; key?: string; causeKind?: CauseKind };

// A correction is a new transfer mirroring the original. Reversing twice returns the first reversal.
export async function reverseTransfer(database: Database, input: ReverseInput, policy: LedgerPolicy): Promise<Posted> {
  return await database.transaction(async (): Promise<Posted> => {
      const original = await requireTransfer(database, input.transferId);
      const existing = await findReversalOf(database.db, original.id);
      if (existing) return { transfer: existing, created: false };
      const draft = reversalDraft(original, {
        key: input.key ?? correctionKey(original.id),
        at: input.at,
        actorId: input.actorId,
        reason: input.reason,
        causeKind: input.causeKind ?? 'correction',
      });
      return postTransfer(database, draft, policy);
    });
}
