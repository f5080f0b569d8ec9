import type { Config } from './config.ts';
import type { DbHandle } from './shared/db.ts';
import type { Clock } from './shared/clock.ts';

// The composition root: everything a route or a command needs, built once from config and database.
// Reference data (places, factor sets, rates) is immutable and loaded once per process.
export type AppDeps = {
  config: Config;
  database: DbHandle;
  clock: Clock;
  logError?: (err: unknown) => void;
};

export function buildDeps(base: { config: Config; database: DbHandle; clock: Clock; logError?: (err: unknown) => void }): AppDeps {
  return { ...base };
}
