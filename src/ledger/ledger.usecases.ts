import type { DbHandle } from '../shared/db.ts';
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

export function getOrCreateAccount(database: DbHandle, spec: AccountSpec, at: string): Account {
  return findAccountByRef(database.db, spec.ref) ?? insertAccountIfAbsent(database.db, { id: newId('acc'), createdAt: at, ...spec });
}

// The school's envelope is reference data: it exists from the first start, so finance can ask for its
// (empty) statement before any mission was validated.
export function ensureSchoolEnvelope(database: DbHandle, at: string): Account {
  return getOrCreateAccount(database, envelopeSpec(defaultLedgerPolicy, null), at);
}

function requireAccount(database: DbHandle, id: string, path: string): Account {
  const account = findAccountById(database.db, id);
  if (!account) throw ledgerErrors.accountNotFound({ ref: id }, [{ path, message: 'unknown account' }]);
  return account;
}

export function requireTransfer(database: DbHandle, id: string): Transfer {
  const transfer = findTransferById(database.db, id);
  if (!transfer) throw ledgerErrors.transferNotFound({ id }, [{ path: 'id', message: 'unknown transfer' }]);
  return transfer;
}

// Another writer got there first (unique key, or unique reverses_transfer_id): its transfer is the answer.
function alreadyBooked(database: DbHandle, draft: TransferDraft): Transfer | undefined {
  const byKey = findTransferByKey(database.db, draft.key);
  if (byKey) return assertSameBooking(byKey, draft);
  return draft.reversesTransferId ? findReversalOf(database.db, draft.reversesTransferId) : undefined;
}

function insertAtomically(database: DbHandle, transfer: Transfer, entries: [EntryRow, EntryRow]): void {
  database.sqlite.transaction(() => insertTransferWithEntries(database.db, transfer, entries))();
}

const isUniqueViolation = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

// Books a transfer and its two entries in one synchronous transaction (a savepoint when the caller
// already holds one). `releasedPendingCents` is the part of the debited account's pending holds that
// this very transfer settles, so it is not counted twice against the available balance.
export function postTransfer(database: DbHandle, draft: TransferDraft, policy: LedgerPolicy, releasedPendingCents = 0): Posted {
  assertValidDraft(draft);
  const book = database.sqlite.transaction((): Posted => {
    const existing = alreadyBooked(database, draft);
    if (existing) return { transfer: existing, created: false };
    const debit = requireAccount(database, draft.debitAccountId, 'debitAccountId');
    const credit = requireAccount(database, draft.creditAccountId, 'creditAccountId');
    const debitTip = chainTip(database.db, debit.id);
    const creditTip = chainTip(database.db, credit.id);
    const pending = pendingDebitCents(database.db, debit.id) - releasedPendingCents;
    assertFunds(debit, debitTip?.balanceAfterCents ?? 0, pending, draft.amountCents, policy);

    const { at, ...fields } = draft;
    const effectiveAt = effectiveInstant(at, debitTip?.effectiveAt ?? null, creditTip?.effectiveAt ?? null);
    const transfer: Transfer = { id: newId('txf'), ...fields, effectiveAt, createdAt: at };
    const debitSide = nextEntry(debitTip, -draft.amountCents);
    const creditSide = nextEntry(creditTip, draft.amountCents);
    try {
      // A savepoint of its own: a failed insert leaves no half-written transfer behind.
      insertAtomically(database, transfer, [
        { transferId: transfer.id, accountId: debit.id, amountCents: -draft.amountCents, effectiveAt, ...debitSide },
        { transferId: transfer.id, accountId: credit.id, amountCents: draft.amountCents, effectiveAt, ...creditSide },
      ]);
    } catch (err) {
      const winner = isUniqueViolation(err) ? alreadyBooked(database, draft) : undefined;
      if (winner) return { transfer: winner, created: false };
      throw err;
    }
    return { transfer, created: true };
  });
  // IMMEDIATE takes the write lock before reading the chain tips, so two processes never read the
  // same tip; inside a caller's transaction better-sqlite3 turns this into a savepoint.
  return book.immediate();
}

export type ReverseInput = { transferId: string; at: string; actorId: string | null; reason: string; key?: string; causeKind?: CauseKind };

// A correction is a new transfer mirroring the original. Reversing twice returns the first reversal.
export function reverseTransfer(database: DbHandle, input: ReverseInput, policy: LedgerPolicy): Posted {
  return database.sqlite
    .transaction((): Posted => {
      const original = requireTransfer(database, input.transferId);
      const existing = findReversalOf(database.db, original.id);
      if (existing) return { transfer: existing, created: false };
      const draft = reversalDraft(original, {
        key: input.key ?? correctionKey(original.id),
        at: input.at,
        actorId: input.actorId,
        reason: input.reason,
        causeKind: input.causeKind ?? 'correction',
      });
      return postTransfer(database, draft, policy);
    })
    .immediate();
}
