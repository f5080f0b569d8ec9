import { createApp } from '../../src/app.ts';
import { buildDeps, type AppDeps } from '../../src/deps.ts';
import { testConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryDatabase } from './db.ts';

export function testApp(overrides: Partial<AppDeps> = {}) {
  const deps: AppDeps = {
    ...buildDeps({ config: testConfig(), database: memoryDatabase(), clock: fixedClock('2026-11-27T10:00:00Z'), logError: () => {} }),
    ...overrides,
  };
  return { app: createApp(deps), deps };
}
