// Balance as of a date at 1,000 and at 1,000,000 transfers: the stored running balances and the
// (account_id, effective_at, account_seq, balance_after_cents) index make it one seek, so the time per
// query should barely grow with the ledger (target: ratio ≤ 2). Run alone: `npx tsx bench/ledger.bench.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openMigratedDatabase, type Database } from '../src/shared/db.ts';
import { balanceBefore } from '../src/ledger/ledger.repository.ts';

const BUDGET_LINES = 20;
const PROJECTS = 5;
const START_MS = Date.UTC(2020, 0, 1);
const STEP_MS = 60_000; // one transfer a minute, whatever the size: 1M transfers span about two years

type Tip = { seq: number; balance: number };

// Bulk load through prepared statements in one transaction, keeping each account's chain tip in memory.
// The insert-check triggers stay on: the loaded rows satisfy them, and the schema is the real one.
function load(database: Database, transfers: number): { envelopeId: string; accountIds: string[]; lastMs: number } {
  const { sqlite } = database;
  const insertAccount = sqlite.prepare('insert into ledger_accounts (id, kind, name, entity_id, ref, allow_negative, created_at) values (?, ?, ?, null, ?, ?, ?)');
  const insertTransfer = sqlite.prepare(
    `insert into ledger_transfers (id, key, debit_account_id, credit_account_id, amount_cents, co2e_grams, cause_kind, cause_ref, effective_at, created_at)
     values (?, ?, ?, ?, ?, 0, ?, null, ?, ?)`,
  );
  const insertEntry = sqlite.prepare('insert into ledger_entries (transfer_id, account_id, amount_cents, account_seq, balance_after_cents, effective_at) values (?, ?, ?, ?, ?, ?)');
  const created = new Date(START_MS).toISOString();
  const envelopeId = 'acc_envelope';
  const lines = Array.from({ length: BUDGET_LINES }, (_, i) => `acc_line${i}`);
  const projects = Array.from({ length: PROJECTS }, (_, i) => `acc_project${i}`);
  const tips = new Map<string, Tip>();
  const append = (transferId: string, accountId: string, amount: number, at: string) => {
    const tip = tips.get(accountId) ?? { seq: 0, balance: 0 };
    const next = { seq: tip.seq + 1, balance: tip.balance + amount };
    tips.set(accountId, next);
    insertEntry.run(transferId, accountId, amount, next.seq, next.balance, at);
  };
  sqlite.transaction(() => {
    insertAccount.run(envelopeId, 'envelope', 'Enveloppe', 'envelope:school', 0, created);
    lines.forEach((id, i) => insertAccount.run(id, 'budget_line', `Ligne ${i}`, `budget_line:bgl_${i}`, 1, created));
    projects.forEach((id, i) => insertAccount.run(id, 'project', `Projet ${i}`, `project:prj_${i}`, 0, created));
    for (let i = 0; i < transfers; i += 1) {
      const at = new Date(START_MS + i * STEP_MS).toISOString();
      const id = `txf_${i}`;
      // Nine contributions of 10.00–19.99 € for one disbursement of 5.00 €: the envelope never goes below zero.
      const disbursement = i % 10 === 9;
      const [debit, credit, amount] = disbursement ? [envelopeId, projects[i % PROJECTS]!, 500] : [lines[i % BUDGET_LINES]!, envelopeId, 1_000 + (i % 1_000)];
      insertTransfer.run(id, `bench:${i}`, debit, credit, amount, disbursement ? 'disbursement' : 'mission_contribution', at, at);
      append(id, debit, -amount, at);
      append(id, credit, amount, at);
    }
  })();
  return { envelopeId, accountIds: [envelopeId, ...lines, ...projects], lastMs: START_MS + (transfers - 1) * STEP_MS };
}

