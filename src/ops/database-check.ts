import { databaseOn, type Database } from '../shared/db.ts';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { rows } from '../shared/dialect.ts';
import { auditLedger } from '../ledger/ledger.audit.ts';
import { databaseMigrationStatus, migrationStatus, type MigrationStatus } from './migration-status.ts';

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

// The same checks on PostgreSQL, for `empreinte check` after a pg_restore or a DBA's intervention:
// the schema no newer than this code, the guards PostgreSQL enforces (append-only, chain, balance:
// db/migrations/pg/0001_invariants.sql) present and enabled (ALTER TABLE … DISABLE TRIGGER or a
// data-only restore with --disable-triggers leaves them off), and the ledger's invariants. Storage
// integrity is the server's (data checksums, amcheck): the DBA's tools, not ours.
const GUARDED_TABLES = ['ledger_transfers', 'ledger_entries', 'ledger_accounts', 'missions', 'mission_audit', 'claims', 'claim_audit', 'auth_audit', 'mission_approvals', 'approval_rounds', 'carbon_quotas', 'mission_quota_checks', 'visio_recruitments', 'visio_recruitment_withdrawals', 'policy_switches'];

export async function inspectPostgres(database: Database, policy: { allowNegativeEnvelope: boolean }): Promise<DatabaseReport> {
  const problems: string[] = [];
  let migrations: MigrationStatus | null = null;
  try {
    migrations = await databaseMigrationStatus(database);
    if (migrations.newerThanCode) problems.push(`migrations: ${migrations.unknown.length} migration(s) newer than this code (${migrations.unknown.join(', ')})`);
    if (migrations.pending.length) problems.push(`migrations: not applied yet (${migrations.pending.join(', ')})`);
  } catch (err) {
    problems.push(`migrations: ${(err as Error).message}`);
  }
  const triggers = await rows<{ table: string; name: string; enabled: string }>(database.db, sql`
    select c.relname as "table", t.tgname as "name", t.tgenabled as "enabled" from pg_trigger t join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and not t.tgisinternal`);
  for (const t of triggers.filter((t) => t.enabled === 'D')) problems.push(`trigger ${t.name} on ${t.table} is disabled`);
  for (const table of GUARDED_TABLES.filter((name) => !triggers.some((t) => t.table === name))) problems.push(`table ${table} has lost its guards (no trigger)`);
  try {
    const ledger = await auditLedger(database, policy);
    problems.push(...ledger.problems.map((p) => `ledger ${p.check}: ${p.message}${p.ref ? ` (${p.ref})` : ''}`));
  } catch (err) {
    problems.push(`ledger: ${(err as Error).message}`);
  }
  return { ok: problems.length === 0, problems, migrations, tableCounts: problems.length ? {} : await pgTableCounts(database) };
}

async function pgTableCounts(database: Database): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>(database.db, sql`select tablename as "name" from pg_tables where schemaname = current_schema() order by tablename`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (await rows<{ n: number }>(database.db, sql`select count(*) as "n" from ${sql.identifier(name)}`))[0]?.n ?? 0;
  }
  return counts;
}

// The configured database, whichever the engine.
export const inspectServiceDatabase = (database: Database, policy: { allowNegativeEnvelope: boolean }): Promise<DatabaseReport> =>
  database.engine === 'sqlite' ? inspectDatabase(database.sqlite, policy) : inspectPostgres(database, policy);
