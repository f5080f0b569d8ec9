import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { installLedgerAuditor, trackLedger } from '../helpers/ledger-auditor.ts';
import { count, execute } from '../helpers/sql.ts';
import { testConfig } from '../../src/config.ts';
import { montrealTrip, trainTrip } from '../missions/fixtures.ts';

installLedgerAuditor();

// The carbon quota per entity (issue 12, point 3) and the recruitment-abroad rule (point 4a), over
// HTTP on the test's engine.
describe('carbon quota per entity', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  let entityId: string;
  let budgetLineId: string;
  let staff: string;
  let admin: string;
  let secretariat: string;
  let copil: string;

  async function setUp(config = testConfig()) {
    ({ app, deps } = await engineApp({}, config));
    trackLedger(deps.database);
    entityId = (await createEntity(deps.database, { name: 'LGEI' })).id;
    budgetLineId = (await createBudgetLine(deps.database, entityId)).id;
    staff = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], entityId }));
    admin = await bearerFor(deps.database, await createUser(deps.database, { roles: ['admin'] }));
    secretariat = await bearerFor(deps.database, await createUser(deps.database, { roles: ['secretariat'] }));
    copil = await bearerFor(deps.database, await createUser(deps.database, { roles: ['copil'] }));
  }
  beforeEach(() => setUp());

  const setQuota = (quotaKg: number, severity = 'justification', year = 2027) => request(app).post('/api/quotas').set('Authorization', admin).send({ entityId, year, quotaKg, severity });
  const draft = async (fields: Record<string, unknown> = {}) =>
    (await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'conference', budgetLineId, trip: montrealTrip, ...fields }).expect(201)).body as { id: string; co2eGrams: number };
  const submit = (id: string) => request(app).post(`/api/missions/${id}/submit`).set('Authorization', staff).send({});
  const detail = async (id: string) => (await request(app).get(`/api/missions/${id}`).set('Authorization', staff).expect(200)).body;

  it('shows the quota, what other missions use, this share and what remains; over it, a justification is asked', async () => {
    await setQuota(2500).expect(201);
    const first = await draft({ justification: 'Communication invitée au congrès annuel' });
    const before = await detail(first.id);
    expect(before.quota).toMatchObject({ year: 2027, quotaGrams: 2_500_000, usedGrams: 0, missionGrams: first.co2eGrams, remainingGrams: 2_500_000 - first.co2eGrams, exceeded: false, asOf: null });
    await submit(first.id).expect(200);

    const second = await draft();
    const usage = (await request(app).get(`/api/quotas/usage?entity=${entityId}&year=2027&co2eGrams=${second.co2eGrams}`).set('Authorization', staff).expect(200)).body.usage;
    expect(usage).toMatchObject({ usedGrams: first.co2eGrams, missionGrams: second.co2eGrams, remainingGrams: 2_500_000 - first.co2eGrams - second.co2eGrams, exceeded: true });
    const flagged = await detail(second.id);
    expect(flagged.flags).toEqual([expect.objectContaining({ code: 'quota.exceeded', severity: 'justification_required' })]);
    expect(flagged.flags[0].message).toMatch(/dépasse le quota carbone 2027/);

    const refused = await submit(second.id).expect(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['justification']);
    expect(await count(deps.database, 'mission_quota_checks', 'mission_id = ?', second.id)).toBe(0);
    await request(app).patch(`/api/missions/${second.id}`).set('Authorization', staff).send({ justification: 'Seul vol possible pour ce jury de thèse' }).expect(200);
    await submit(second.id).expect(200);
  });

  it('only warns when the quota says so', async () => {
    await setQuota(1, 'warning').expect(201);
    const mission = await draft();
    await submit(mission.id).expect(200);
    expect((await detail(mission.id)).flags).toEqual([expect.objectContaining({ code: 'quota.exceeded', severity: 'warning' })]);
  });

  it('keeps the verdict a mission was submitted with: a later quota change rewrites nothing', async () => {
    await setQuota(1, 'warning').expect(201);
    const mission = await draft();
    await submit(mission.id).expect(200);
    await setQuota(100_000).expect(201);
    const after = await detail(mission.id);
    expect(after.quota).toMatchObject({ quotaGrams: 1000, exceeded: true, severity: 'warning' });
    expect(after.quota.asOf).toBeTruthy();
    // The new quota is the one in force for what comes next.
    expect((await request(app).get(`/api/quotas/usage?entity=${entityId}&year=2027&co2eGrams=0`).set('Authorization', staff).expect(200)).body.usage.quotaGrams).toBe(100_000_000);
    const overview = (await request(app).get('/api/quotas?year=2027').set('Authorization', admin).expect(200)).body;
    expect(overview.history.map((h: { quotaGrams: number }) => h.quotaGrams)).toEqual([100_000_000, 1000]);
    for (const table of ['carbon_quotas', 'mission_quota_checks']) {
      await expect(execute(deps.database, `update ${table} set id = id`)).rejects.toThrow(/append-only/);
      await expect(execute(deps.database, `delete from ${table}`)).rejects.toThrow(/append-only/);
    }
  });

  it('counts only the entity’s submitted and validated missions of that year', async () => {
    await setQuota(100_000).expect(201);
    const kept = await draft();
    await submit(kept.id).expect(200);
    const withdrawn = await draft();
    await submit(withdrawn.id).expect(200);
    await request(app).post(`/api/missions/${withdrawn.id}/cancel`).set('Authorization', staff).send({}).expect(200);
    await draft(); // a draft counts for nothing
    const otherYear = await draft({ trip: { ...trainTrip, departAt: '2028-02-02T07:00:00+01:00', returnAt: '2028-02-02T21:00:00+01:00' } });
    await submit(otherYear.id).expect(200);
    const usage = (await request(app).get(`/api/quotas/usage?entity=${entityId}&year=2027`).set('Authorization', staff).expect(200)).body.usage;
    expect(usage.usedGrams).toBe(kept.co2eGrams);
  });

  it('the copil report sets each quota against the year’s emissions', async () => {
    await setQuota(10_000).expect(201);
    const mission = await draft();
    await submit(mission.id).expect(200);
    await request(app).post(`/api/missions/${mission.id}/validate`).set('Authorization', secretariat).send({}).expect(200);
    const report = (await request(app).get('/api/reports/copil?year=2027').set('Authorization', copil).expect(200)).body;
    const lgei = report.breakdowns.entity.find((row: { key: string }) => row.key === 'LGEI');
    expect(report.quotas).toEqual([{ entityId, entityName: 'LGEI', quotaGrams: 10_000_000, actualGrams: lgei.co2eGrams.current, percent: Math.round((lgei.co2eGrams.current / 10_000_000) * 1000) / 10, exceeded: false }]);
    expect(lgei.co2eGrams.current).toBeGreaterThan(0);
  });

  it('refuses bad quotas with a 400 naming the field, and non-admins with 403', async () => {
    expect((await setQuota(-1).expect(400)).body.error.details[0].path).toBe('quotaKg');
    expect((await setQuota(10, 'severe').expect(400)).body.error.details[0].path).toBe('severity');
    expect((await setQuota(10, 'warning', 1800).expect(400)).body.error.details[0].path).toBe('year');
    const unknown = await request(app).post('/api/quotas').set('Authorization', admin).send({ entityId: 'ent_nope', year: 2027, quotaKg: 10 }).expect(400);
    expect(unknown.body.error.details[0].path).toBe('entityId');
    await request(app).post('/api/quotas').set('Authorization', staff).send({ entityId, year: 2027, quotaKg: 10 }).expect(403);
    await request(app).get('/api/quotas').set('Authorization', staff).expect(403);
    expect(await count(deps.database, 'carbon_quotas')).toBe(0);
  });
});

