import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMissions, type ImportIo } from '../../src/reports/import.cli.ts';
import { reportDeps, trips } from './support.ts';

const fixturePath = resolve(import.meta.dirname, '../fixtures/missions-import.csv');

async function io(files: Record<string, string>, isTTY: boolean) {
  const written: Record<string, string> = {};
  let stderr = '';
  let clock = 0;
  const deps = await reportDeps();
  const value: ImportIo = {
    deps,
    readFile: (p) => {
      if (p === fixturePath) return readFileSync(p, 'utf8');
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      return files[p]!;
    },
    writeFile: (p, c) => (written[p] = c),
    stderr: Object.assign({ write: (s: string) => ((stderr += s), true) }, { isTTY }) as unknown as ImportIo['stderr'],
    now: () => (clock += 500),
  };
  return { io: value, written, deps, stderr: () => stderr };
}

describe('empreinte import missions', () => {
  it('imports the example file, prints a summary, and draws the bar only on a terminal', async () => {
    const tty = await io({}, true);
    expect(await importMissions([fixturePath, '--batch', '3'], tty.io)).toBe(0);
    expect(await trips(tty.deps)).toHaveLength(8);
    // 8 rows in batches of 3: the bar is redrawn after rows 3, 6 and 8, the last time at 100 %.
    expect(tty.stderr()).toMatch(/\r\[#{11}\.{19}\] 37 % 3 \/ 8 lignes/);
    expect(tty.stderr()).toMatch(/\r\[#{30}\] 100 % 8 \/ 8 lignes · [\d ]+ lignes\/s\n/);
    expect(tty.stderr()).toContain('8 lignes lues, 8 importées, 0 déjà présentes, 0 en erreur');

    const pipe = await io({}, false);
    expect(await importMissions([fixturePath], pipe.io)).toBe(0);
    expect(pipe.stderr()).not.toContain('\r');
  });

  it('exits 1 with the bad rows listed and written to --errors; --strict imports nothing', async () => {
    const bad = 'date;mode;distance_km\n2019-01-01;bus;10\n2019-13-01;bus;10\n';
    const run = await io({ 'bad.csv': bad }, false);
    expect(await importMissions(['bad.csv', '--errors', 'errors.csv'], run.io)).toBe(1);
    expect(run.stderr()).toContain('ligne 3 : date invalide « 2019-13-01 »');
    expect(run.written['errors.csv']).toContain('3;date;date.invalid;');

    const strict = await io({ 'bad.csv': bad }, false);
    expect(await importMissions(['bad.csv', '--strict'], strict.io)).toBe(1);
    expect(strict.stderr()).toContain('--strict : fichier refusé');
    expect(await trips(strict.deps)).toHaveLength(0);
  });

  it('exits 2 on bad usage, a missing file, an unknown factor set or an unreadable header', async () => {
    const run = await io({ 'odd.csv': 'x;y\n1;2\n' }, false);
    expect(await importMissions([], run.io)).toBe(2);
    expect(await importMissions(['missing.csv'], run.io)).toBe(2);
    expect(await importMissions([fixturePath, '--factor-set', 'nope'], run.io)).toBe(2);
    expect(await importMissions(['odd.csv'], run.io)).toBe(2);
    expect(await importMissions([fixturePath, '--batch', '0'], run.io)).toBe(2);
    expect(run.stderr()).toContain('Jeu de facteurs inconnu « nope »');
    expect(await trips(run.deps)).toHaveLength(0);
  });
});
