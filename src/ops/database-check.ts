import { databaseOn } from '../shared/db.ts';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { auditLedger } from '../ledger/ledger.audit.ts';
import { migrationStatus, type MigrationStatus } from './migration-status.ts';

// Everything a database file must pass before it may replace the live one (and that a fresh backup
// is checked against): SQLite's own integrity and foreign-key checks, a schema no newer than this
// code, and the ledger's invariants (src/ledger/ledger.audit.ts).
export type DatabaseReport = { ok: boolean; problems: string[]; migrations: MigrationStatus | null; tableCounts: Record<string, number> };

export function tableCounts(sqlite: BetterSqlite3.Database): Record<string, number> {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) as n from "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

export async function inspectDatabase(sqlite: BetterSqlite3.Database, policy: { allowNegativeEnvelope: boolean }): Promise<DatabaseReport> {
  const problems: string[] = [];
  const integrity = sqlite.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(...integrity.slice(0, 10).map((r) => `integrity_check: ${r.integrity_check}`));
  const orphans = sqlite.pragma('foreign_key_check') as unknown[];
  if (orphans.length > 0) problems.push(`foreign_key_check: ${orphans.length} row(s) point to nothing`);
  let migrations: MigrationStatus | null = null;
  try {
    migrations = migrationStatus(sqlite);
    if (migrations.newerThanCode) problems.push(`migrations: ${migrations.unknown.length} migration(s) newer than this code (${migrations.unknown.join(', ')})`);
  } catch (err) {
    problems.push(`migrations: ${(err as Error).message}`);
  }
  try {
    const ledger = await auditLedger(databaseOn(sqlite), policy);
    problems.push(...ledger.problems.map((p) => `ledger ${p.check}: ${p.message}${p.ref ? ` (${p.ref})` : ''}`));
  } catch (err) {
    problems.push(`ledger: ${(err as Error).message}`);
  }
  return { ok: problems.length === 0, problems, migrations, tableCounts: problems.length ? {} : tableCounts(sqlite) };
}
