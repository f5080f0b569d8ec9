// `npm run bench engines`: the same three measurements on each engine, each beside a baseline of that
// engine measured in the same run: validation throughput against bare transactions writing as many
// rows, the historical import against bare inserts of the rows it stored, the copil report against a
// plain SQL aggregate. PostgreSQL is EMPREINTE_BENCH_PG_URL (a server where databases may be created,
// e.g. postgres://me@127.0.0.1:5432/postgres) or a throw-away cluster started from the server binaries
// (test/pg/cluster.ts, fsync off as SQLite's in-memory databases); without either it is left out.
// On PostgreSQL the validations also run under SERIALIZABLE with retries instead of advisory locks.
import pg from 'pg';
import { buildDeps, loadSettings, type AppDeps } from '../src/deps.ts';
import { testConfig } from '../src/config.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { openMigratedDatabase, type Database } from '../src/shared/db.ts';
import { openPgDatabase, type PgSerialisation } from '../src/shared/pg-database.ts';
import { parseOrThrow } from '../src/shared/validation.ts';
import { createMissionSchema } from '../src/missions/missions.schemas.ts';
import { createMission } from '../src/missions/missions.usecases.ts';
import { transitionMission } from '../src/missions/missions-workflow.usecases.ts';
import { missionDeps } from '../src/missions/missions.wiring.ts';
import { copilReport } from '../src/reports/copil.usecases.ts';
import { importMissionsCsv } from '../src/reports/import.usecases.ts';
import { bareTripInsertSql, tripColumns, type TripParams } from '../src/reports/import.repository.ts';
import { parisYearStartUtc } from '../src/reports/reports.repository.ts';
import { createDatabase, findPgBin, startCluster, type Cluster } from '../test/pg/cluster.ts';
import { montrealTrip, seedOrg, seedUser } from '../test/missions/fixtures.ts';
import { generatedCsv } from './reports.bench.ts';
import { seedCopilDatabase } from './reports-copil.bench.ts';

type Line = { name: string; value: string; baseline: string; ratio: number; target: string; ok: boolean };

const VALIDATIONS = Number(process.env.BENCH_VALIDATIONS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const IMPORT_ROWS = Number(process.env.BENCH_ENGINE_IMPORT_ROWS ?? 50_000);
const COPIL_MISSIONS = Number(process.env.BENCH_ENGINE_COPIL_MISSIONS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ENGINE_ROUNDS ?? 3);
const WRITES_PER_VALIDATION = 5; // the mission's status, its audit entry, a transfer and its two entries

const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: n < 10 ? 2 : 0 }).format(n);
const since = (start: number) => (performance.now() - start) / 1000;

// A fresh migrated database of the engine, the raw handle its baselines write through, and a way to
// open it again with other port options (the SERIALIZABLE variant).
type Fresh = { database: Database; raw: RawEngine; reopen?: (serialisation: PgSerialisation) => Promise<Database> };
type RawEngine = {
  transactions: (count: number, concurrency: number, statements: (i: number) => Array<[string, unknown[]]>) => Promise<void>;
  rows: (text: string, params?: unknown[]) => Promise<unknown[][]>;
};
type Engine = { name: 'SQLite' | 'PostgreSQL'; fresh: () => Promise<Fresh>; stop: () => Promise<void> };

function sqliteEngine(): Engine {
  return {
    name: 'SQLite',
    stop: async () => {},
    fresh: async () => {
      const database = openMigratedDatabase(':memory:');
      const prepared = new Map<string, ReturnType<typeof database.sqlite.prepare>>();
      const statement = (text: string) => prepared.get(text) ?? prepared.set(text, database.sqlite.prepare(text)).get(text)!;
      const raw: RawEngine = {
        // One connection: concurrency does not apply, each transaction runs whole.
        transactions: async (count, _concurrency, statements) => {
          for (let i = 0; i < count; i++) database.sqlite.transaction(() => statements(i).forEach(([text, params]) => statement(text).run(...params)))();
        },
        rows: async (text, params = []) => database.sqlite.prepare(text).raw().all(...params) as unknown[][],
      };
      return { database, raw };
    },
  };
}

