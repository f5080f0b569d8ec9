import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { importErrorsCsv } from '../../src/reports/import-errors.export.ts';
import { parseMapping } from '../../src/reports/import-columns.models.ts';
import { reportDeps, runImport, trips } from './support.ts';
import { select } from '../helpers/sql.ts';

const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/missions-import.csv'), 'utf8');

describe('import of our layout (test/fixtures/missions-import.csv)', () => {
  it('imports every row with the engine’s footprint and its provenance', async () => {
    const deps = await reportDeps();
    const summary = await runImport(deps, fixture);
    expect(summary).toMatchObject({ layout: 'empreinte', separator: ';', refused: false, rowsRead: 8, imported: 8, duplicates: 0, bad: 0 });
    const rows = await trips(deps);
    // Series A, contrails included; corrected distances rounded to 0.1 km, then × trips × travellers × factor:
    // l.2 MPL–ORY plane: GCD 585.15 + 95 = 680.2 km, short haul 258.6 g: 680.2 × 2 × 258.6 = 351 799.4 → 351 799
    // l.3 Alès–Montpellier train: 59.44 × 1.2 = 71.3 km, regional 27.7 g: 71.3 × 2 × 27.7 = 3 950.0 → 3 950
    // l.4 MRS–YUL plane, 2 travellers: 6 005.50 + 95 = 6 100.5 km, long 152 g: 6 100.5 × 2 × 152 = 1 854 552
    // l.5 Alès–Marseille train, 2 travellers: 139.27 × 1.2 = 167.1 km, regional: 167.1 × 2 × 27.7 = 9 257.3 → 9 257
    // l.6 car 120 km given, round trip, 3 in the car (counted once): 120 × 2 × 217.6 = 52 224
    // l.7 visio, 1 h by default, 1 person: 57.1 → 57
    // l.8 Paris–Brussels train: 264.31 × 1.2 = 317.2 km, FR–BE mean 3.97 g: 317.2 × 2 × 3.97 = 2 518.6 → 2 519
    // l.9 Alès–Nîmes coach: 39.31 × 1.5 = 59.0 km, 37.6 g: 59 × 2 × 37.6 = 4 436.8 → 4 437
    expect(rows.map((r) => [r.source_line, r.mode, r.distance_km, r.trips, r.travelers, r.co2e_grams, r.factor_id])).toEqual([
      [2, 'plane', 680.2, 2, 1, 351_799, 'plane.short.contrails'],
      [3, 'train', 71.3, 2, 1, 3950, 'train.regional'],
      [4, 'plane', 6100.5, 1, 2, 1_854_552, 'plane.long.contrails'],
      [5, 'train', 167.1, 1, 2, 9257, 'train.regional'],
      [6, 'car', 120, 2, 3, 52_224, 'car.thermal'],
      [7, 'visio', 0, 1, 1, 57, 'visio.hour'],
      [8, 'train', 317.2, 2, 1, 2519, 'train.international.FR-BE'],
      [9, 'bus', 59, 2, 1, 4437, 'bus.coach'],
    ]);
    // French date (05/06/2019), category, purpose, entity, "1 150,00" € and "180,50" € read exactly.
    expect(rows[2]).toMatchObject({ depart_on: '2019-06-05', year: 2019, traveller_category: 'student', purpose: 'student_mobility', entity_label: 'C2MA', cost_cents: 115_000, mission_ref: 'M2' });
    expect(rows[6]).toMatchObject({ cost_cents: 18_050, entity_label: null, from_country: 'FR', to_country: 'BE' });
    const factorSets = await select(deps.database, 'SELECT DISTINCT factor_set_id, factor_set_version FROM historical_trips');
    expect(factorSets).toEqual([{ factor_set_id: 'ademe-base-carbone-series-a', factor_set_version: '2026.2' }]);
  });

  it('imports the same file again without a single duplicate', async () => {
    const deps = await reportDeps();
    await runImport(deps, fixture);
    const again = await runImport(deps, fixture);
    expect(again).toMatchObject({ imported: 0, duplicates: 8, bad: 0 });
    expect(await trips(deps)).toHaveLength(8);
    // Both runs start at the pinned clock's instant: told apart by what they imported.
    const runs = await select(deps.database, 'SELECT status, rows_imported, rows_duplicate FROM import_runs ORDER BY rows_imported DESC');
    expect(runs).toEqual([
      { status: 'done', rows_imported: 8, rows_duplicate: 0 },
      { status: 'done', rows_imported: 0, rows_duplicate: 8 },
    ]);
  });

  it('keeps two identical rows of one file (two agents), and still skips both on a re-import', async () => {
    const deps = await reportDeps();
    const text = 'date;mode;distance_km;travelers\n2019-05-01;bus;30;1\n2019-05-01;bus;30;1\n';
    expect(await runImport(deps, text)).toMatchObject({ imported: 2, duplicates: 0 });
    expect(await runImport(deps, text)).toMatchObject({ imported: 0, duplicates: 2 });
    // A third identical row added later is new: only it goes in.
    expect(await runImport(deps, `${text}2019-05-01;bus;30;1\n`)).toMatchObject({ imported: 1, duplicates: 2 });
    expect(new Set((await trips(deps)).map((r) => r.row_key)).size).toBe(3);
  });

  it('records the factor set chosen with --factor-set', async () => {
    const deps = await reportDeps();
    await runImport(deps, 'date,mode,distance_km\n2019-05-01,car,100\n', { factorSetId: 'impact-co2-2025-series-b' });
    // Series B thermal car 142.3 g per vehicle-km: 100 × 142.3 = 14 230 g.
    expect((await trips(deps))[0]).toMatchObject({ co2e_grams: 14_230, factor_id: 'car.thermal' });
    expect((await select(deps.database, 'SELECT factor_set_id FROM historical_trips'))[0]).toEqual({ factor_set_id: 'impact-co2-2025-series-b' });
  });
});

