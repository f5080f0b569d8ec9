import { databaseOn } from '../../src/shared/db.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/db.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import { seedLoadDatabase } from '../../bench/load-fixture.ts';
import { startServerProcess } from '../../bench/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'empreinte-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function inspect<T>(dbPath: string, read: (sqlite: BetterSqlite3.Database) => T | Promise<T>): Promise<T> {
  const sqlite = new BetterSqlite3(dbPath, { fileMustExist: true });
  try {
    return await read(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('SIGKILL in the middle of a burst of validations', () => {
  it('leaves every mission validated with exactly one contribution or still submitted with none; the server restarts (WAL recovery) and the ledger is sound', async () => {
    const dbPath = join(dir, 'validations.sqlite');
    const MISSIONS = 120;
    const fixture = await seedLoadDatabase(dbPath, { staff: 6, secretariat: 3, submittedMissions: MISSIONS });
    const server = await startServerProcess(dbPath);
    const acknowledged = new Set<string>(); // answered 200: must survive the crash
    let kill: Promise<unknown> | undefined;
    const validate = async (id: string, n: number) => {
      const token = fixture.secretariat[n % fixture.secretariat.length]!.token;
      try {
        const res = await fetch(`${server.baseUrl}/api/missions/${id}/validate`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
        if (res.status === 200) acknowledged.add(id);
        else throw new Error(`validate ${id}: ${res.status} ${await res.text()}`);
        // Pull the plug once a third is through, with the rest in flight.
        if (acknowledged.size === MISSIONS / 3) kill = server.kill('SIGKILL');
      } catch (err) {
        if (!kill) throw err; // before the kill every validation must succeed
      }
    };
    // 16 validations in flight at any moment, as many desks clicking at once.
    const queue = fixture.submittedMissionIds.map((id, n) => () => validate(id, n));
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    }));
    expect(await kill).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.size).toBeGreaterThanOrEqual(MISSIONS / 3);
    expect(acknowledged.size).toBeLessThan(MISSIONS);
    // The process died with committed pages still in its write-ahead log: the next opening recovers them.
    expect(existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);

    const restarted = await startServerProcess(dbPath); // waits for /readyz 200
    expect(await (await fetch(`${restarted.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    expect(await restarted.kill('SIGTERM')).toEqual({ code: 0, signal: null });

    await inspect(dbPath, async (sqlite) => {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await auditLedger(databaseOn(sqlite))).problems).toEqual([]);
      const rows = sqlite
        .prepare(
          `select m.id, m.status,
                  (select count(*) from ledger_transfers t where t.cause_ref = m.id and t.cause_kind = 'mission_contribution') as contributions,
                  (select count(*) from mission_audit a where a.mission_id = m.id and a.action = 'validate') as validations
             from missions m`,
        )
        .all() as Array<{ id: string; status: string; contributions: number; validations: number }>;
      expect(rows).toHaveLength(MISSIONS);
      const validated = rows.filter((r) => r.status === 'validated');
      for (const r of rows) {
        const shape = r.status === 'validated' ? { contributions: 1, validations: 1 } : { contributions: 0, validations: 0 };
        expect({ id: r.id, status: r.status, contributions: r.contributions, validations: r.validations }).toEqual({ id: r.id, status: r.status === 'validated' ? 'validated' : 'submitted', ...shape });
      }
      // Nothing acknowledged was lost; at most the validations in flight at the kill went through unseen.
      for (const id of acknowledged) expect(validated.map((r) => r.id)).toContain(id);
      expect(validated.length - acknowledged.size).toBeLessThanOrEqual(16);
    });
  }, 90_000);
});

describe('SIGKILL in the middle of an import', () => {
  it('keeps whole batches only; running the file again completes it without duplicates', async () => {
    const dbPath = join(dir, 'import.sqlite');
    await seedLoadDatabase(dbPath, { staff: 1, secretariat: 1 }); // migrations and the lab the rows name
    const ROWS = 150_000;
    const BATCH = 1_000;
    const lines = ['mission;date;category;entity;purpose;mode;from;to;distance_km;round_trip;travelers;cost_eur'];
    for (let i = 0; i < ROWS; i++) lines.push(`H${i};2019-03-14;staff;Laboratoire de charge;conference;train;;;${100 + (i % 500)};yes;1;42,80`);
    const csv = join(dir, 'history.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);

    const importOnce = () => {
      const child = spawn(process.execPath, ['bin/empreinte.js', 'import', 'missions', csv, '--batch', String(BATCH)], { cwd: projectRoot, env: { ...process.env, EMPREINTE_DB: dbPath }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
      return { child, exited, output: () => output };
    };
    const imported = () => inspect(dbPath, (s) => (s.prepare('select count(*) as n from historical_trips').get() as { n: number }).n);

    const first = importOnce();
    const watcher = new BetterSqlite3(dbPath, { readonly: true });
    const progress = watcher.prepare('select coalesce(max(rows_imported), 0) as n from import_runs');
    const deadline = Date.now() + 30_000;
    while ((progress.get() as { n: number }).n < 3 * BATCH && Date.now() < deadline && first.child.exitCode === null) await sleep(5);
    first.child.kill('SIGKILL');
    watcher.close();
    expect(await first.exited, first.output()).toEqual({ code: null, signal: 'SIGKILL' });

    const afterKill = await imported();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(ROWS); // killed mid-way
    expect(afterKill % BATCH).toBe(0); // whole batches only
    await inspect(dbPath, (sqlite) => {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // The run's counters are committed with each batch: they match what is stored.
      const run = sqlite.prepare('select status, rows_imported from import_runs').get() as { status: string; rows_imported: number };
      expect(run).toEqual({ status: 'running', rows_imported: afterKill });
    });

    const second = importOnce();
    expect(await second.exited, second.output()).toEqual({ code: 0, signal: null });
    expect(second.output()).toMatch(new RegExp(`${new Intl.NumberFormat('fr-FR').format(afterKill).replace(/\s/g, '\\s')} déjà présentes`));
    expect(await imported()).toBe(ROWS);
  }, 90_000);
});