async function postgresEngine(): Promise<Engine | null> {
  let cluster: Cluster | undefined;
  let adminUrl = process.env.EMPREINTE_BENCH_PG_URL;
  if (!adminUrl) {
    const bin = findPgBin();
    if (!bin) return null;
    cluster = await startCluster(bin);
    adminUrl = cluster.url;
  }
  const stamp = Date.now().toString(36);
  const template = `bench_template_${stamp}`;
  await (await openPgDatabase(await createDatabase(adminUrl, template), { maxConnections: 1 })).close();
  let n = 0;
  const opened: Array<Database | pg.Pool> = [];
  return {
    name: 'PostgreSQL',
    stop: async () => {
      for (const d of opened) await (d instanceof pg.Pool ? d.end() : d.close());
      cluster?.stop();
    },
    fresh: async () => {
      const url = await createDatabase(adminUrl, `bench_${stamp}_${n++}`, template);
      const database = await openPgDatabase(url, { maxConnections: CONCURRENCY });
      const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
      opened.push(database, pool);
      const raw: RawEngine = {
        transactions: async (count, concurrency, statements) => {
          await inParallel(count, concurrency, async (i) => {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              for (const [text, params] of statements(i)) await client.query(numbered(text), params);
              await client.query('COMMIT');
            } finally {
              client.release();
            }
          });
        },
        rows: async (text, params = []) => (await pool.query({ text: numbered(text), values: params, rowMode: 'array' })).rows as unknown[][],
      };
      const reopen = async (serialisation: PgSerialisation) => {
        const again = await openPgDatabase(url, { maxConnections: CONCURRENCY, serialisation });
        opened.push(again);
        return again;
      };
      return { database, raw, reopen };
    },
  };
}

// `?` placeholders as PostgreSQL's $1, $2…
const numbered = (text: string) => {
  let i = 0;
  return text.replace(/\?/g, () => `$${++i}`);
};

async function inParallel(count: number, concurrency: number, run: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await run(next++);
  }));
}

function depsOn(database: Database): AppDeps {
  return buildDeps({ config: testConfig(), database, clock: fixedClock('2026-11-27T10:00:00Z') });
}

// Submitted missions with a flight (each validation books a contribution into the one envelope, the
// contended account), then validated CONCURRENCY at a time through the use case.
async function validationsPerSecond(app: AppDeps, validatorApp?: AppDeps): Promise<{ perSecond: number; failed: number }> {
  await loadSettings(app);
  if (validatorApp) await loadSettings(validatorApp);
  const deps = missionDeps(app);
  const org = await seedOrg(deps);
  const traveller = await seedUser(deps, ['staff'], org.entityId);
  const secretariat = await seedUser(deps, ['secretariat'], null);
  const input = parseOrThrow(createMissionSchema, { purpose: 'conference', budgetLineId: org.budgetLineId, justification: 'Communication invitée au congrès annuel', trip: montrealTrip });
  const ids: string[] = [];
  for (let i = 0; i < VALIDATIONS; i++) {
    const mission = await createMission(deps, traveller, input);
    await transitionMission(deps, traveller, mission.id, 'submit', {});
    ids.push(mission.id);
  }
  const acting = validatorApp ? missionDeps(validatorApp) : deps;
  let failed = 0;
  const start = performance.now();
  await inParallel(ids.length, CONCURRENCY, async (i) => {
    await transitionMission(acting, secretariat, ids[i]!, 'validate', {}).catch(() => (failed += 1));
  });
  return { perSecond: (ids.length - failed) / since(start), failed };
}

async function bareTransactionsPerSecond(raw: RawEngine): Promise<number> {
  await raw.transactions(1, 1, () => [['CREATE TABLE bench_writes (id text PRIMARY KEY, payload text NOT NULL)', []]]);
  const start = performance.now();
  await raw.transactions(VALIDATIONS, CONCURRENCY, (i) => Array.from({ length: WRITES_PER_VALIDATION }, (_, k): [string, unknown[]] => ['INSERT INTO bench_writes (id, payload) VALUES (?, ?)', [`w${i}_${k}`, 'x'.repeat(200)]]));
  return VALIDATIONS / since(start);
}

