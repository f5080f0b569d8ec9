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

export function parseStoredJson<S extends z.ZodType>(schema: S, json: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoredDataError(what, [{ path: [], message: 'not JSON' }]);
  }
  const checked = schema.safeParse(value);
  if (!checked.success) throw new StoredDataError(what, checked.error.issues);
  return checked.data;
}
