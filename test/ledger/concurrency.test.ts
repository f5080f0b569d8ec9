import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedEngineDatabase } from '../helpers/db.ts';
import { createProject } from '../../src/ledger/finance.usecases.ts';
import { installLedgerAuditor, trackLedger } from '../helpers/ledger-auditor.ts';
import { balancesByRef, count, ledgerDeps, select } from './fixture.ts';

installLedgerAuditor();
const dir = mkdtempSync(join(tmpdir(), 'empreinte-ledger-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORKERS = 4;
const MISSIONS = 30;
type Tally = { calls: number; refused: number; errors: string[] };

function start(args: string[]): { child: ChildProcess; ready: Promise<void>; done: Promise<Tally> } {
  const child = fork(fileURLToPath(new URL('./concurrency.worker.ts', import.meta.url)), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const done = new Promise<Tally>((resolve, reject) => {
    child.on('message', (m) => (m === 'ready' ? resolveReady() : resolve(m as Tally)));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))));
    child.on('error', reject);
  });
  return { child, ready, done };
}

describe('concurrent processes on one database', () => {
  it('book each mission at most once, reverse it at most once, never overdraw the envelope', async () => {
    const { database, location } = await sharedEngineDatabase(join(dir, 'race.sqlite'));
    trackLedger(database);
    const project = await createProject(ledgerDeps(database), { name: 'Course', scope: 'internal', description: null }, 'usr_f');
    const workers = Array.from({ length: WORKERS }, (_, i) => start([location, String(i), String(MISSIONS), project.id]));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.send('go'); // all start together
    const tallies = await Promise.all(workers.map((w) => w.done));

    expect(tallies.flatMap((t) => t.errors)).toEqual([]);
    expect(tallies.reduce((sum, t) => sum + t.calls, 0)).toBe(WORKERS * MISSIONS * 4);
    const perMission = await select<{ mission: string; booked: number; reversed: number }>(
      database,
      `select cause_ref as mission, sum(case when cause_kind = 'mission_contribution' then 1 else 0 end) as booked,
              sum(case when cause_kind = 'mission_reversal' then 1 else 0 end) as reversed
         from ledger_transfers where cause_kind in ('mission_contribution', 'mission_reversal') group by cause_ref`,
    );
    expect(perMission.length).toBeGreaterThan(MISSIONS / 2);
    for (const row of perMission) {
      expect(row.booked).toBe(1);
      expect(row.reversed).toBeLessThanOrEqual(1);
    }
    // Envelope = contributions − reversals − disbursements, and never below zero (the auditor checks every entry).
    const sum = async (kind: string) => Number((await select<{ s: number }>(database, 'select coalesce(sum(amount_cents), 0) as s from ledger_transfers where cause_kind = ?', kind))[0]!.s);
    expect((await balancesByRef(database))['envelope:school']).toBe((await sum('mission_contribution')) - (await sum('mission_reversal')) - (await sum('disbursement')));
    expect(await count(database, 'ledger_transfers', "cause_kind = 'disbursement'")).toBeGreaterThan(0);
  }, 30_000);
});
