import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { buildDeps, loadSettings } from '../deps.ts';
import { systemClock } from '../shared/clock.ts';
import { openConfiguredDatabase } from '../shared/open-database.ts';
import { errorMessage, isAppError } from '../shared/errors.ts';
import { localeLang } from '../shared/i18n/index.ts';
import { parseMapping } from './import-columns.models.ts';
import { importErrorsCsv } from './import-errors.export.ts';
import { DEFAULT_BATCH_SIZE, importMissionsCsv, type ImportDeps, type ImportSummary } from './import.usecases.ts';

// `empreinte import missions FILE.csv [--strict] [--errors FILE] [--factor-set ID] [--map col=field,...]
// [--batch N] [--entity NAME]`. Exit 0: every row is in; 1: bad rows (listed) or file refused; 2: usage.

export type ImportIo = { deps: ImportDeps; readFile: (path: string) => string; writeFile: (path: string, content: string) => void; stderr: NodeJS.WritableStream & { isTTY?: boolean }; now: () => number };

const usage = 'Usage: empreinte import missions FILE.csv [--strict] [--errors FILE] [--factor-set ID] [--map "colonne=champ,..."] [--batch 10000] [--entity NOM]';
const group = (n: number) => new Intl.NumberFormat('fr-FR').format(Math.round(n)).replace(/\u202f/g, ' ');

// A bar on a terminal only (redrawn at most ten times a second); pipes and logs get the summary alone.
export function progressBar(io: Pick<ImportIo, 'stderr' | 'now'>) {
  const started = io.now();
  let last = 0;
  return (done: number, total: number) => {
    if (!io.stderr.isTTY) return;
    const now = io.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const rate = done / Math.max((now - started) / 1000, 1e-3);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((done / Math.max(total, 1)) * 100)} % ${group(done)} / ${group(total)} lignes · ${group(rate)} lignes/s${done >= total ? '\n' : ''}`);
  };
}

export function summaryLines(s: ImportSummary): string[] {
  const rate = s.rowsRead / Math.max(s.seconds, 1e-3);
  return [
    `Format ${s.layout} (séparateur ${s.separator === '\t' ? 'tabulation' : `« ${s.separator} »`}), jeu de facteurs ${s.factorSet.id} ${s.factorSet.version}, import ${s.importId}`,
    `${group(s.rowsRead)} lignes lues, ${group(s.imported)} importées, ${group(s.duplicates)} déjà présentes, ${group(s.bad)} en erreur (${s.seconds.toFixed(2)} s, ${group(rate)} lignes/s)`,
    ...(s.refused ? ['--strict : fichier refusé, aucune ligne importée.'] : []),
    ...s.errors.slice(0, 10).map((e) => `  ligne ${e.line} : ${e.reason}`),
    ...(s.errors.length > 10 ? [`  … et ${s.errors.length - 10} autres`] : []),
  ];
}

export async function importMissions(args: string[], io: ImportIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { strict: { type: 'boolean', default: false }, errors: { type: 'string' }, 'factor-set': { type: 'string' }, map: { type: 'string' }, batch: { type: 'string' }, entity: { type: 'string' } },
    });
    const file = positionals[0];
    const batchSize = values.batch === undefined ? DEFAULT_BATCH_SIZE : Number(values.batch);
    if (!file || positionals.length > 1 || !Number.isInteger(batchSize) || batchSize < 1) {
      io.stderr.write(`${usage}\n`);
      return 2;
    }
    const summary = await importMissionsCsv(io.deps, io.readFile(file), {
      fileName: basename(file), strict: values.strict, factorSetId: values['factor-set'], mapping: values.map ? parseMapping(values.map) : undefined,
      batchSize, entity: values.entity ?? null, actorId: null, onProgress: progressBar(io),
    });
    if (values.errors) io.writeFile(values.errors, importErrorsCsv(summary.errors, summary.header));
    io.stderr.write(`${summaryLines(summary).join('\n')}\n`);
    return summary.bad > 0 ? 1 : 0;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (isAppError(err)) io.stderr.write(`${errorMessage(err, localeLang())}\n`);
    else if (e.code?.startsWith('ERR_PARSE_ARGS') || e.code === 'ENOENT' || e.code === 'EISDIR') io.stderr.write(`${e.message}\n${usage}\n`);
    else throw err;
    return 2;
  }
}

export async function importMissionsCommand(args: string[]): Promise<number> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const deps = buildDeps({ config, database, clock: systemClock });
    await loadSettings(deps);
    return await importMissions(args, { deps, readFile: (p) => readFileSync(p, 'utf8'), writeFile: (p, c) => writeFileSync(p, c), stderr: process.stderr, now: () => performance.now() });
  } finally {
    await database.close();
  }
}
