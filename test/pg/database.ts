import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { inject } from 'vitest';

export const pgUrl = inject('pgUrl');
export const pgMigrationsFolder = fileURLToPath(new URL('../../db/migrations/pg', import.meta.url));

// A fresh database of the test cluster with every PostgreSQL migration applied.
export async function freshPgDatabase(): Promise<{ pool: pg.Pool; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: pgUrl.replace(/\/postgres$/, `/${name}`), max: 4 });
  await migrate(drizzle(pool), { migrationsFolder: pgMigrationsFolder });
  return {
    pool,
    drop: async () => {
      await pool.end();
      const again = new pg.Client({ connectionString: pgUrl });
      await again.connect();
      await again.query(`drop database ${name} with (force)`);
      await again.end();
    },
  };
}
