import { databaseOn } from '../../src/shared/db.ts';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, rmSync, writeSync, closeSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/db.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import { tableCounts } from '../../src/ops/database-check.ts';
import { backupDatabase, restoreDatabase } from '../../src/ops/backup.usecases.ts';
import { missionBody, seedLoadDatabase } from '../../bench/load-fixture.ts';
import { runLoad } from '../../bench/load-run.ts';
import { startServerProcess } from '../../bench/server-process.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'empreinte-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const policy = { allowNegativeEnvelope: false };

async function empreinte(args: string[], dbPath: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/empreinte.js', ...args], { cwd: projectRoot, env: { ...process.env, EMPREINTE_DB: dbPath } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function readCounts(path: string) {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return tableCounts(sqlite);
  } finally {
    sqlite.close();
  }
}

function hasMission(path: string, id: string): boolean {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare('select 1 from missions where id = ?').get(id) !== undefined;
  } finally {
    sqlite.close();
  }
}

// Each mission validated in the copy carries exactly one contribution, every other none: the copy is
// the database at one instant, never half a transaction.
async function expectConsistent(path: string): Promise<void> {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await auditLedger(databaseOn(sqlite))).problems).toEqual([]);
    const mismatched = sqlite
      .prepare(
        `select m.id, m.status, count(t.id) as n from missions m
           left join ledger_transfers t on t.cause_ref = m.id and t.cause_kind = 'mission_contribution'
          group by m.id having (m.status = 'validated') <> (n = 1) or n > 1`,
      )
      .all();
    expect(mismatched).toEqual([]);
  } finally {
    sqlite.close();
  }
}

describe('empreinte backup and restore', () => {
  it('backs up while the server is under load, refuses to restore over the running server, restores into a new place that the server then serves', async () => {
    const live = join(dir, 'live.sqlite');
    const fixture = await seedLoadDatabase(live, { staff: 8, secretariat: 2 });
    const server = await startServerProcess(live);
    const backupFile = join(dir, 'backup.sqlite');
    let missionsWhenBackedUp = 0;
    let lateMissionId = '';
    try {
      // A fixed amount of work (24 cycles of quote → create → submit → validate), whatever the speed.
      const load = runLoad({ baseUrl: server.baseUrl, fixture, seconds: 0, connections: 6, amount: 96 });
      let loadDone = false;
      void load.finally(() => (loadDone = true));
      // The backup starts once validations are being written, or when the load is over on a machine
      // too slow to overlap: every assertion below holds either way.
      while (!loadDone && (readCounts(live).ledger_transfers ?? 0) === 0) await new Promise((r) => setTimeout(r, 20));
      const backup = await empreinte(['backup', backupFile], live);
      missionsWhenBackedUp = readCounts(live).missions!;
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/Sauvegarde écrite : .*backup\.sqlite/);
      const outcome = await load;
      expect(outcome.errors).toBe(0);
      expect(Object.keys(outcome.responses.validate)).toEqual(['200']);

      // A mission created after the backup is in the live database only.
      const late = await fetch(`${server.baseUrl}/api/missions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fixture.staff[0]!.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(missionBody(fixture.budgetLineIds[0]!, 1_234)),
      });
      expect(late.status).toBe(201);
      lateMissionId = ((await late.json()) as { id: string }).id;

      // The server still runs: restoring over its file is refused and changes nothing.
      const before = readCounts(live);
      const refused = await empreinte(['restore', backupFile], live);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/verrou/);
      expect(readCounts(live)).toEqual(before);
      expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
      // A second backup never overwrites the first.
      expect((await empreinte(['backup', backupFile], live)).code).toBe(1);
    } finally {
      expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    }

    await expectConsistent(backupFile);
    const inBackup = readCounts(backupFile);
    // The copy is the database at one instant during the backup: nothing written after it is in it.
    expect(inBackup.missions).toBeGreaterThan(0);
    expect(inBackup.missions).toBeLessThanOrEqual(missionsWhenBackedUp);
    expect(hasMission(backupFile, lateMissionId)).toBe(false);
    expect(hasMission(live, lateMissionId)).toBe(true);

    const restoredPath = join(dir, 'restored', 'empreinte.sqlite');
    const restored = await empreinte(['restore', backupFile], restoredPath);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    // One file, no -wal beside it: nothing of another database can be replayed into it.
    expect(readdirSync(join(dir, 'restored')).filter((f) => !f.endsWith('.lock'))).toEqual(['empreinte.sqlite']);
    await expectConsistent(restoredPath);
    expect(readCounts(restoredPath)).toEqual(inBackup);

    const again = await startServerProcess(restoredPath);
    try {
      expect(await (await fetch(`${again.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    } finally {
      expect(await again.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    }
  }, 90_000);

  it('checks the backup before touching anything: corrupt file, schema newer than the code, broken ledger are refused', async () => {
    const source = join(dir, 'source.sqlite');
    await seedLoadDatabase(source, { staff: 2, secretariat: 1, submittedMissions: 3, validatedMissions: 2 });
    const good = join(dir, 'good.sqlite');
    await backupDatabase(source, good, policy);

    const target = join(dir, 'target.sqlite');
    await restoreDatabase(good, target, policy, 'first');
    const targetCounts = readCounts(target);

    await expect(backupDatabase(source, join(dir, 'no-such-folder', 'b.sqlite'), policy)).rejects.toThrow(/does not exist/);
    await expect(restoreDatabase(join(dir, 'no-such-backup.sqlite'), target, policy, 'x')).rejects.toThrow(/not found/);

    const corrupt = join(dir, 'corrupt.sqlite');
    copyFileSync(good, corrupt);
    const fd = openSync(corrupt, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 2); // pages 3–5 overwritten with noise
    closeSync(fd);
    await expect(restoreDatabase(corrupt, target, policy, 'corrupt')).rejects.toThrow(/integrity_check|malformed|not a database/);

    const newer = join(dir, 'newer.sqlite');
    await backupDatabase(source, newer, policy);
    const n = new BetterSqlite3(newer);
    n.prepare("insert into __drizzle_migrations (hash, created_at) values ('next-release', 4102444800000)").run();
    n.close();
    await expect(restoreDatabase(newer, target, policy, 'newer')).rejects.toThrow(/newer than this code/);

    const broken = join(dir, 'broken.sqlite');
    await backupDatabase(source, broken, policy);
    const b = new BetterSqlite3(broken);
    // Only by dropping the append-only trigger can an entry be edited: the auditor must notice.
    const trigger = b.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'ledger_entries' and sql like '%update%'").get() as { name: string };
    b.exec(`drop trigger "${trigger.name}"`);
    b.exec('update ledger_entries set amount_cents = amount_cents + 1 where rowid = (select min(rowid) from ledger_entries)');
    b.close();
    await expect(restoreDatabase(broken, target, policy, 'broken')).rejects.toThrow(/ledger/);

    // Nothing of the refused files reached the target, and no staged copy was left behind.
    expect(readCounts(target)).toEqual(targetCounts);
    expect(readdirSync(dir).filter((f) => f.includes('.restore-') || f.includes('.partial-'))).toEqual([]);
    // The first restore replaced nothing; a restore over an existing file keeps it aside.
    const second = await restoreDatabase(good, target, policy, 'second');
    expect(second.previous).toMatch(/target\.sqlite\.before-restore-second$/);
    expect(existsSync(second.previous!)).toBe(true);
  }, 60_000);
});
