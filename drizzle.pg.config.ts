import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts: same tables (src/**/*.pg-table.ts), their own migrations.
// `npx drizzle-kit generate --config drizzle.pg.config.ts` writes db/migrations/pg; the triggers and
// functions that enforce the ledger's invariants are hand-written migrations of that folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.pg-table.ts',
  out: './db/migrations/pg',
  dbCredentials: { url: process.env.EMPREINTE_DATABASE_URL ?? 'postgres://localhost/empreinte' },
});
