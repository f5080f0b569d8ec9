import type { Config } from '../config.ts';
import { invalid } from '../shared/errors.ts';
import { ledgerErrors, ledgerTexts } from './ledger.errors.ts';
import { formatCentsFr } from './ledger-format.models.ts';

// Pure ledger rules. Sign convention of entries: a credit is +, a debit is − (seen from the account).
// So a budget line that pays has a negative balance (what it has paid), the envelope's balance is what
// it holds, a project's balance is what it received, and the sum over all accounts is always zero.

export const accountKinds = ['envelope', 'budget_line', 'project'] as const;
export const causeKinds = ['mission_contribution', 'mission_reversal', 'disbursement', 'correction', 'claim_adjustment'] as const;
export const projectScopes = ['internal', 'territory'] as const;

export type AccountKind = (typeof accountKinds)[number];
export type CauseKind = (typeof causeKinds)[number];
export type ProjectScope = (typeof projectScopes)[number];

export type Account = {
  id: string;
  kind: AccountKind;
  name: string;
  entityId: string | null;
  ref: string;
  allowNegative: boolean;
  createdAt: string;
};

export type Transfer = {
  id: string;
  key: string;
  debitAccountId: string;
  creditAccountId: string;
  amountCents: number;
  co2eGrams: number;
  causeKind: CauseKind;
  causeRef: string | null;
  reversesTransferId: string | null;
  memo: string | null;
  actorId: string | null;
  effectiveAt: string;
  createdAt: string;
};

// What a caller asks to book; `at` is the booking instant it states (normalised ISO UTC).
export type TransferDraft = Omit<Transfer, 'id' | 'effectiveAt' | 'createdAt'> & { at: string };

export type LedgerPolicy = { envelopeScope: 'school' | 'entity'; allowNegativeEnvelope: boolean; holds: boolean };
export const defaultLedgerPolicy: LedgerPolicy = { envelopeScope: 'school', allowNegativeEnvelope: false, holds: false };

export function ledgerPolicy(config: Pick<Config, 'EMPREINTE_ENVELOPE_SCOPE' | 'EMPREINTE_ENVELOPE_ALLOW_NEGATIVE' | 'EMPREINTE_LEDGER_HOLDS'>): LedgerPolicy {
  return {
    envelopeScope: config.EMPREINTE_ENVELOPE_SCOPE,
    allowNegativeEnvelope: config.EMPREINTE_ENVELOPE_ALLOW_NEGATIVE,
    holds: config.EMPREINTE_LEDGER_HOLDS,
  };
}

// Limits on everything: 10 billion euros and a million tonnes are far beyond any real transfer.
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;
export const MAX_CO2E_GRAMS = 1_000_000_000_000;

export const envelopeRef = (policy: LedgerPolicy, entityId: string | null): string =>
  policy.envelopeScope === 'entity' && entityId ? `envelope:${entityId}` : 'envelope:school';
export const budgetLineRef = (budgetLineId: string): string => `budget_line:${budgetLineId}`;
export const projectRef = (projectId: string): string => `project:${projectId}`;
export const envelopeName = (ref: string): string =>
  ref === 'envelope:school' ? 'Enveloppe de compensation (école)' : `Enveloppe de compensation (${ref.slice('envelope:'.length)})`;

export type AccountSpec = Pick<Account, 'kind' | 'ref' | 'name' | 'entityId' | 'allowNegative'>;

export function envelopeSpec(policy: LedgerPolicy, entityId: string | null): AccountSpec {
  const ref = envelopeRef(policy, entityId);
  return { kind: 'envelope', ref, name: envelopeName(ref), entityId: ref === 'envelope:school' ? null : entityId, allowNegative: false };
}

// Budget lines are sources of money: their balance is what they have paid, negative by design.
export const budgetLineSpec = (budgetLineId: string, name: string | undefined, entityId: string | null): AccountSpec => ({
  kind: 'budget_line',
  ref: budgetLineRef(budgetLineId),
  name: name ?? budgetLineId,
  entityId,
  allowNegative: true,
});

export const projectSpec = (project: { id: string; name: string }): AccountSpec => ({ kind: 'project', ref: projectRef(project.id), name: project.name, entityId: null, allowNegative: false });