const badFile = [
  'date,mode,from,to,distance_km,round_trip,travelers',
  '2019-02-30,train,"Alès, FR","Nîmes, FR",,no,1',
  '2019-03-01,hovercraft,,,50,no,1',
  '2019-03-02,train,"Atlantis, FR","Nîmes, FR",,no,1',
  '2019-03-03,plane,"Montpellier, FR",,,no,1',
  '2019-03-04,car,,,abc,no,1',
  '2019-03-05,bus,,,30,no,0',
  '2019-03-06,bus,,,30,peut-être,1',
  '2019-03-07,bus,,,30,no,1',
].join('\n');

describe('bad rows', () => {
  it('imports the good rows and reports each bad one by line number and reason', async () => {
    const deps = await reportDeps();
    const summary = await runImport(deps, badFile);
    expect(summary).toMatchObject({ rowsRead: 8, imported: 1, bad: 7, refused: false });
    expect(summary.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'date', 'date.invalid'],
      [3, 'mode', 'mode.unknown'],
      [4, 'from', 'place.unknown'],
      [5, 'to', 'place.missing'],
      [6, 'distance_km', 'distance_km.invalid'],
      [7, 'travelers', 'travelers.invalid'],
      [8, 'round_trip', 'round_trip.invalid'],
    ]);
    expect(summary.errors[0]!.reason).toContain('2019-02-30');
    expect(summary.errors[1]!.reason).toContain('hovercraft');
    expect(summary.errors[2]!.reason).toContain('Atlantis');
    // The one good row: 30 km of coach × 37.6 g = 1 128 g.
    expect((await trips(deps)).map((r) => [r.source_line, r.co2e_grams])).toEqual([[9, 1128]]);
  });

  it('writes an error CSV (BOM, `;`) with line, field, code, reason and the row under its own header', async () => {
    const summary = await runImport(await reportDeps(), badFile);
    const csv = importErrorsCsv(summary.errors, summary.header);
    expect(csv.startsWith('\ufeffligne;champ;code;motif;date;mode;from;to;distance_km;round_trip;travelers\r\n')).toBe(true);
    const records = parse(csv, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
    expect(records).toHaveLength(7);
    expect(records[2]!.slice(0, 3)).toEqual(['4', 'from', 'place.unknown']);
    expect(records[2]!.slice(4)).toEqual(['2019-03-02', 'train', 'Atlantis, FR', 'Nîmes, FR', '', 'no', '1']);
  });

  it('--strict refuses the whole file: nothing imported, every bad row still listed', async () => {
    const deps = await reportDeps();
    const summary = await runImport(deps, badFile, { strict: true });
    expect(summary).toMatchObject({ refused: true, imported: 0, bad: 7 });
    expect(await trips(deps)).toEqual([]);
    expect((await select(deps.database, 'SELECT status, rows_bad FROM import_runs'))[0]).toEqual({ status: 'refused', rows_bad: 7 });
  });

  it('--strict imports a clean file', async () => {
    const deps = await reportDeps();
    expect(await runImport(deps, fixture, { strict: true })).toMatchObject({ refused: false, imported: 8, bad: 0 });
  });

  it('counts lines of the file, not records, when a quoted cell spans two lines', async () => {
    const text = 'date;mode;distance_km;purpose\n2019-01-02;bus;10;"réunion\nde service"\n2019-01-03;bus;x;autre\n';
    const summary = await runImport(await reportDeps(), text);
    expect(summary.errors.map((e) => [e.line, e.code])).toEqual([[4, 'distance_km.invalid']]);
  });

  it('refuses a file whose header it cannot read, and an empty file', async () => {
    const deps = await reportDeps();
    await expect(runImport(deps, 'when;how\n2019-01-01;bus\n')).rejects.toThrow(/date, mode/);
    await expect(runImport(deps, '\n\n')).rejects.toThrow(/empty/);
  });
});

