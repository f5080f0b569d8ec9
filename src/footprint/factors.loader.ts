import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppError, type AppError } from '../shared/errors.ts';
import { factorErrors } from './footprint.errors.ts';
import { zodIssuesToDetails } from '../shared/validation.ts';
import { factorSetFileSchema, type FactorSetFile } from './factors.schemas.ts';
import { compileFactorSet, createFactorRegistry, type CompiledFactorSet, type FactorRegistry } from './factors.models.ts';

// emission-factors/ at the repository root, found from this file so the working directory does not matter.
export const FACTORS_DIR = fileURLToPath(new URL('../../emission-factors/', import.meta.url));

const cache = new Map<string, readonly CompiledFactorSet[]>();

function fileError(file: string, message: string, details = [{ path: '(file)', message }]): AppError {
  return factorErrors.fileInvalid({ file, problem: message }, details);
}

function readSetFile(dir: string, name: string): FactorSetFile {
  const file = relative(process.cwd(), join(dir, name)) || name;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  } catch (err) {
    throw fileError(file, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = factorSetFileSchema.safeParse(json);
  if (!parsed.success) {
    const details = zodIssuesToDetails(parsed.error.issues);
    throw fileError(file, details.slice(0, 5).map((d) => `${d.path}: ${d.message}`).join('; '), details);
  }
  if (`${parsed.data.id}.json` !== name) throw fileError(file, `the set id "${parsed.data.id}" must match the file name`);
  return parsed.data;
}

// A row marked `sameAsSet` claims to copy another set's row: hold it to that claim.
function checkCopies(files: FactorSetFile[]): void {
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const file of files) {
    for (const row of file.rows) {
      if (row.sameAsSet === undefined) continue;
      const original = byId.get(row.sameAsSet)?.rows.find((r) => r.id === row.id);
      if (!original) throw fileError(`${file.id}.json`, `row ${row.id} copies ${row.sameAsSet}, which has no row ${row.id}`);
      if (original.value !== row.value || original.unit !== row.unit) {
        throw fileError(`${file.id}.json`, `row ${row.id} says it is the same as in ${row.sameAsSet} but differs (${row.value} ${row.unit} vs ${original.value} ${original.unit})`);
      }
    }
  }
}

function compileAll(dir: string): readonly CompiledFactorSet[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) throw factorErrors.noSet({ dir });
  const files = names.map((name) => readSetFile(dir, name));
  checkCopies(files);
  return Object.freeze(
    files.map((file) => {
      try {
        return compileFactorSet(file);
      } catch (err) {
        if (isAppError(err)) throw fileError(`${file.id}.json`, err.message, err.details);
        throw err;
      }
    }),
  );
}

// Reads, validates and compiles every set of a directory once per process.
export function loadFactorSets(dir: string = FACTORS_DIR): readonly CompiledFactorSet[] {
  let sets = cache.get(dir);
  if (!sets) {
    sets = compileAll(dir);
    cache.set(dir, sets);
  }
  return sets;
}

export function loadFactorRegistry(options: { dir?: string; defaultSetId?: string } = {}): FactorRegistry {
  return createFactorRegistry(loadFactorSets(options.dir), options.defaultSetId ?? 'ademe-base-carbone-series-a');
}