export const missionContributionKey = (missionId: string): string => `mission:${missionId}:contribution`;
export const missionReversalKey = (missionId: string): string => `mission:${missionId}:contribution:reversal`;
export const missionHoldKey = (missionId: string): string => `mission:${missionId}:hold`;
// One adjustment per claim, whoever certifies and however often.
export const claimAdjustmentKey = (claimId: string): string => `claim:${claimId}:adjustment`;
export const correctionKey = (transferId: string): string => `transfer:${transferId}:reversal`;

export function assertValidDraft(draft: TransferDraft): void {
  const { amountCents, co2eGrams } = draft;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > MAX_AMOUNT_CENTS) {
    throw invalid('amountCents', ledgerTexts.amountRange({ min: 1, max: MAX_AMOUNT_CENTS }));
  }
  if (!Number.isSafeInteger(co2eGrams) || co2eGrams < 0 || co2eGrams > MAX_CO2E_GRAMS) {
    throw invalid('co2eGrams', ledgerTexts.co2eRange({ max: MAX_CO2E_GRAMS }));
  }
  if (draft.debitAccountId === draft.creditAccountId) {
    throw ledgerErrors.sameAccount({}, [{ path: 'creditAccountId', message: 'same as the debited account' }]);
  }
}

// Entries are appended in effective order per account: a booking that arrives after a later entry of
// one of its accounts is stamped at that entry's instant, never before it (never backdated).
export function effectiveInstant(requestedAt: string, ...latestOfAccounts: Array<string | null>): string {
  return latestOfAccounts.reduce<string>((max, at) => (at !== null && at > max ? at : max), requestedAt);
}

export type ChainTip = { accountSeq: number; balanceAfterCents: number };

export function nextEntry(tip: ChainTip | null, amountCents: number): ChainTip {
  return { accountSeq: (tip?.accountSeq ?? 0) + 1, balanceAfterCents: (tip?.balanceAfterCents ?? 0) + amountCents };
}

export function mayGoNegative(account: Account, policy: LedgerPolicy): boolean {
  return account.allowNegative || (account.kind === 'envelope' && policy.allowNegativeEnvelope);
}

// Available = posted balance − amounts reserved by pending holds that would debit the account.
export function assertFunds(account: Account, balanceCents: number, pendingDebitCents: number, amountCents: number, policy: LedgerPolicy): void {
  if (mayGoNegative(account, policy)) return;
  const availableCents = balanceCents - pendingDebitCents;
  if (availableCents - amountCents >= 0) return;
  const euros = (cents: number) => `${formatCentsFr(cents, { grouping: true })} €`;
  throw ledgerErrors.insufficientFunds({ account: account.name, available: euros(availableCents), amount: euros(amountCents) }, [
    { path: 'amountCents', message: 'would take the account below zero', accountId: account.id, availableCents, amountCents },
  ]);
}

export function reversalDraft(original: Transfer, how: { key: string; at: string; actorId: string | null; reason: string; causeKind: CauseKind }): TransferDraft {
  return {
    key: how.key,
    debitAccountId: original.creditAccountId,
    creditAccountId: original.debitAccountId,
    amountCents: original.amountCents,
    co2eGrams: original.co2eGrams,
    causeKind: how.causeKind,
    causeRef: original.causeRef,
    reversesTransferId: original.id,
    memo: `Annulation de ${original.id} : ${how.reason}`,
    actorId: how.actorId,
    at: how.at,
  };
}

// Same key, same substance → the stored transfer is the answer; same key, other substance → conflict.
export function assertSameBooking(existing: Transfer, draft: TransferDraft): Transfer {
  const same =
    existing.debitAccountId === draft.debitAccountId &&
    existing.creditAccountId === draft.creditAccountId &&
    existing.amountCents === draft.amountCents &&
    existing.co2eGrams === draft.co2eGrams;
  if (same) return existing;
  throw ledgerErrors.keyReused({ key: draft.key, transfer: existing.id }, [
    { path: 'key', message: 'already used with different content', transferId: existing.id },
  ]);
}

export function runningBalances(openingCents: number, amountsCents: number[]): number[] {
  let balance = openingCents;
  return amountsCents.map((amount) => (balance += amount));
}

export function statementTotals(amountsCents: number[]): { creditsCents: number; debitsCents: number; netCents: number } {
  let creditsCents = 0;
  let debitsCents = 0;
  for (const amount of amountsCents) {
    if (amount > 0) creditsCents += amount;
    else debitsCents -= amount;
  }
  return { creditsCents, debitsCents, netCents: creditsCents - debitsCents };
}