describe('recruitment abroad (the action plan: by video conference)', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  let staff: string;
  let budgetLineId: string;

  async function setUp(recruitmentRule: 'true' | 'false') {
    ({ app, deps } = await engineApp({}, testConfig({ EMPREINTE_POLICY_RECRUITMENT_ABROAD_JUSTIFIED: recruitmentRule === 'true' })));
    const entityId = (await createEntity(deps.database, { name: 'LGEI' })).id;
    budgetLineId = (await createBudgetLine(deps.database, entityId)).id;
    staff = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], entityId }));
  }
  const recruitment = async (fields: Record<string, unknown> = {}) =>
    (await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'recruitment', budgetLineId, trip: montrealTrip, ...fields }).expect(201)).body.id as string;

  it('asks a reason to fly abroad for a recruitment, unless video conference is stated impossible', async () => {
    await setUp('true');
    const flying = await recruitment();
    const flags = (await request(app).get(`/api/missions/${flying}?lang=en`).set('Authorization', staff).expect(200)).body.flags;
    expect(flags).toEqual([expect.objectContaining({ code: 'recruitment.flight_abroad', severity: 'justification_required', message: expect.stringMatching(/video conference/) })]);
    const refused = await request(app).post(`/api/missions/${flying}/submit`).set('Authorization', staff).send({}).expect(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['justification']);

    const stated = await recruitment({ visioImpossible: true });
    expect((await request(app).get(`/api/missions/${stated}`).set('Authorization', staff).expect(200)).body).toMatchObject({ visioImpossible: true, flags: [] });
    await request(app).post(`/api/missions/${stated}/submit`).set('Authorization', staff).send({}).expect(200);
    // The same trip for a conference asks nothing of the kind.
    const conference = (await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'conference', budgetLineId, trip: montrealTrip }).expect(201)).body.id;
    await request(app).post(`/api/missions/${conference}/submit`).set('Authorization', staff).send({}).expect(200);
  });

  it('records a recruitment held by video conference in one call, counted by the copil beside the missions', async () => {
    await setUp('true');
    const secretariat = await bearerFor(deps.database, await createUser(deps.database, { roles: ['secretariat'] }));
    const copil = await bearerFor(deps.database, await createUser(deps.database, { roles: ['copil'] }));
    const flown = await recruitment({ visioImpossible: true, trip: { ...montrealTrip, departAt: '2026-12-10T07:00:00+01:00', returnAt: '2026-12-14T21:00:00-05:00' } });
    await request(app).post(`/api/missions/${flown}/submit`).set('Authorization', staff).send({}).expect(200);
    await request(app).post(`/api/missions/${flown}/validate`).set('Authorization', secretariat).send({}).expect(200);
    const share = async () => (await request(app).get('/api/reports/copil?year=2026').set('Authorization', copil).expect(200)).body.shares.recruitmentByVisio.current;
    const before = await share();
    expect(before).toMatchObject({ numerator: 0, denominator: 1 });

    const recorded = await request(app).post('/api/visio-recruitments').set('Authorization', staff).send({ country: 'CN', heldOn: '2026-11-20' }).expect(201);
    expect(recorded.body.visioRecruitment).toMatchObject({ country: 'CN', heldOn: '2026-11-20' });
    const today = await request(app).post('/api/visio-recruitments').set('Authorization', staff).send({ country: 'BR' }).expect(201);
    expect(today.body.visioRecruitment.heldOn).toBe('2026-11-27'); // the test clock's Paris day
    expect(await share()).toEqual({ numerator: 2, denominator: 3, percent: 66.7 });
    expect((await request(app).get('/api/visio-recruitments').set('Authorization', staff).expect(200)).body.visioRecruitments).toHaveLength(2);

    const path = async (body: Record<string, unknown>, who = staff) => (await request(app).post('/api/visio-recruitments').set('Authorization', who).send(body).expect(400)).body.error.details[0].path;
    expect(await path({ country: 'FR' })).toBe('country');
    expect(await path({ country: 'ZZ' })).toBe('country');
    expect(await path({ country: 'CN', heldOn: '2026-11-28' })).toBe('heldOn');
    expect(await path({ country: 'CN', extra: 1 })).toBe('extra');
    const homeless = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'] }));
    expect(await path({ country: 'CN' }, homeless)).toBe('entityId');
    await request(app).post('/api/visio-recruitments').set('Authorization', copil).send({ country: 'CN' }).expect(403);
    expect(await count(deps.database, 'visio_recruitments')).toBe(2);
    await expect(execute(deps.database, 'delete from visio_recruitments')).rejects.toThrow(/append-only/);
  });

  it('a record made by mistake is withdrawn by its author, once, by a row beside it; the copil leaves it out', async () => {
    await setUp('true');
    const copil = await bearerFor(deps.database, await createUser(deps.database, { roles: ['copil'] }));
    const share = async () => (await request(app).get('/api/reports/copil?year=2026').set('Authorization', copil).expect(200)).body.shares.recruitmentByVisio.current;
    const kept = (await request(app).post('/api/visio-recruitments').set('Authorization', staff).send({ country: 'CN' }).expect(201)).body.visioRecruitment.id;
    const mistake = (await request(app).post('/api/visio-recruitments').set('Authorization', staff).send({ country: 'BR' }).expect(201)).body.visioRecruitment.id;
    expect(await share()).toMatchObject({ numerator: 2, denominator: 2 });

    const other = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], entityId: (await createEntity(deps.database, { name: 'CERIS' })).id }));
    expect((await request(app).post(`/api/visio-recruitments/${mistake}/withdraw`).set('Authorization', other).send({}).expect(404)).body.error.code).toBe('visio_recruitment.not_found');
    await request(app).post('/api/visio-recruitments/vrc_nope/withdraw').set('Authorization', staff).send({}).expect(404);
    await request(app).post('/api/visio-recruitments/not-an-id/withdraw').set('Authorization', staff).send({}).expect(404);
    expect((await request(app).post(`/api/visio-recruitments/${mistake}/withdraw`).set('Authorization', staff).send({ reason: 'x' }).expect(400)).body.error.details[0].path).toBe('reason');

    const withdrawn = await request(app).post(`/api/visio-recruitments/${mistake}/withdraw`).set('Authorization', staff).send({}).expect(200);
    expect(withdrawn.body.visioRecruitment).toMatchObject({ id: mistake, withdrawnAt: '2026-11-27T10:00:00.000Z' });
    expect((await request(app).post(`/api/visio-recruitments/${mistake}/withdraw`).set('Authorization', staff).send({}).expect(409)).body.error.code).toBe('visio_recruitment.withdrawn');
    expect(await share()).toMatchObject({ numerator: 1, denominator: 1 });
    const mine = (await request(app).get('/api/visio-recruitments').set('Authorization', staff).expect(200)).body.visioRecruitments;
    expect(Object.fromEntries(mine.map((r: { id: string; withdrawnAt: string | null }) => [r.id, r.withdrawnAt]))).toEqual({ [kept]: null, [mistake]: '2026-11-27T10:00:00.000Z' });
    expect(await count(deps.database, 'visio_recruitments')).toBe(2);
    expect(await count(deps.database, 'visio_recruitment_withdrawals')).toBe(1);
    await expect(execute(deps.database, 'delete from visio_recruitment_withdrawals')).rejects.toThrow(/append-only/);
  });

  it('two withdrawals of one record racing book one', async () => {
    await setUp('true');
    const id = (await request(app).post('/api/visio-recruitments').set('Authorization', staff).send({ country: 'CN' }).expect(201)).body.visioRecruitment.id;
    const answers = await Promise.all([0, 1, 2].map(() => request(app).post(`/api/visio-recruitments/${id}/withdraw`).set('Authorization', staff).send({})));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(await count(deps.database, 'visio_recruitment_withdrawals')).toBe(1);
  });

  it('is a switch: off, a recruitment flight needs nothing more', async () => {
    await setUp('false');
    const flying = await recruitment();
    await request(app).post(`/api/missions/${flying}/submit`).set('Authorization', staff).send({}).expect(200);
  });
});
