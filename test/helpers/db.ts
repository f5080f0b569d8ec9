import { openMigratedDatabase, type Database } from '../../src/shared/db.ts';

// Each test gets its own in-memory database with the real migrations applied: no shared state.
export function memoryDatabase(): Database {
  return openMigratedDatabase(':memory:');
}
