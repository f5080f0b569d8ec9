import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/**/*.table.ts',
  out: './db/migrations/sqlite',
  dbCredentials: { url: process.env.EMPREINTE_DB ?? './data/empreinte.sqlite' },
});
