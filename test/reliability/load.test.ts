import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedLoadDatabase } from '../../bench/load-fixture.ts';
import { runLoad, verifyLoad } from '../../bench/load-run.ts';
import { startServerProcess } from '../../bench/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'empreinte-load-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The bounded twin of `npm run bench:load`: a few seconds, the same invariants.
describe('under load (the real server, 8 connections for 3 s)', () => {
  it('answers every quote, creation, submission and validation with a 2xx, loses and duplicates no mission, books one contribution per validation, keeps the ledger sound', async () => {
    const dbPath = join(dir, 'load.sqlite');
    const fixture = seedLoadDatabase(dbPath, { staff: 12, secretariat: 3 });
    const server = await startServerProcess(dbPath);
    let outcome;
    try {
      outcome = await runLoad({ baseUrl: server.baseUrl, fixture, seconds: 3, connections: 8 });
    } finally {
      expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    }
    // Enough work to mean something: dozens of full cycles even on a busy 2-core machine.
    expect(outcome.responses.validate['200'] ?? 0).toBeGreaterThan(30);
    expect(verifyLoad(dbPath, [outcome])).toEqual([]);
  }, 60_000);
});