// Mean microseconds per "balance as of" through the repository function the API uses, at random dates
// over the whole history, 4 in 5 on the envelope (the account with the most entries). The first pass
// reads the index from disk or the OS cache; the second, over the same queries, measures the lookup
// itself with the pages cached, which is what the ratio is computed on. Both are reported.
async function measure(database: Database, fixture: ReturnType<typeof load>, queries: number): Promise<{ firstPass: number; cached: number }> {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const bounds = Array.from({ length: queries }, () => new Date(START_MS + Math.floor(random() * (fixture.lastMs - START_MS + STEP_MS))).toISOString());
  const accounts = bounds.map((_, i) => (i % 5 === 4 ? fixture.accountIds[1 + (i % (fixture.accountIds.length - 1))]! : fixture.envelopeId));
  let checksum = 0;
  const pass = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < queries; i += 1) checksum += await balanceBefore(database.db, accounts[i]!, bounds[i]!);
    return Number(process.hrtime.bigint() - start) / 1e3 / queries;
  };
  const firstPass = await pass();
  const cached = await pass();
  if (checksum === Number.MIN_SAFE_INTEGER) console.log(checksum);
  return { firstPass, cached };
}

function timed<T>(run: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

type SizeResult = { transfers: number; microsPerQuery: number; firstPassMicrosPerQuery: number; loadSeconds: number };
export type LedgerBench = { name: string; ratio: number; ok: boolean; details: { small: SizeResult; large: SizeResult; firstPassRatio: number; queries: number } };

export async function benchLedger(options: { small?: number; large?: number; queries?: number } = {}): Promise<LedgerBench> {
  const small = options.small ?? 1_000;
  const large = options.large ?? 1_000_000;
  const queries = options.queries ?? 50_000;
  const dir = mkdtempSync(join(tmpdir(), 'empreinte-ledger-bench-'));
  try {
    const run = async (transfers: number): Promise<SizeResult> => {
      const database = openMigratedDatabase(join(dir, `ledger-${transfers}.sqlite`));
      // A throwaway file: no WAL or fsync while loading (a 1M-row transaction through the WAL costs
      // a minute of I/O), then back to the configuration the application runs with.
      database.sqlite.pragma('journal_mode = MEMORY');
      database.sqlite.pragma('synchronous = OFF');
      database.sqlite.pragma('cache_size = -262144'); // 256 MiB, enough for the whole index at 1M
      const loaded = timed(() => load(database, transfers));
      database.sqlite.pragma('journal_mode = WAL');
      database.sqlite.pragma('synchronous = NORMAL');
      database.sqlite.exec('analyze');
      const { firstPass, cached } = await measure(database, loaded.value, queries);
      database.sqlite.close();
      return { transfers, microsPerQuery: cached, firstPassMicrosPerQuery: firstPass, loadSeconds: loaded.seconds };
    };
    const s = await run(small);
    const l = await run(large);
    const ratio = l.microsPerQuery / s.microsPerQuery;
    const firstPassRatio = l.firstPassMicrosPerQuery / s.firstPassMicrosPerQuery;
    return { name: 'ledger balance as of a date', ratio, ok: ratio <= 2, details: { small: s, large: l, firstPassRatio, queries } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The shape bench/index.ts prints.
export async function benchLedgerLines() {
  const b = await benchLedger();
  const us = (n: number) => `${n.toFixed(2)} µs/query`;
  return [
    {
      name: `balance as of a date at ${b.details.large.transfers.toLocaleString('en-US')} transfers`,
      value: `${us(b.details.large.microsPerQuery)} cached, ${us(b.details.large.firstPassMicrosPerQuery)} first pass (ratio ${b.details.firstPassRatio.toFixed(2)}); bulk load ${b.details.large.loadSeconds.toFixed(1)} s`,
      baseline: `${us(b.details.small.microsPerQuery)} at ${b.details.small.transfers.toLocaleString('en-US')} transfers`,
      ratio: b.ratio,
      target: 'ratio ≤ 2',
      ok: b.ok,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchLedger();
  console.log(JSON.stringify(result, null, 2));
  console.log(`ratio ${result.ratio.toFixed(2)} (target ≤ 2): ${result.ok ? 'ok' : 'MISS'}`);
  if (!result.ok) process.exitCode = 1;
}
