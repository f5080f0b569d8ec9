import type { z } from 'zod';

// JSON kept in a column (a quote, a trip, targets) is read back through its schema: a row written by
// an older version in another shape fails loudly, naming the row and the field, instead of giving
// wrong figures. Such a failure is a programming or migration error, never the user's: a 500, logged.
export class StoredDataError extends Error {
  constructor(what: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
    super(`${what} does not match the current schema (written by an older version?): ${issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'StoredDataError';
  }
}

function readJson(json: string, what: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new StoredDataError(what, [{ path: [], message: 'not JSON' }]);
  }
}

// The schema's output (defaults applied, unknown keys dropped).
export function parseStoredJson<S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> {
  const checked = schema.safeParse(readJson(json, what));
  if (!checked.success) throw new StoredDataError(what, checked.error.issues);
  return checked.data;
}

// The parsed value itself, once the schema accepts it: for a schema that checks only what the code
// reads of a larger document (a quote), so that nothing else is dropped.
export function checkStoredJson(schema: z.ZodType, json: string, what: string): unknown {
  const value = readJson(json, what);
  const checked = schema.safeParse(value);
  if (!checked.success) throw new StoredDataError(what, checked.error.issues);
  return value;
}
