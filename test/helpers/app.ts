import { createApp } from '../../src/app.ts';
import { buildDeps, loadSettings, type AppDeps } from '../../src/deps.ts';
import { testConfig, type Config } from '../../src/config.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { engineDatabase, memoryDatabase } from './db.ts';

// `config` is what the dependencies are built from; `overrides` replaces built dependencies as they are,
// except the database, which the others are built on (the quote reads carbon prices from it).
export function testApp(overrides: Partial<AppDeps> = {}, config: Config = overrides.config ?? testConfig()) {
  const deps: AppDeps = {
    ...buildDeps({ config, database: overrides.database ?? memoryDatabase(), clock: fixedClock('2026-11-27T10:00:00Z'), logError: () => {} }),
    ...overrides,
  };
  return { app: createApp(deps), deps };
}

// The same on the test's engine (test/helpers/db.ts), prices loaded as the server does before listening.
export async function engineApp(overrides: Partial<AppDeps> = {}, config?: Config) {
  const built = testApp({ ...overrides, database: overrides.database ?? (await engineDatabase()) }, config);
  await loadSettings(built.deps);
  return built;
}