async function validationLines(engine: Engine): Promise<Line[]> {
  let best = { perSecond: 0, failed: 0 };
  let bare = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const run = await validationsPerSecond(depsOn((await engine.fresh()).database));
    if (run.perSecond > best.perSecond) best = run;
    bare = Math.max(bare, await bareTransactionsPerSecond((await engine.fresh()).raw));
  }
  const lines: Line[] = [{
    name: `[${engine.name}] mission validations/s (${VALIDATIONS} missions, ${CONCURRENCY} at a time, one envelope)`,
    value: `${fmt(best.perSecond)}${best.failed ? ` (${best.failed} failed)` : ''}`,
    baseline: `${fmt(bare)} (bare transactions of ${WRITES_PER_VALIDATION} single-row inserts, same concurrency)`,
    ratio: best.perSecond / bare,
    target: 'informative; no validation fails',
    ok: best.failed === 0,
  }];
  if (engine.name === 'PostgreSQL') {
    let serializable = { perSecond: 0, failed: 0 };
    for (let r = 0; r < ROUNDS; r++) {
      const fresh = await engine.fresh();
      const run = await validationsPerSecond(depsOn(fresh.database), depsOn(await fresh.reopen!('serializable')));
      if (run.perSecond > serializable.perSecond) serializable = run;
    }
    lines.push({
      name: `[${engine.name}] the same validations under SERIALIZABLE with retries instead of advisory locks`,
      value: `${fmt(serializable.perSecond)} (${serializable.failed} of ${VALIDATIONS} failed after 5 attempts)`,
      baseline: `${fmt(best.perSecond)} (advisory locks per account, READ COMMITTED: the service's way)`,
      ratio: serializable.perSecond / best.perSecond,
      target: 'informative (the comparison docs/postgresql.md reports)',
      ok: true,
    });
  }
  return lines;
}

// The import against bare inserts of the very rows it stored (one transaction; on PostgreSQL in
// multi-row statements of 500, as the import writes them).
async function importLine(engine: Engine): Promise<Line> {
  const text = generatedCsv(IMPORT_ROWS);
  let importBest = Infinity;
  let bareBest = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const imported = await engine.fresh();
    const deps = depsOn(imported.database);
    deps.places.resolve('Paris, FR', { mode: 'train', path: 'warm-up' });
    const start = performance.now();
    const summary = await importMissionsCsv(deps, text, { fileName: 'bench.csv' });
    importBest = Math.min(importBest, since(start));
    if (summary.bad > 0) throw new Error(`bench import: ${summary.bad} bad rows`);
    const stored = (await imported.raw.rows(`SELECT ${tripColumns.join(', ')} FROM historical_trips ORDER BY id`)) as TripParams[];
    const run = (await imported.raw.rows('SELECT * FROM import_runs'))[0]!;
    const bare = await engine.fresh();
    await bare.raw.transactions(1, 1, () => [[`INSERT INTO import_runs VALUES (${run.map(() => '?').join(', ')})`, run]]);
    const chunk = engine.name === 'PostgreSQL' ? 500 : 1;
    const statements = (): Array<[string, unknown[]]> => {
      const out: Array<[string, unknown[]]> = [];
      for (let i = 0; i < stored.length; i += chunk) {
        const rows = stored.slice(i, i + chunk);
        const values = rows.map(() => `(${tripColumns.map(() => '?').join(', ')})`).join(', ');
        out.push([chunk === 1 ? bareTripInsertSql : `INSERT INTO historical_trips (${tripColumns.join(', ')}) VALUES ${values}`, rows.flat()]);
      }
      return out;
    };
    const bareStart = performance.now();
    await bare.raw.transactions(1, 1, statements);
    bareBest = Math.min(bareBest, since(bareStart));
  }
  return {
    name: `[${engine.name}] import missions rows/s (${fmt(IMPORT_ROWS)} rows, default batch)`,
    value: fmt(IMPORT_ROWS / importBest),
    baseline: `${fmt(IMPORT_ROWS / bareBest)} (bare inserts of the same rows, one transaction)`,
    ratio: bareBest / importBest,
    target: 'informative',
    ok: true,
  };
}

