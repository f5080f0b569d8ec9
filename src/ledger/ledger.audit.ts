import { sql } from 'drizzle-orm';
import type { Database } from '../shared/db.ts';
import { firstRow, rows } from '../shared/dialect.ts';
import type { LedgerPolicy } from './ledger.models.ts';

// The invariant auditor: reads everything and reports every broken rule. Run after every ledger test
// and served by GET /api/ledger/audit. A healthy ledger has no problem at all.
export type AuditProblem = { check: string; message: string; ref?: string };
export type AuditResult = { ok: boolean; accounts: number; transfers: number; entries: number; problems: AuditProblem[] };

const MAX_REPORTED = 100;

type Check = { name: string; sql: string; message: (row: Record<string, unknown>) => string };

const checks: Check[] = [
  {
    name: 'entries_sum_to_zero',
    sql: `select coalesce(sum(amount_cents), 0) as total from ledger_entries having coalesce(sum(amount_cents), 0) <> 0`,
    message: (r) => `the sum of all entries is ${r.total}, not 0`,
  },
  {
    name: 'balance_equals_sum_of_entries',
    sql: `select a.id as ref, coalesce(s.total, 0) as total, coalesce(l.balance_after_cents, 0) as latest
            from ledger_accounts a
            left join (select account_id, sum(amount_cents) as total from ledger_entries group by account_id) s on s.account_id = a.id
            left join ledger_entries l on l.account_id = a.id and l.account_seq = (select max(account_seq) from ledger_entries m where m.account_id = a.id)
           where coalesce(s.total, 0) <> coalesce(l.balance_after_cents, 0)`,
    message: (r) => `latest balance ${r.latest} but entries sum to ${r.total}`,
  },
  {
    name: 'running_balance_chain',
    sql: `select transfer_id as ref, account_seq, balance_after_cents, prev_balance, amount_cents from (
            select e.*, lag(balance_after_cents, 1, 0) over w as prev_balance, lag(account_seq, 1, 0) over w as prev_seq,
                   lag(effective_at, 1, '') over w as prev_at
              from ledger_entries e window w as (partition by account_id order by account_seq)) chained
           where balance_after_cents <> prev_balance + amount_cents or account_seq <> prev_seq + 1 or effective_at < prev_at`,
    message: (r) => `entry #${r.account_seq}: ${r.prev_balance} + ${r.amount_cents} ≠ ${r.balance_after_cents} (or out of order)`,
  },
  {
    name: 'transfer_has_two_matching_entries',
    sql: `select * from (
            select t.id as ref, count(e.id) as n,
                   sum(case when e.account_id = t.debit_account_id and e.amount_cents = -t.amount_cents and e.effective_at = t.effective_at then 1 else 0 end) as debit_ok,
                   sum(case when e.account_id = t.credit_account_id and e.amount_cents = t.amount_cents and e.effective_at = t.effective_at then 1 else 0 end) as credit_ok
              from ledger_transfers t left join ledger_entries e on e.transfer_id = t.id
             group by t.id) sides
           where n <> 2 or coalesce(debit_ok, 0) <> 1 or coalesce(credit_ok, 0) <> 1`,
    message: (r) => `${r.n} entries, debit side ok ${r.debit_ok ?? 0}, credit side ok ${r.credit_ok ?? 0}`,
  },
  {
    name: 'reversal_mirrors_original',
    sql: `select r.id as ref from ledger_transfers r join ledger_transfers o on o.id = r.reverses_transfer_id
           where o.amount_cents <> r.amount_cents or o.debit_account_id <> r.credit_account_id or o.credit_account_id <> r.debit_account_id`,
    message: () => 'the reversal does not mirror the transfer it reverses',
  },
  {
    name: 'posted_hold_is_a_contribution',
    sql: `select r.hold_id as ref from ledger_hold_resolutions r left join ledger_transfers t on t.id = r.transfer_id
           where r.outcome = 'posted' and (t.id is null or t.cause_kind <> 'mission_contribution')`,
    message: () => 'a posted hold does not point to a mission contribution',
  },
  {
    // Certification books exactly one adjustment per settled claim, for the amount and direction the
    // claim records (claims are written by src/claims, the ledger here: the auditor ties the two).
    name: 'claim_adjustment_matches_claim',
    sql: `select t.id as ref, c.id as claim_id, c.adjustment_cents, t.amount_cents, ca.kind as credit_kind
            from ledger_transfers t
            left join claims c on c.id = t.cause_ref
            join ledger_accounts ca on ca.id = t.credit_account_id
           where t.cause_kind = 'claim_adjustment'
             and (c.id is null or c.adjustment_transfer_id is distinct from t.id or t.key <> 'claim:' || c.id || ':adjustment'
                  or abs(c.adjustment_cents) <> t.amount_cents
                  or (c.adjustment_cents > 0) <> (ca.kind = 'envelope'))`,
    message: (r) => (r.claim_id ? `adjustment of claim ${r.claim_id}: claim says ${r.adjustment_cents}, transfer moves ${r.amount_cents} to a ${r.credit_kind}` : 'a claim adjustment without its claim'),
  },
  {
    name: 'settled_claim_has_its_adjustment',
    sql: `select c.id as ref, c.adjustment_cents from claims c left join ledger_transfers t on t.id = c.adjustment_transfer_id
           where c.status in ('certified', 'paid') and ((c.adjustment_cents <> 0) <> (t.id is not null))`,
    message: (r) => `settled with an adjustment of ${r.adjustment_cents} cents but ${Number(r.adjustment_cents) === 0 ? 'a transfer exists' : 'no transfer was booked'}`,
  },
];

function negativeCheck(policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'>): Check {
  const envelopeExempt = policy.allowNegativeEnvelope ? `and a.kind <> 'envelope'` : '';
  return {
    name: 'no_forbidden_negative_balance',
    sql: `select * from (
            select a.id as ref, min(e.balance_after_cents) as lowest from ledger_entries e join ledger_accounts a on a.id = e.account_id
             where not a.allow_negative ${envelopeExempt} group by a.id) lowest_balances
           where lowest < 0`,
    message: (r) => `went down to ${r.lowest} although it may not be negative`,
  };
}

// One snapshot for every check (a read transaction), so that a transfer booked meanwhile cannot
// show as half there. The SQL is the subset SQLite and PostgreSQL both accept.
export async function auditLedger(database: Database, policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'> = { allowNegativeEnvelope: false }): Promise<AuditResult> {
  return database.transaction(
    async () => {
      const db = database.db;
      const count = async (table: string): Promise<number> => Number((await firstRow<{ n: number }>(db, sql.raw(`select count(*) as n from ${table}`)))?.n ?? 0);
      const problems: AuditProblem[] = [];
      for (const check of [...checks, negativeCheck(policy)]) {
        const found = await rows<Record<string, unknown>>(db, sql.raw(`${check.sql} limit ${MAX_REPORTED}`));
        for (const row of found) problems.push({ check: check.name, message: check.message(row), ...(row.ref ? { ref: String(row.ref) } : {}) });
      }
      const counts = { accounts: await count('ledger_accounts'), transfers: await count('ledger_transfers'), entries: await count('ledger_entries') };
      return { ok: problems.length === 0, ...counts, problems: problems.slice(0, MAX_REPORTED) };
    },
    { snapshot: true },
  );
}
