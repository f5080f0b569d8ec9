import BetterSqlite3 from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupErrors } from './ops.errors.ts';
import { inspectDatabase, type DatabaseReport } from './database-check.ts';
import { acquireDatabaseLock } from './server-lock.ts';

// Online backup and checked restore of the SQLite file.
//
// Backup uses SQLite's backup API from a connection of its own while the server keeps running. The
// pages are copied in ONE step: that step reads inside one transaction, so the copy is the database
// as of one instant (WAL lets the server keep writing meanwhile). Copying 100 pages a step instead
// would restart on every write the server makes and might never finish under load.
//
// Restore copies the backup next to the live file, checks it (integrity, foreign keys, migrations
// not newer than the code, ledger invariants), and swaps it in with one rename(2), atomic on one file
// system, while holding the server lock: a running server is refused, and a server starting during
// the restore is refused too. The replaced file is kept as `<db>.before-restore-<time>`.

const ALL_PAGES = 0x7fffffff;
export type Policy = { allowNegativeEnvelope: boolean };

const sidecars = (path: string) => [`${path}-wal`, `${path}-shm`, `${path}-journal`];
const removeWithSidecars = (path: string) => [path, ...sidecars(path)].forEach((p) => rmSync(p, { force: true }));

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function copyConsistent(sourcePath: string, destination: string, readonly: boolean): Promise<void> {
  const source = new BetterSqlite3(sourcePath, { fileMustExist: true, readonly });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(destination, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}

async function inspectFile(path: string, policy: Policy): Promise<DatabaseReport> {
  const sqlite = new BetterSqlite3(path, { fileMustExist: true });
  try {
    return await inspectDatabase(sqlite, policy);
  } finally {
    sqlite.close(); // the last connection: checkpoints and removes the copy's -wal and -shm
  }
}

export type BackupResult = { file: string; bytes: number; tableCounts: Record<string, number> };

export async function backupDatabase(sourcePath: string, destination: string, policy: Policy): Promise<BackupResult> {
  if (sourcePath === ':memory:' || !existsSync(sourcePath)) throw backupErrors.sourceMissing({ path: sourcePath });
  const target = resolve(destination);
  if (existsSync(target)) throw backupErrors.targetExists({ path: target });
  if (!existsSync(dirname(target))) throw backupErrors.folderMissing({ path: dirname(target) });
  const partial = `${target}.partial-${process.pid}`;
  removeWithSidecars(partial);
  try {
    await copyConsistent(sourcePath, partial, false);
    const report = await inspectFile(partial, policy);
    if (!report.ok) throw backupErrors.copyFailsChecks({ problems: report.problems.join('\n') });
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dirname(target));
    return { file: target, bytes: statSync(target).size, tableCounts: report.tableCounts };
  } finally {
    removeWithSidecars(partial);
  }
}

export type RestoreResult = { target: string; previous: string | null; tableCounts: Record<string, number> };

// Checkpoints the live file and closes it, so no -wal of the old database survives the swap (SQLite
// would replay it into the new file). If -wal is still there, another process has the file open.
function quiesce(target: string): void {
  const live = new BetterSqlite3(target, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    live.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    live.close();
  }
  if (existsSync(`${target}-wal`)) throw backupErrors.targetInUse({ path: target });
}

function keepPrevious(target: string, stamp: string): string {
  const previous = `${target}.before-restore-${stamp}`;
  try {
    linkSync(target, previous);
  } catch {
    copyFileSync(target, previous);
  }
  return previous;
}

export async function restoreDatabase(backupPath: string, targetPath: string, policy: Policy, stamp: string): Promise<RestoreResult> {
  if (targetPath === ':memory:') throw backupErrors.memoryTarget();
  if (!existsSync(backupPath)) throw backupErrors.backupMissing({ path: backupPath });
  const target = resolve(targetPath);
  if (resolve(backupPath) === target) throw backupErrors.sameFile();
  mkdirSync(dirname(target), { recursive: true });
  const lock = acquireDatabaseLock(target, 'restore');
  const staged = `${target}.restore-${process.pid}.tmp`;
  removeWithSidecars(staged);
  try {
    await copyConsistent(backupPath, staged, true);
    const report = await inspectFile(staged, policy);
    if (!report.ok) throw backupErrors.backupRefused({ problems: report.problems.join('\n') });
    fsyncPath(staged);
    let previous: string | null = null;
    if (existsSync(target)) {
      quiesce(target);
      previous = keepPrevious(target, stamp);
    }
    renameSync(staged, target);
    fsyncPath(dirname(target));
    return { target, previous, tableCounts: report.tableCounts };
  } finally {
    removeWithSidecars(staged);
    lock.release();
  }
}