// The copil bench's school (bench/reports-copil.bench.ts), copied table by table onto the engine.
const COPIL_TABLES = ['entities', 'users', 'missions', 'mission_legs', 'avoided_flights', 'ledger_accounts', 'ledger_transfers', 'ledger_entries'];

async function copilOn(engine: Engine): Promise<Database> {
  const source = await seedCopilDatabase(COPIL_MISSIONS);
  if (engine.name === 'SQLite') return source;
  const target = await engine.fresh();
  const booleans = new Set((await target.raw.rows("SELECT table_name || '.' || column_name FROM information_schema.columns WHERE data_type = 'boolean'")).map((r) => r[0]));
  const statements: Array<[string, unknown[]]> = [];
  for (const table of COPIL_TABLES) {
    const columns = (source.sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((c) => c.name);
    const order = table === 'ledger_entries' ? ' ORDER BY account_id, account_seq' : '';
    const rows = source.sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table}${order}`).raw().all() as unknown[][];
    const asPg = (row: unknown[]) => row.map((v, i) => (booleans.has(`${table}.${columns[i]}`) ? v === 1 : v));
    const per = Math.floor(30_000 / columns.length);
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      statements.push([`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`, part.flatMap(asPg)]);
    }
  }
  await target.raw.transactions(1, 1, () => statements);
  await target.raw.rows('ANALYZE');
  await source.close();
  return target.database;
}

async function copilLine(engine: Engine): Promise<Line> {
  const database = await copilOn(engine);
  const deps = { database, clock: fixedClock('2026-11-27T10:00:00Z') };
  const plainSql = `SELECT substr(m.depart_at, 1, 4) AS year, l.mode, sum(l.trips * l.travelers) AS legs, sum(l.co2e_grams) AS grams
    FROM missions m JOIN mission_legs l ON l.mission_id = m.id
    WHERE m.status = 'validated' AND m.depart_at >= ? AND m.depart_at < ? GROUP BY 1, 2`;
  const bounds = [parisYearStartUtc(2019), parisYearStartUtc(2027)];
  const plain = database.engine === 'sqlite'
    ? async () => database.sqlite.prepare(plainSql).all(...bounds)
    : async () => (database as Database & { pool: pg.Pool }).pool.query(numbered(plainSql), bounds);
  await copilReport(deps, { year: 2026, reference: 2019 });
  await plain();
  let reportMs = Infinity;
  let plainMs = Infinity;
  for (let r = 0; r < ROUNDS + 2; r++) {
    let start = performance.now();
    await copilReport(deps, { year: 2026, reference: 2019 });
    reportMs = Math.min(reportMs, performance.now() - start);
    start = performance.now();
    await plain();
    plainMs = Math.min(plainMs, performance.now() - start);
  }
  if (engine.name === 'SQLite') await database.close();
  return {
    name: `[${engine.name}] copil report over ${fmt(COPIL_MISSIONS)} missions (2019–2026)`,
    value: `${reportMs.toFixed(1)} ms`,
    baseline: `${plainMs.toFixed(1)} ms (plain SQL aggregate: flights and grams per year and mode)`,
    ratio: reportMs / plainMs,
    target: 'ratio ≤ 3',
    ok: reportMs / plainMs <= 3,
  };
}

export async function benchEngineLines(): Promise<Line[]> {
  const engines: Engine[] = [sqliteEngine()];
  const postgres = await postgresEngine();
  if (postgres) engines.push(postgres);
  else console.log('PostgreSQL left out: set EMPREINTE_BENCH_PG_URL or install the server binaries (apt-get install postgresql)');
  const lines: Line[] = [];
  try {
    for (const engine of engines) {
      lines.push(...(await validationLines(engine)), await importLine(engine), await copilLine(engine));
    }
  } finally {
    for (const engine of engines) await engine.stop();
  }
  return lines;
}
