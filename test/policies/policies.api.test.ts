import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { count, execute } from '../helpers/sql.ts';
import { testConfig } from '../../src/config.ts';
import { buildDeps } from '../../src/deps.ts';
import { montrealTrip } from '../missions/fixtures.ts';

// The action plan's switches set by an admin in the application (issue 12, point 4): the domestic
// flights trial in the quote, the recruitment-abroad rule at submission. On the test's engine.
describe('policy switches set in the application', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  let adminUser: TestUser;
  let admin: string;
  let staff: string;
  let copil: string;
  let budgetLineId: string;

  beforeEach(async () => {
    ({ app, deps } = await engineApp({}, testConfig({ EMPREINTE_POLICY_DOMESTIC_FLIGHTS_JUSTIFIED: false, EMPREINTE_POLICY_RECRUITMENT_ABROAD_JUSTIFIED: true })));
    const entityId = (await createEntity(deps.database, { name: 'LGEI' })).id;
    budgetLineId = (await createBudgetLine(deps.database, entityId)).id;
    adminUser = await createUser(deps.database, { roles: ['admin'], name: 'Camille Admin' });
    admin = await bearerFor(deps.database, adminUser);
    staff = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], entityId }));
    copil = await bearerFor(deps.database, await createUser(deps.database, { roles: ['copil'] }));
  });

  const set = (key: string, enabled: boolean, note?: string) => request(app).post('/api/admin/policies').set('Authorization', admin).send({ key, enabled, ...(note ? { note } : {}) });
  const overview = async (who = admin) => (await request(app).get('/api/admin/policies').set('Authorization', who).expect(200)).body;
  const domesticFlags = async () => ((await request(app).post('/api/quote').send({ legs: [{ mode: 'plane', from: 'MRS', to: 'AJA' }] }).expect(200)).body as { policy: Array<{ code: string }> }).policy.map((f) => f.code);

  it('starts from the deployment defaults, then each change is a new row that applies at once, with its history', async () => {
    expect((await overview()).switches).toEqual([
      { key: 'domestic_flights_justified', enabled: false, source: 'default' },
      { key: 'recruitment_abroad_justified', enabled: true, source: 'default' },
    ]);
    // Asked once before the change: the quote cache must not answer with the old rules after it.
    expect(await domesticFlags()).not.toContain('flight.domestic');

    const on = await set('domestic_flights_justified', true, 'Décision du copil').expect(201);
    expect(on.body.change).toMatchObject({ key: 'domestic_flights_justified', enabled: true, note: 'Décision du copil' });
    expect(await domesticFlags()).toContain('flight.domestic');
    await set('domestic_flights_justified', false).expect(201);
    expect(await domesticFlags()).not.toContain('flight.domestic');

    const after = await overview(copil);
    expect(after.switches[0]).toEqual({ key: 'domestic_flights_justified', enabled: false, source: 'admin' });
    expect(after.history.map((h: { enabled: boolean }) => h.enabled)).toEqual([false, true]); // newest first
    expect(after.history[1]).toMatchObject({ note: 'Décision du copil', setBy: expect.stringMatching(/^usr_/) });
    expect(await count(deps.database, 'policy_switches')).toBe(2);
    await expect(execute(deps.database, 'update policy_switches set enabled = true')).rejects.toThrow(/append-only/);
  });

  it('the recruitment rule turned off in the application lets a recruitment flight be submitted without a reason', async () => {
    const recruitment = async () => (await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'recruitment', budgetLineId, trip: montrealTrip }).expect(201)).body.id as string;
    const flying = await recruitment();
    await request(app).post(`/api/missions/${flying}/submit`).set('Authorization', staff).send({}).expect(400);
    await set('recruitment_abroad_justified', false).expect(201);
    expect((await request(app).get(`/api/missions/${flying}`).set('Authorization', staff).expect(200)).body.flags).toEqual([]);
    await request(app).post(`/api/missions/${flying}/submit`).set('Authorization', staff).send({}).expect(200);
  });

  it('a switch another process or instance wrote applies here: at once on SQLite, at the next refresh on PostgreSQL', async () => {
    expect(buildDeps({ config: testConfig(), database: deps.database, clock: deps.clock }).policies).toBe(deps.policies); // one book per database
    expect(await domesticFlags()).not.toContain('flight.domestic');
    // Written beside this process's use case, as the CLI or another instance would.
    await execute(deps.database, 'insert into policy_switches (id, key, enabled, set_at) values (?, ?, ?, ?)', 'pol_elsewhere', 'domestic_flights_justified', deps.database.engine === 'postgres' ? true : 1, '2026-11-27T10:00:00.000Z');
    if (deps.database.engine === 'postgres') {
      expect(await domesticFlags()).not.toContain('flight.domestic');
      await deps.policies.refresh();
    }
    expect(deps.policies.current().domesticFlightsJustified).toBe(true);
    expect(await domesticFlags()).toContain('flight.domestic');
  });

  it('refuses bad input naming the field, and anyone but an admin, changing nothing', async () => {
    const path = async (body: Record<string, unknown>) => (await request(app).post('/api/admin/policies').set('Authorization', admin).send(body).expect(400)).body.error.details[0].path;
    expect(await path({ key: 'no_flights_at_all', enabled: true })).toBe('key');
    expect(await path({ key: 'domestic_flights_justified', enabled: 'yes' })).toBe('enabled');
    expect(await path({ key: 'domestic_flights_justified', enabled: true, note: 'x'.repeat(501) })).toBe('note');
    expect(await path({ key: 'domestic_flights_justified', enabled: true, setBy: 'usr_someone' })).toBe('setBy');
    await request(app).post('/api/admin/policies').set('Authorization', staff).send({ key: 'domestic_flights_justified', enabled: true }).expect(403);
    await request(app).post('/api/admin/policies').set('Authorization', copil).send({ key: 'domestic_flights_justified', enabled: true }).expect(403);
    await request(app).get('/api/admin/policies').set('Authorization', staff).expect(403);
    expect(await count(deps.database, 'policy_switches')).toBe(0);
  });

  it('the admin page turns a switch the other way with a reason, shows who did it, and refuses a forged form', async () => {
    const { agent, csrfToken } = await signedInAgent(app, adminUser);
    const page = await agent.get('/admin/policies').expect(200);
    expect(page.text).toContain('Expérimentation sur les vols intérieurs');
    expect(page.text).toContain('valeur par défaut du déploiement');
    // Each switch's form offers the opposite of its state: on for the trial (off), off for recruitment (on).
    expect([...page.text.matchAll(/name="enabled" value="(on|off)"/g)].map((m) => m[1])).toEqual(['on', 'off']);
    await agent.post('/admin/policies').type('form').send({ _csrf: csrfToken, key: 'domestic_flights_justified', enabled: 'on', note: 'Copil du 12 mars' }).expect(303);
    const after = await agent.get('/admin/policies').expect(200);
    expect(after.text).toContain('Camille Admin');
    expect(after.text).toContain('Copil du 12 mars');
    expect([...after.text.matchAll(/name="enabled" value="(on|off)"/g)].map((m) => m[1])).toEqual(['off', 'off']);
    expect(await domesticFlags()).toContain('flight.domestic');

    const forged = await agent.post('/admin/policies').type('form').send({ _csrf: csrfToken, key: 'everything_off', enabled: 'off' }).expect(400);
    expect(forged.text).toContain('role="alert"');
    expect(await count(deps.database, 'policy_switches')).toBe(1);
  });
});
