import type { Database } from '../shared/db.ts';
import { ledgerErrors } from './ledger.errors.ts';
import { contentHash } from './ledger-format.models.ts';
import { runningBalances, statementTotals, type Account, type CauseKind } from './ledger.models.ts';
import { parisDate, period as periodOf } from './ledger-dates.models.ts';
import { balanceBefore, statementRows } from './ledger.repository.ts';
import { resolveAccount } from './finance.usecases.ts';

export const MAX_STATEMENT_LINES = 100_000;

export type StatementLine = {
  seq: number;
  date: string; // Paris calendar day
  effectiveAt: string; // ISO UTC
  transferId: string;
  key: string;
  causeKind: CauseKind;
  causeRef: string | null;
  memo: string | null;
  counterpartyId: string;
  counterpartyName: string;
  amountCents: number; // credit +, debit −
  balanceAfterCents: number;
  co2eGrams: number;
  reversesTransferId: string | null;
};

export type Statement = {
  account: Pick<Account, 'id' | 'kind' | 'name' | 'ref' | 'entityId'>;
  from: string;
  to: string;
  openingBalanceCents: number;
  closingBalanceCents: number;
  totals: { creditsCents: number; debitsCents: number; netCents: number; lines: number };
  lines: StatementLine[];
  // SHA-256 of the canonical JSON of everything above except generation details: the same statement
  // always hashes the same, so a printed hash can be checked against a fresh export.
  contentSha256: string;
};

export async function accountStatement(database: Database, input: { account: string; from: string; to: string }): Promise<Statement> {
  const p = periodOf(input.from, input.to);
  const account = await resolveAccount(database, input.account);
  // One read transaction: the opening balance, the lines and the closing balance see the same snapshot.
  return await database.transaction(async (): Promise<Statement> => {
    const openingBalanceCents = await balanceBefore(database.db, account.id, p.fromInclusive);
    const rows = await statementRows(database.db, account.id, p.fromInclusive, p.toExclusive, MAX_STATEMENT_LINES + 1);
    if (rows.length > MAX_STATEMENT_LINES) {
      throw ledgerErrors.statementTooLarge({ max: MAX_STATEMENT_LINES }, [{ path: 'from', message: 'period too long' }]);
    }
    const lines: StatementLine[] = rows.map(({ accountSeq, ...row }) => ({ seq: accountSeq, date: parisDate(row.effectiveAt), ...row }));
    assertChain(openingBalanceCents, lines);
    const closingBalanceCents = lines.at(-1)?.balanceAfterCents ?? openingBalanceCents;
    const header = { id: account.id, kind: account.kind, name: account.name, ref: account.ref, entityId: account.entityId };
    const content = { account: header, from: p.from, to: p.to, openingBalanceCents, closingBalanceCents, lines };
    const totals = { ...statementTotals(lines.map((l) => l.amountCents)), lines: lines.length };
    return { ...content, totals, contentSha256: contentHash(content) };
  }, { snapshot: true });
}

// The stored running balances must agree with opening + amounts; a gap means a corrupted chain, which
// must stop an export rather than print wrong figures.
function assertChain(openingBalanceCents: number, lines: StatementLine[]): void {
  const expected = runningBalances(openingBalanceCents, lines.map((l) => l.amountCents));
  lines.forEach((line, i) => {
    if (line.balanceAfterCents !== expected[i]) throw new Error(`ledger chain broken at transfer ${line.transferId}: stored ${line.balanceAfterCents}, expected ${expected[i]}`);
  });
}
