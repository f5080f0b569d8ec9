import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess, type ServerProcess } from '../../bench/server-process.ts';
import { findPgBin, startCluster } from './cluster.ts';
import { pgUrl } from './database.ts';

// The service on PostgreSQL through EMPREINTE_DATABASE_URL, with a cluster of its own (it is stopped
// and started again here, which the suites sharing the run's cluster must not see).
const PASSWORD = 'S3cret-Pa55-never-logged';
const withPassword = (url: string, database: string) => url.replace('postgres://empreinte@', `postgres://empreinte:${PASSWORD}@`).replace(/\/postgres$/, `/${database}`);

describe.skipIf(!pgUrl)('EMPREINTE_DATABASE_URL selects PostgreSQL', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    cluster = await startCluster(findPgBin()!);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database service');
    await admin.end();
  }, 60_000);

  afterAll(async () => {
    await server?.kill('SIGTERM');
    cluster.stop();
  });

  it('starts (migrations applied), serves, answers 503 while the server is away and recovers when it is back, never logging the password', async () => {
    server = await startServerProcess('./unused.sqlite', { EMPREINTE_DATABASE_URL: withPassword(cluster.url, 'service'), LOG_LEVEL: 'info' });
    expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    const quote = await fetch(`${server.baseUrl}/api/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true }] }) });
    expect(quote.status).toBe(200);
    // A bearer token is looked up in the database: unknown, it is a 401 while the database answers.
    const api = () => fetch(`${server!.baseUrl}/api/missions`, { headers: { authorization: 'Bearer emp_unknown' } });
    expect((await api()).status).toBe(401);

    cluster.pause();
    try {
      const down = await api();
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe('database.unavailable');
      expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(503);
    } finally {
      cluster.resume();
    }
    expect((await api()).status).toBe(401);
    expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    expect(server.output()).toContain('"engine":"postgres"');
    expect(server.output()).not.toContain(PASSWORD);
  }, 60_000);

  it('stops at start with a clear error and exit 1 when the server is not there, password redacted', async () => {
    const nobody = `postgres://empreinte:${PASSWORD}@127.0.0.1:${await freePort()}/service`;
    const failure = await startServerProcess('./unused.sqlite', { EMPREINTE_DATABASE_URL: nobody }).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(failure).toMatch(/^server exited \(1\)/);
    expect(failure).toContain('cannot start');
    expect(failure).toContain('ECONNREFUSED');
    expect(failure).toContain('empreinte:***@127.0.0.1');
    expect(failure).not.toContain(PASSWORD);
  }, 60_000);
});
