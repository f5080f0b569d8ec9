import { openMigratedDatabase, type DbHandle } from '../../src/shared/db.ts';

// Each test gets its own in-memory database with the real migrations applied: no shared state.
export function memoryDatabase(): DbHandle {
  return openMigratedDatabase(':memory:');
}
