import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every capability's texts registered with the shared catalogues, as app.ts and cli.ts do.
    setupFiles: ['src/messages.ts'],
    // Browser and multi-process tests start servers: give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
