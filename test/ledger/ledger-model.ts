import type { LedgerPolicy } from '../../src/ledger/ledger.models.ts';

// A deliberately naive model of the ledger for the property test: plain maps, no SQL, no running
// balances. The real ledger must give the same result code and the same balances after every step.

export type Op =
  | { kind: 'contribute'; mission: number; line: number; amountCents: number }
  | { kind: 'hold'; mission: number; line: number; amountCents: number }
  | { kind: 'cancel'; mission: number }
  | { kind: 'disburse'; project: number; amountCents: number; key: number | null }
  | { kind: 'correct'; pick: number };

type ModelTransfer = { id: string; key: string; debit: string; credit: string; amount: number; reversed: boolean };

export const lineRef = (line: number) => `budget_line:bgl_${line}`;
export const ENVELOPE = 'envelope:school';

export class LedgerModel {
  readonly balances = new Map<string, number>();
  readonly transfers: ModelTransfer[] = [];
  readonly holds = new Map<number, { line: string; amount: number; open: boolean }>();
  // Set when the last step booked a transfer: the runner fills in the real id.
  booked: ModelTransfer | null = null;

  constructor(
    private readonly policy: LedgerPolicy,
    readonly projectRefs: string[],
  ) {
    for (const ref of projectRefs) this.balances.set(ref, 0);
  }

  balance = (ref: string): number => this.balances.get(ref) ?? 0;

  pendingDebit(ref: string): number {
    return [...this.holds.values()].filter((h) => h.open && h.line === ref).reduce((sum, h) => sum + h.amount, 0);
  }

  pendingCredit(ref: string): number {
    return ref === ENVELOPE ? [...this.holds.values()].filter((h) => h.open).reduce((sum, h) => sum + h.amount, 0) : 0;
  }

  private hasFunds(ref: string, amount: number): boolean {
    const negativeOk = ref.startsWith('budget_line:') || (ref === ENVELOPE && this.policy.allowNegativeEnvelope);
    return negativeOk || this.balance(ref) - this.pendingDebit(ref) >= amount;
  }

  private book(key: string, debit: string, credit: string, amount: number): 'ok' {
    this.balances.set(debit, this.balance(debit) - amount);
    this.balances.set(credit, this.balance(credit) + amount);
    this.booked = { id: '', key, debit, credit, amount, reversed: false };
    this.transfers.push(this.booked);
    return 'ok';
  }

  private byKey = (key: string) => this.transfers.find((t) => t.key === key);

  private reverse(t: ModelTransfer, key: string): string {
    if (t.reversed) return 'ok';
    if (!this.hasFunds(t.credit, t.amount)) return 'ledger.insufficient_funds';
    t.reversed = true;
    return this.book(key, t.credit, t.debit, t.amount);
  }

  apply(op: Op): string {
    this.booked = null;
    switch (op.kind) {
      case 'contribute': {
        const existing = this.byKey(`mission:${op.mission}:contribution`);
        const hold = this.holds.get(op.mission);
        if (op.amountCents === 0) {
          if (existing) return 'idempotency.conflict';
          if (hold) hold.open = false;
          return 'ok';
        }
        if (existing) return existing.debit === lineRef(op.line) && existing.amount === op.amountCents ? 'ok' : 'idempotency.conflict';
        if (hold) hold.open = false;
        return this.book(`mission:${op.mission}:contribution`, lineRef(op.line), ENVELOPE, op.amountCents);
      }
      case 'hold': {
        if (!this.policy.holds || op.amountCents === 0 || this.holds.has(op.mission) || this.byKey(`mission:${op.mission}:contribution`)) return 'ok';
        this.holds.set(op.mission, { line: lineRef(op.line), amount: op.amountCents, open: true });
        return 'ok';
      }
      case 'cancel': {
        const original = this.byKey(`mission:${op.mission}:contribution`);
        if (original) return this.reverse(original, `mission:${op.mission}:contribution:reversal`);
        const hold = this.holds.get(op.mission);
        if (hold) hold.open = false;
        return 'ok';
      }
      case 'disburse': {
        const project = this.projectRefs[op.project]!;
        const existing = op.key === null ? undefined : this.byKey(`disbursement:k${op.key}`);
        if (existing) return existing.credit === project && existing.amount === op.amountCents ? 'ok' : 'idempotency.conflict';
        if (!this.hasFunds(ENVELOPE, op.amountCents)) return 'ledger.insufficient_funds';
        return this.book(op.key === null ? '(generated)' : `disbursement:k${op.key}`, ENVELOPE, project, op.amountCents);
      }
      case 'correct': {
        const t = this.transfers[op.pick % Math.max(1, this.transfers.length)];
        return t ? this.reverse(t, `transfer:${t.id}:reversal`) : 'ok';
      }
    }
  }
}
