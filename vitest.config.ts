import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every capability's texts registered with the shared catalogues, as app.ts and cli.ts do.
    setupFiles: ['src/messages.ts'],
    // A throw-away PostgreSQL cluster on loopback for the PostgreSQL suites (test/pg/cluster.ts).
    globalSetup: ['test/pg/global-setup.ts'],
    // The command line follows an English locale (shared/i18n localeLang), French otherwise: tests pin a
    // neutral locale so that they read the same on an English desktop and on CI.
    env: { LC_ALL: 'C.UTF-8' },
    // Browser and multi-process tests start servers: give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
