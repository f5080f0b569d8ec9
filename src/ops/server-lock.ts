import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '../shared/errors.ts';
import { backupErrors } from './ops.errors.ts';

// Who holds a database file: the server while it runs, `empreinte restore` while it swaps files.
// The lock is an exclusive SQLite lock (a POSIX advisory lock taken by SQLite) on a small side file
// `<db>.lock`, held by an open connection for the holder's lifetime. The operating system drops it
// when the process ends, however it ends (SIGKILL included): no stale pid file to clean, no pid reuse
// to fool the check. Other processes (CLI exports, backups) open the database itself and are not
// affected; only a second server or a restore is refused.
export type HeldLock = { path: string; release: () => void };

export const lockPathFor = (dbPath: string): string => `${resolve(dbPath)}.lock`;

const isBusy = (err: unknown) => (err as { code?: string }).code === 'SQLITE_BUSY' || (err as { code?: string }).code === 'SQLITE_LOCKED';

export function acquireDatabaseLock(dbPath: string, holder: 'server' | 'restore'): HeldLock {
  const path = lockPathFor(dbPath);
  const lock = new BetterSqlite3(path);
  try {
    lock.pragma('busy_timeout = 0');
    lock.pragma('journal_mode = MEMORY');
    // EXCLUSIVE locking mode: once written, the connection keeps its exclusive lock until closed.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('begin exclusive');
    lock.exec('create table if not exists holder (pid integer not null, kind text not null, since text not null)');
    lock.exec('delete from holder');
    lock.prepare('insert into holder (pid, kind, since) values (?, ?, ?)').run(process.pid, holder, new Date().toISOString());
    lock.exec('commit');
  } catch (err) {
    lock.close();
    if (isBusy(err)) throw backupErrors.databaseLocked({ path: resolve(dbPath), lock: path }, [{ path: 'EMPREINTE_DB', message: 'locked' }]);
    throw err;
  }
  return { path, release: () => lock.open && lock.close() };
}

// True while a server (or a restore) holds the lock. Probes by trying to take it for a moment.
export function isDatabaseLocked(dbPath: string): boolean {
  if (!existsSync(lockPathFor(dbPath))) return false;
  try {
    acquireDatabaseLock(dbPath, 'restore').release();
    return false;
  } catch (err) {
    if (isAppError(err) && err.code === 'database.locked') return true;
    throw err;
  }
}
