import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.ts';
import { FACTORS_DIR, loadFactorRegistry, loadFactorSets } from '../../src/footprint/factors.loader.ts';
import { createFactorRegistry } from '../../src/footprint/factors.models.ts';

const A_ID = 'ademe-base-carbone-series-a';
const B_ID = 'impact-co2-2025-series-b';
type Json = { id: string; rows: Array<Record<string, unknown>> } & Record<string, unknown>;
const original = (id: string): Json => JSON.parse(readFileSync(join(FACTORS_DIR, `${id}.json`), 'utf8'));

// Writes the given files into a fresh directory and loads it; returns the error message, if any.
function loadError(files: Record<string, string | Json>): string {
  const dir = mkdtempSync(join(tmpdir(), 'factors-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  try {
    loadFactorSets(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('factor_set.invalid');
    return (err as AppError).message;
  }
  throw new Error('expected the directory to be refused');
}

function edited(id: string, edit: (set: Json) => void): Json {
  const set = original(id);
  edit(set);
  return set;
}
const row = (set: Json, id: string) => set.rows.find((r) => r.id === id)!;

describe('loading the factor sets', () => {
  it('loads both shipped sets once per process', () => {
    const sets = loadFactorSets();
    expect(sets.map((s) => s.id)).toEqual([A_ID, B_ID]);
    expect(loadFactorSets()).toBe(sets);
  });

  it('defaults to series A and finds a set by id', () => {
    const registry = loadFactorRegistry();
    expect(registry.defaultSetId).toBe(A_ID);
    expect(registry.defaultSet.id).toBe(A_ID);
    expect(registry.get(B_ID).label).toMatch(/Impact CO2/);
  });

  it('answers an unknown set with factor_set.not_found (404)', () => {
    expect(() => loadFactorRegistry().get('nope')).toThrow(expect.objectContaining({ code: 'factor_set.not_found', status: 404 }));
  });

  it('refuses an unknown default set with a message naming the setting and the known sets', () => {
    expect(() => createFactorRegistry(loadFactorSets(), 'nope')).toThrow(/EMPREINTE_FACTOR_SET.*ademe-base-carbone-series-a, impact-co2-2025-series-b/);
  });

  it('accepts the shipped files copied elsewhere (the fixture below is sound)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factors-'));
    writeFileSync(join(dir, `${A_ID}.json`), JSON.stringify(original(A_ID)));
    expect(loadFactorSets(dir)[0]!.id).toBe(A_ID);
  });
});

describe('refusing a broken factor file, naming it', () => {
  it.each([
    ['invalid JSON', { [`${A_ID}.json`]: '{ "id": ' }, /ademe-base-carbone-series-a\.json: not valid JSON/],
    ['a value that is not a number', { [`${A_ID}.json`]: edited(A_ID, (s) => void (s.rows[0]!.value = '0.2586')) }, /ademe-base-carbone-series-a\.json: rows\.0\.value/],
    ['a misspelt key', { [`${A_ID}.json`]: edited(A_ID, (s) => void (s.rows[0]!.vaule = 1)) }, /ademe-base-carbone-series-a\.json: rows\.0\.vaule: unknown field "vaule"/],
    ['a car factor per passenger-km', { [`${A_ID}.json`]: edited(A_ID, (s) => void (row(s, 'car.thermal').unit = 'kgCO2e/pkm')) }, /ademe-base-carbone-series-a\.json: rows\.\d+\.unit/],
    ['an id that is not the file name', { 'other-name.json': original(A_ID) }, /other-name\.json: the set id "ademe-base-carbone-series-a" must match/],
    ['a missing mode', { [`${A_ID}.json`]: edited(A_ID, (s) => void (s.rows = s.rows.filter((r) => r.mode !== 'visio'))) }, /ademe-base-carbone-series-a\.json: .*no row for visio/],
    ['a duplicate row id', { [`${A_ID}.json`]: edited(A_ID, (s) => void s.rows.push({ ...row(s, 'walk') })) }, /duplicate row id walk/],
    ['two rows for one selector', { [`${A_ID}.json`]: edited(A_ID, (s) => void s.rows.push({ ...row(s, 'walk'), id: 'walk.again' })) }, /two rows select walk/],
    ['a gap between bands', { [`${A_ID}.json`]: edited(A_ID, (s) => void ((row(s, 'plane.medium.contrails').band as { minKm: number }).minKm = 1100)) }, /plane with contrails: gap or overlap/],
    ['an edge in two bands', { [`${A_ID}.json`]: edited(A_ID, (s) => void ((row(s, 'plane.short.contrails').band as { maxInclusive: boolean }).maxInclusive = true)) }, /edge 1000 km must belong to exactly one/],
    ['no fallback country', { [`${A_ID}.json`]: edited(A_ID, (s) => void (s.rows = s.rows.filter((r) => r.country !== '*'))) }, /no international train row for country "\*"/],
  ])('%s', (_what, files, message) => {
    expect(loadError(files as Record<string, string | Json>)).toMatch(message);
  });

  it('refuses a row that claims to copy another set but differs', () => {
    const b = edited(B_ID, (s) => void (row(s, 'train.highspeed').value = 0.003));
    expect(loadError({ [`${A_ID}.json`]: original(A_ID), [`${B_ID}.json`]: b })).toMatch(
      /impact-co2-2025-series-b\.json: row train\.highspeed says it is the same as in ademe-base-carbone-series-a but differs/,
    );
  });
});
