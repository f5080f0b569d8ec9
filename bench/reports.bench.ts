// `npm run bench reports`: the historical import and the copil report at 100,000 rows, each against a
// baseline measured in the same run on the same data (not part of the test suite).
import { buildDeps, type AppDeps } from '../src/deps.ts';
import { testConfig } from '../src/config.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { openMigratedDatabase } from '../src/shared/db.ts';
import { importMissionsCsv } from '../src/reports/import.usecases.ts';
import { bareTripInsertSql, type TripParams } from '../src/reports/import.repository.ts';
import { benchCopilReport } from './reports-copil.bench.ts';

type Line = { name: string; value: string; baseline: string; ratio: number; target: string; ok: boolean };

const ROWS = Number(process.env.BENCH_REPORT_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 5);
const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

const cities = [
  'Alès, FR', 'Montpellier, FR', 'Nîmes, FR', 'Paris, FR', 'Lyon, FR', 'Marseille, FR', 'Toulouse, FR', 'Bordeaux, FR', 'Lille, FR', 'Nantes, FR',
  'Strasbourg, FR', 'Grenoble, FR', 'Rennes, FR', 'Brest, FR', 'Nice, FR', 'Bruxelles, BE', 'Genève, CH', 'Londres, GB', 'Berlin, DE', 'Madrid, ES',
  'Rome, IT', 'Amsterdam, NL', 'Vienne, AT', 'Montréal, CA', 'New York, US', 'Tokyo, JP', 'Dakar, SN', 'Rabat, MA', 'Lisbonne, PT', 'Barcelone, ES',
];
const modes = ['plane', 'train', 'train', 'car', 'bus', 'plane', 'train', 'visio'];
const purposes = ['conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting'];
const entities = ['LGEI', 'LSR', 'C2MA', 'CERIS', 'Direction'];

// Deterministic rows of our layout: places from a short list (as in a real inventory), modes mixed.
export function generatedCsv(rows: number): string {
  const lines = ['mission;date;category;entity;purpose;mode;from;to;distance_km;round_trip;travelers;cost_eur'];
  for (let i = 0; i < rows; i++) {
    const mode = modes[i % modes.length]!;
    const from = cities[i % 7]!;
    const to = cities[(i * 7 + 3) % cities.length]!;
    const date = `${2019 + (i % 7)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const places = mode === 'visio' ? ';;' : mode === 'car' ? `;;${(i % 400) + 20}` : `${from};${to === from ? cities[29] : to};`;
    lines.push(`M${i};${date};${i % 5 === 0 ? 'student' : 'staff'};${entities[i % 5]};${purposes[i % 6]};${mode};${places};${i % 2 ? 'oui' : 'non'};${(i % 3) + 1};${(i % 900) + 10},50`);
  }
  return `${lines.join('\n')}\n`;
}

function freshDeps(): AppDeps {
  return buildDeps({ config: testConfig(), database: openMigratedDatabase(':memory:'), clock: fixedClock('2026-11-27T10:00:00Z') });
}

async function seconds(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

// The import (CSV read, rows normalised and keyed, places resolved, footprints, batched inserts)
// against bare prepared inserts of the very rows it stored, in one transaction, into the same table.
// The two alternate, best of ROUNDS each: on a shared machine the best run is the one least disturbed.
export async function benchImport(rows = ROWS, options: { forceCsvParse?: boolean; rounds?: number; batchSize?: number } = {}) {
  const text = generatedCsv(rows);
  freshDeps().places.resolve('Paris, FR', { mode: 'train', path: 'warm-up' }); // the place index loads once per process
  let importBest = Infinity;
  let bareBest = Infinity;
  for (let round = 0; round < (options.rounds ?? ROUNDS); round++) {
    const deps = freshDeps();
    let bad = 0;
    importBest = Math.min(importBest, await seconds(async () => (bad = (await importMissionsCsv(deps, text, { fileName: 'bench.csv', forceCsvParse: options.forceCsvParse, batchSize: options.batchSize })).bad)));
    if (bad > 0) throw new Error(`bench import: ${bad} bad rows`);
    bareBest = Math.min(bareBest, await bareInsertSeconds(deps));
    deps.database.sqlite.close();
  }
  return { rows, importRowsPerSecond: rows / importBest, bareRowsPerSecond: rows / bareBest, ratio: bareBest / importBest };
}

async function bareInsertSeconds(imported: AppDeps): Promise<number> {
  const stored = imported.database.sqlite.prepare('SELECT * FROM historical_trips ORDER BY id').raw().all() as unknown[][];
  const run = imported.database.sqlite.prepare('SELECT * FROM import_runs').raw().get() as unknown[];
  const bare = openMigratedDatabase(':memory:');
  bare.sqlite.prepare(`INSERT INTO import_runs VALUES (${run.map(() => '?').join(', ')})`).run(...run);
  const insert = bare.sqlite.prepare<TripParams>(bareTripInsertSql);
  const params = stored.map((r) => r.slice(1) as TripParams); // without the autoincrement id
  const elapsed = await seconds(() => bare.sqlite.transaction(() => params.forEach((p) => insert.run(...p)))());
  bare.sqlite.close();
  return elapsed;
}

export async function benchReportLines(): Promise<Line[]> {
  const lines: Line[] = [];
  const imp = await benchImport();
  lines.push({
    name: `import missions rows/s (${fmt(imp.rows)} rows, quote-free file, default batch)`,
    value: fmt(imp.importRowsPerSecond),
    baseline: `${fmt(imp.bareRowsPerSecond)} (bare prepared inserts of the same rows, one transaction)`,
    ratio: imp.ratio,
    target: 'ratio ≥ 0.5',
    ok: imp.ratio >= 0.5,
  });
  const small = await benchImport(ROWS, { batchSize: 1000, rounds: 3 });
  lines.push({
    name: `import missions rows/s with --batch 1000 (${fmt(small.rows)} rows)`,
    value: fmt(small.importRowsPerSecond),
    baseline: `${fmt(small.bareRowsPerSecond)} (bare prepared inserts)`,
    ratio: small.ratio,
    target: 'informative (default batch: 10,000)',
    ok: true,
  });
  const quoted = await benchImport(ROWS, { forceCsvParse: true, rounds: 1 });
  lines.push({
    name: `import missions rows/s through csv-parse (${fmt(quoted.rows)} rows, quoted files)`,
    value: fmt(quoted.importRowsPerSecond),
    baseline: `${fmt(quoted.bareRowsPerSecond)} (bare prepared inserts)`,
    ratio: quoted.ratio,
    target: 'informative',
    ok: true,
  });
  lines.push(...(await benchCopilReport()));
  return lines;
}
