import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { testConfig } from '../../src/config.ts';
import { dispatchDue } from '../../src/notifications/notifications.usecases.ts';
import { trainTrip } from '../missions/fixtures.ts';

// The outbox for the admin: what it holds per status, and a message only logged (no SMTP server
// then) or given up sent again.
describe('outbox administration', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  let admin: TestUser;
  let adminToken: string;
  let staff: string;

  beforeEach(async () => {
    ({ app, deps } = await engineApp({}, testConfig({ EMPREINTE_PUBLIC_URL: 'https://empreinte.example.org' })));
    const entityId = (await createEntity(deps.database)).id;
    const budgetLineId = (await createBudgetLine(deps.database, entityId)).id;
    admin = await createUser(deps.database, { roles: ['admin'] });
    adminToken = await bearerFor(deps.database, admin);
    await createUser(deps.database, { roles: ['secretariat'] });
    staff = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], entityId }));
    const mission = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'meeting', budgetLineId, trip: trainTrip }).expect(201);
    await request(app).post(`/api/missions/${mission.body.id}/submit`).set('Authorization', staff).send({}).expect(200);
  });

  const overview = async (query = '') => (await request(app).get(`/api/admin/notifications${query}`).set('Authorization', adminToken).expect(200)).body;

  it('lists the messages per status and sends a logged one again', async () => {
    expect((await overview()).counts).toEqual({ pending: 1, sent: 0, logged: 0, failed: 0 });
    await dispatchDue({ database: deps.database, clock: deps.clock, mailer: null, log: () => {} });
    const logged = await overview('?status=logged');
    expect(logged.counts).toMatchObject({ pending: 0, logged: 1 });
    expect(logged.messages).toHaveLength(1);
    expect(logged.messages[0]).not.toHaveProperty('bodyHtml');
    const id = logged.messages[0].id;

    await request(app).post(`/api/admin/notifications/${id}/retry`).set('Authorization', adminToken).send({}).expect(200);
    expect((await overview('?status=pending')).messages.map((m: { id: string; attempts: number }) => [m.id, m.attempts])).toEqual([[id, 0]]);
    const again = await request(app).post(`/api/admin/notifications/${id}/retry`).set('Authorization', adminToken).send({}).expect(409);
    expect(again.body.error.code).toBe('notification.not_retryable');
    await request(app).post('/api/admin/notifications/ntf_nope/retry').set('Authorization', adminToken).send({}).expect(404);
    await request(app).post(`/api/admin/notifications/${id}/retry`).set('Authorization', staff).send({}).expect(403);
    await request(app).get('/api/admin/notifications?status=lost').set('Authorization', adminToken).expect(400);
  });

  it('shows the outbox on a page whose button sends a message again', async () => {
    await dispatchDue({ database: deps.database, clock: deps.clock, mailer: null, log: () => {} });
    const { agent, csrfToken } = await signedInAgent(app, admin);
    const page = await agent.get('/admin/notifications').expect(200);
    const id = /action="\/admin\/notifications\/(ntf_[^/]+)\/retry"/.exec(page.text)![1]!;
    await agent.post(`/admin/notifications/${id}/retry`).type('form').send({ _csrf: csrfToken }).expect(303);
    expect((await overview('?status=pending')).messages).toHaveLength(1);
    const refused = await agent.post(`/admin/notifications/${id}/retry`).type('form').send({ _csrf: csrfToken }).expect(409);
    expect(refused.text).toContain('role="alert"');
  });
});
