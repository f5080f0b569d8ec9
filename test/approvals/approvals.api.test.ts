import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { installLedgerAuditor, trackLedger } from '../helpers/ledger-auditor.ts';
import { count, execute, select } from '../helpers/sql.ts';
import { testConfig } from '../../src/config.ts';
import { montrealTrip, trainTrip } from '../missions/fixtures.ts';

installLedgerAuditor();

// The approval chain before the secretariat (issue 12, point 1), over HTTP on the test's engine.
describe('approval chain', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  let entityId: string;
  let otherEntityId: string;
  let budgetLineId: string;
  const people: Record<string, TestUser> = {};
  const tokens: Record<string, string> = {};

  beforeEach(async () => {
    ({ app, deps } = await engineApp({}, testConfig({ EMPREINTE_PUBLIC_URL: 'https://empreinte.example.org' })));
    trackLedger(deps.database);
    entityId = (await createEntity(deps.database, { name: 'LGEI' })).id;
    otherEntityId = (await createEntity(deps.database, { name: 'C2MA' })).id;
    budgetLineId = (await createBudgetLine(deps.database, entityId, { code: 'ANR-22' })).id;
    const roles = { traveller: ['staff'], head: ['staff'], holder: ['staff'], otherHead: ['staff'], secondHead: ['staff'], secretariat: ['secretariat'], admin: ['admin'] } as const;
    for (const [name, held] of Object.entries(roles)) {
      people[name] = await createUser(deps.database, { roles: [...held], entityId: name === 'otherHead' ? otherEntityId : entityId, name });
      tokens[name] = await bearerFor(deps.database, people[name]!);
    }
  });

  const as = (who: string) => ({ Authorization: tokens[who]! });
  const configure = (chain: string, budgetHolderAboveCents = 0, entity = entityId) =>
    request(app).put(`/api/entities/${entity}/approval-settings`).set(as('admin')).send({ chain, budgetHolderAboveCents });
  const grant = (kind: string, scopeId: string, who: string) => request(app).post('/api/approvers/grant').set(as('admin')).send({ kind, scopeId, userId: people[who]!.id });

  async function submit(trip: unknown = montrealTrip, traveller = 'traveller'): Promise<{ id: string; version: number; approvalsPending: number }> {
    const created = await request(app).post('/api/missions').set(as(traveller)).send({ purpose: 'conference', budgetLineId, justification: 'Communication invitée au congrès annuel', trip }).expect(201);
    const sent = await request(app).post(`/api/missions/${created.body.id}/submit`).set(as(traveller)).send({}).expect(200);
    return sent.body;
  }
  const queueOf = async (who: string) => ((await request(app).get('/api/approvals').set(as(who)).expect(200)).body.missions as Array<{ id: string }>).map((m) => m.id);
  const secretariatQueue = async () => ((await request(app).get('/api/missions?status=submitted&approval=complete').set(as('secretariat')).expect(200)).body.missions as Array<{ id: string }>).map((m) => m.id);
  const outbox = (missionId: string) => select<{ kind: string; recipient: string }>(deps.database, 'select kind as "kind", recipient as "recipient" from notification_outbox where mission_id = ? order by created_at, recipient', missionId);

  beforeEach(async () => {
    await configure('head_budget_holder', 50_000).expect(200);
    await grant('head', entityId, 'head').expect(200);
    await grant('budget_holder', budgetLineId, 'holder').expect(200);
  });

  it('takes a flight through the head, then the holder, then the secretariat, each told in turn', async () => {
    const mission = await submit();
    expect(mission.approvalsPending).toBe(2);
    expect(await secretariatQueue()).not.toContain(mission.id);
    expect(await queueOf('head')).toEqual([mission.id]);
    expect(await queueOf('holder')).toEqual([]); // the head first
    expect((await outbox(mission.id)).map((n) => [n.kind, n.recipient])).toEqual([['mission.approval_requested', people.head!.email]]);

    const early = await request(app).post(`/api/missions/${mission.id}/validate`).set(as('secretariat')).send({}).expect(409);
    expect(early.body.error.code).toBe('mission.approvals_pending');
    await request(app).post(`/api/missions/${mission.id}/approve`).set(as('holder')).send({}).expect(403);

    const afterHead = await request(app).post(`/api/missions/${mission.id}/approve`).set(as('head')).send({ comment: 'Conférence prévue au budget' }).expect(200);
    expect(afterHead.body).toMatchObject({ status: 'submitted', approvalsPending: 1 });
    expect(await queueOf('head')).toEqual([]);
    expect(await queueOf('holder')).toEqual([mission.id]);
    expect((await outbox(mission.id)).filter((n) => n.recipient === people.holder!.email).map((n) => n.kind)).toEqual(['mission.approval_requested']);

    await request(app).post(`/api/missions/${mission.id}/approve`).set(as('holder')).send({ version: afterHead.body.version }).expect(200);
    expect(await secretariatQueue()).toEqual([mission.id]);
    expect((await outbox(mission.id)).filter((n) => n.recipient === people.secretariat!.email).map((n) => n.kind)).toEqual(['mission.submitted']);

    await request(app).post(`/api/missions/${mission.id}/validate`).set(as('secretariat')).send({}).expect(200);
    expect(await count(deps.database, 'ledger_transfers', 'cause_ref = ?', mission.id)).toBe(1);

    const detail = await request(app).get(`/api/missions/${mission.id}`).set(as('traveller')).expect(200);
    expect(detail.body.approval).toMatchObject({ steps: ['head', 'budget_holder'], awaiting: null });
    expect(detail.body.approval.decisions.map((d: { step: string; decision: string; actorId: string; comment: string | null }) => [d.step, d.decision, d.actorId, d.comment])).toEqual([
      ['head', 'approved', people.head!.id, 'Conférence prévue au budget'],
      ['budget_holder', 'approved', people.holder!.id, null],
    ]);
  });

  it('asks the holder only above the amount or for a flight', async () => {
    const train = await submit(trainTrip);
    expect(train.approvalsPending).toBe(1);
    await configure('head_budget_holder', 0).expect(200);
    expect((await submit(trainTrip)).approvalsPending).toBe(2);
    await configure('head').expect(200);
    expect((await submit(montrealTrip)).approvalsPending).toBe(1);
    await configure('none').expect(200);
    const direct = await submit(montrealTrip);
    expect(direct.approvalsPending).toBe(0);
    expect(await secretariatQueue()).toEqual([direct.id]);
    expect((await outbox(direct.id)).map((n) => n.kind)).toEqual(['mission.submitted']);
  });

  it('a change of chain never changes a mission already submitted', async () => {
    const mission = await submit();
    await configure('none').expect(200);
    expect(await queueOf('head')).toEqual([mission.id]);
    await request(app).post(`/api/missions/${mission.id}/validate`).set(as('secretariat')).send({}).expect(409);
  });

  it('an approver returns with a comment; the next submission starts a new round', async () => {
    const mission = await submit();
    await request(app).post(`/api/missions/${mission.id}/return`).set(as('head')).send({}).expect(400);
    const returned = await request(app).post(`/api/missions/${mission.id}/return`).set(as('head')).send({ comment: 'Précisez le programme' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', approvalsPending: 0 });
    await request(app).post(`/api/missions/${mission.id}/reject`).set(as('head')).send({ comment: 'non' }).expect(403); // only the secretariat rejects
    expect((await outbox(mission.id)).filter((n) => n.recipient === people.traveller!.email).map((n) => n.kind)).toEqual(['mission.returned']);

    const again = await request(app).post(`/api/missions/${mission.id}/submit`).set(as('traveller')).send({}).expect(200);
    expect(again.body.approvalsPending).toBe(2);
    const detail = await request(app).get(`/api/missions/${mission.id}`).set(as('head')).expect(200);
    expect(detail.body.approval.awaiting).toBe('head');
    expect(detail.body.approval.decisions).toHaveLength(1);
    expect(detail.body.approval.decisions[0]).toMatchObject({ step: 'head', decision: 'returned', comment: 'Précisez le programme' });
    expect(detail.body.approval.decisions[0].roundId).not.toBe(detail.body.approval.roundId);
    expect(detail.body.actions).toEqual(expect.arrayContaining(['approve', 'return']));
  });

  it('four-eyes: nobody approves their own mission or two steps of one submission; an admin may take a step', async () => {
    await grant('budget_holder', budgetLineId, 'head').expect(200);
    const mission = await submit();
    await request(app).post(`/api/missions/${mission.id}/approve`).set(as('head')).send({}).expect(200);
    expect(await queueOf('head')).toEqual([]);
    const twice = await request(app).post(`/api/missions/${mission.id}/approve`).set(as('head')).send({}).expect(403);
    expect(twice.body.error.code).toBe('mission.not_approver');

    const own = await submit(montrealTrip, 'head');
    await request(app).post(`/api/missions/${own.id}/approve`).set(as('head')).send({}).expect(403);
    expect(await queueOf('head')).not.toContain(own.id);
    await request(app).post(`/api/missions/${own.id}/approve`).set(as('admin')).send({}).expect(200);
  });

  it('an approver outside the mission’s entity gets 404, for reading as for acting', async () => {
    await grant('head', otherEntityId, 'otherHead').expect(200);
    const mission = await submit();
    await request(app).get(`/api/missions/${mission.id}`).set(as('otherHead')).expect(404);
    await request(app).post(`/api/missions/${mission.id}/approve`).set(as('otherHead')).send({}).expect(404);
    await request(app).post(`/api/missions/${mission.id}/return`).set(as('otherHead')).send({ comment: 'Pas chez nous' }).expect(404);
    expect(await queueOf('otherHead')).toEqual([]);
    // A draft stays the traveller's own, even for the head.
    const draft = await request(app).post('/api/missions').set(as('traveller')).send({ purpose: 'conference', budgetLineId, trip: trainTrip }).expect(201);
    await request(app).get(`/api/missions/${draft.body.id}`).set(as('head')).expect(404);
    await request(app).get(`/api/missions/${mission.id}`).set(as('head')).expect(200);
  });

  it('of two heads approving at once, one books the step', async () => {
    await grant('head', entityId, 'secondHead').expect(200);
    const mission = await submit();
    const answers = await Promise.all(['head', 'secondHead'].map((who) => request(app).post(`/api/missions/${mission.id}/approve`).set(as(who)).send({ version: mission.version })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await count(deps.database, 'mission_approvals', 'mission_id = ?', mission.id)).toBe(1);
    const detail = await request(app).get(`/api/missions/${mission.id}`).set(as('traveller')).expect(200);
    expect(detail.body).toMatchObject({ approvalsPending: 1, approval: { awaiting: 'budget_holder' } });
  });

  it('refuses bad settings and approvers with a 400 naming the field, non-admins with 403, and changes nothing', async () => {
    const before = await count(deps.database, 'approval_settings');
    const badChain = await configure('boss').expect(400);
    expect(badChain.body.error.details[0].path).toBe('chain');
    const negative = await request(app).put(`/api/entities/${entityId}/approval-settings`).set(as('admin')).send({ chain: 'head', budgetHolderAboveCents: -1 }).expect(400);
    expect(negative.body.error.details[0].path).toBe('budgetHolderAboveCents');
    const unknown = await configure('head', 0, 'ent_nope').expect(400);
    expect(unknown.body.error.details[0].path).toBe('entityId');
    await request(app).put(`/api/entities/${entityId}/approval-settings`).set(as('head')).send({ chain: 'none' }).expect(403);
    const wrongScope = await grant('head', budgetLineId, 'holder').expect(400);
    expect(wrongScope.body.error.details[0].path).toBe('scopeId');
    const nobody = await request(app).post('/api/approvers/grant').set(as('admin')).send({ kind: 'head', scopeId: entityId, userId: 'usr_nobody' }).expect(400);
    expect(nobody.body.error.details[0].path).toBe('userId');
    expect(await count(deps.database, 'approval_settings')).toBe(before);
  });

  it('keeps every change: granting twice writes nothing, a withdrawal is a new row, and rows never change', async () => {
    expect((await grant('head', entityId, 'head').expect(200)).body).toEqual({ changed: false });
    const withdraw = await request(app).post('/api/approvers/withdraw').set(as('admin')).send({ kind: 'head', scopeId: entityId, userId: people.head!.id }).expect(200);
    expect(withdraw.body).toEqual({ changed: true });
    expect(await count(deps.database, 'approvers', 'user_id = ?', people.head!.id)).toBe(2);
    // With no head left, the step goes to the admins, who are told.
    const mission = await submit();
    expect((await outbox(mission.id)).map((n) => [n.kind, n.recipient])).toEqual([['mission.approval_requested', people.admin!.email]]);
    const overview = (await request(app).get('/api/approval-settings').set(as('admin')).expect(200)).body.entities;
    const mine = overview.find((e: { entity: { id: string } }) => e.entity.id === entityId);
    expect(mine).toMatchObject({ settings: { chain: 'head_budget_holder', budgetHolderAboveCents: 50_000 }, heads: [] });
    expect(mine.budgetLines[0].holders.map((h: { userId: string }) => h.userId)).toEqual([people.holder!.id]);
    for (const table of ['approvers', 'approval_settings', 'approval_rounds']) {
      await expect(execute(deps.database, `update ${table} set id = id`)).rejects.toThrow(/append-only/);
      await expect(execute(deps.database, `delete from ${table}`)).rejects.toThrow(/append-only/);
    }
  });
});
