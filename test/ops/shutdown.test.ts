import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDatabaseLock, isDatabaseLocked } from '../../src/ops/server-lock.ts';
import { startServerProcess } from '../../bench/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'empreinte-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quoteBody = JSON.stringify({ legs: [{ mode: 'train', distanceKm: 321, roundTrip: true }] });

// Opens a keep-alive connection, has one whole request answered on it (so the server has surely
// accepted it), then sends the head and first half of a second POST. Returns a function that sends the
// rest and resolves with the raw answer: the request is in flight, for sure, in between.
async function halfSentRequest(port: number) {
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  let firstAnswered: () => void = () => {};
  const first = new Promise<void>((done) => (firstAnswered = done));
  socket.on('data', (chunk) => {
    answer += chunk;
    if (answer.includes('"status"')) firstAnswered();
  });
  const ended = new Promise<string>((done) => socket.on('close', () => done(answer)));
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  await first;
  answer = '';
  const half = Math.floor(quoteBody.length / 2);
  socket.write(`POST /api/quote HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(quoteBody)}\r\n\r\n${quoteBody.slice(0, half)}`);
  return async () => {
    socket.write(quoteBody.slice(half));
    return ended;
  };
}

// Resolves once the server no longer accepts connections, however long the signal takes to act.
async function listenerClosed(baseUrl: string): Promise<void> {
  for (;;) {
    try {
      await fetch(`${baseUrl}/healthz`, { headers: { connection: 'close' } });
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('graceful shutdown on SIGTERM', () => {
  it('finishes the request in flight with 200, refuses new connections meanwhile, closes the database and exits 0', async () => {
    const dbPath = join(dir, 'shutdown.sqlite');
    const server = await startServerProcess(dbPath);
    expect(isDatabaseLocked(dbPath)).toBe(true);
    const finish = await halfSentRequest(server.port);
    server.child.kill('SIGTERM');
    await listenerClosed(server.baseUrl);
    expect(server.child.exitCode).toBeNull(); // still waiting for our request
    const answer = await finish();
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toContain('"co2eGrams"');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    // The lock went with the process: a restore (or a new server) may take it now.
    expect(isDatabaseLocked(dbPath)).toBe(false);
  }, 40_000);

  it('refuses to start a second server on a database file another server holds', async () => {
    const dbPath = join(dir, 'twice.sqlite');
    const first = await startServerProcess(dbPath);
    try {
      await expect(startServerProcess(dbPath, {}, 15_000)).rejects.toThrow(/database\.locked|lock/);
      expect(() => acquireDatabaseLock(dbPath, 'restore')).toThrow(/lock .* is held/);
      expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);
    } finally {
      await first.kill('SIGTERM');
    }
  }, 40_000);
});
