import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedLoadDatabase } from '../../bench/load-fixture.ts';
import { runLoad, verifyLoad } from '../../bench/load-run.ts';
import { startServerProcess } from '../../bench/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'empreinte-load-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The bounded twin of `npm run bench:load`: a fixed amount of work (not seconds, so that a slow
// machine does the same), the same invariants.
const CONNECTIONS = 8;
const REQUESTS = 320; // 80 cycles of quote → create → submit → validate

describe('under load (the real server, 8 connections, 320 requests)', () => {
  it('answers every quote, creation, submission and validation with a 2xx, loses and duplicates no mission, books one contribution per validation, keeps the ledger sound', async () => {
    const dbPath = join(dir, 'load.sqlite');
    const fixture = await seedLoadDatabase(dbPath, { staff: 12, secretariat: 3 });
    const server = await startServerProcess(dbPath);
    let outcome;
    try {
      outcome = await runLoad({ baseUrl: server.baseUrl, fixture, seconds: 0, connections: CONNECTIONS, amount: REQUESTS });
    } finally {
      expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    }
    // Every cycle completed validates, whichever connection ran it: at most one cycle per connection is cut short.
    expect(outcome.responses.validate['200'] ?? 0).toBeGreaterThanOrEqual(REQUESTS / 4 - CONNECTIONS);
    expect(await verifyLoad(dbPath, [outcome])).toEqual([]);
  }, 60_000);
});