describe('a crash in the middle of an import', () => {
  it('leaves whole batches only, and a re-run completes without duplicates', async () => {
    const deps = await reportDeps();
    // 8 rows in batches of 2: batches 0 and 1 commit, batch 2 fails inside its transaction.
    const crash = () => runImport(deps, fixture, { batchSize: 2, onBatch: (i) => { if (i === 2) throw new Error('disk full'); } });
    await expect(crash()).rejects.toThrow('disk full');
    expect((await trips(deps)).map((r) => r.source_line)).toEqual([2, 3, 4, 5]);
    expect((await select(deps.database, 'SELECT status, rows_imported FROM import_runs'))[0]).toEqual({ status: 'running', rows_imported: 4 });
    expect(await runImport(deps, fixture, { batchSize: 2 })).toMatchObject({ imported: 4, duplicates: 4 });
    expect((await trips(deps)).map((r) => r.source_line).sort()).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('column mapping for other expense tools', () => {
  it('reads a file through --map col=field', async () => {
    const deps = await reportDeps();
    const text = 'Date du trajet;Moyen;Km;A/R;Service\n14/02/2020;voiture;50;oui;LSR\n';
    const mapping = parseMapping('Date du trajet=date, Moyen=mode, Km=distance_km, A/R=round_trip, Service=entity');
    const summary = await runImport(deps, text, { mapping });
    expect(summary).toMatchObject({ layout: 'mapped', imported: 1 });
    // 50 km × 2 × 217.6 g = 21 760 g.
    expect((await trips(deps))[0]).toMatchObject({ mode: 'car', co2e_grams: 21_760, entity_label: 'LSR', depart_on: '2020-02-14' });
  });

  it('refuses a mapping to an unknown field or from a missing column', async () => {
    expect(() => parseMapping('Km=kilometres')).toThrow(/column=field/);
    await expect(runImport(await reportDeps(), 'date;mode\n2019-01-01;bus\n', { mapping: parseMapping('Km=distance_km') })).rejects.toThrow(/km/i);
  });
});
