import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { migrationStatus } from '../../src/ops/migration-status.ts';

describe('GET /readyz: database reachable and migrations current', () => {
  it('is ready on a database with every migration of db/migrations/sqlite applied', async () => {
    const { app, deps } = testApp();
    expect(migrationStatus(deps.database.sqlite)).toEqual({ current: true, newerThanCode: false, pending: [], unknown: [] });
    await request(app).get('/readyz').expect(200, { status: 'ready' });
    await request(app).get('/healthz').expect(200, { status: 'ok' });
  });

  it('is unavailable (503) when a migration of the code is missing from the database, naming it', async () => {
    const { app, deps } = testApp();
    const last = deps.database.sqlite.prepare('select created_at from __drizzle_migrations order by created_at desc limit 1').get() as { created_at: number };
    deps.database.sqlite.prepare('delete from __drizzle_migrations where created_at = ?').run(last.created_at);
    const res = await request(app).get('/readyz').expect(503);
    expect(res.body.status).toBe('unavailable');
    expect(res.body.reason).toBe('migrations');
    expect(res.body.pending).toHaveLength(1);
    // Liveness does not depend on the database: the process still answers.
    await request(app).get('/healthz').expect(200);
  });

  it('is unavailable when the database carries a migration this code does not know (a newer release ran on it)', async () => {
    const { app, deps } = testApp();
    deps.database.sqlite.prepare("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', 4102444800000)").run();
    const res = await request(app).get('/readyz').expect(503);
    expect(res.body).toMatchObject({ reason: 'migrations', unknown: [4102444800000] });
    expect(migrationStatus(deps.database.sqlite).newerThanCode).toBe(true);
  });

  it('is unavailable when the database cannot be queried', async () => {
    const { app, deps } = testApp();
    deps.database.sqlite.close();
    await request(app).get('/readyz').expect(503, { status: 'unavailable', reason: 'database' });
    await request(app).get('/healthz').expect(200);
  });
});
