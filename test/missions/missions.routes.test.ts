import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { installLedgerAuditor, trackLedger } from '../helpers/ledger-auditor.ts';
import { bannedTrip, montrealTrip, parisFlightTrip } from './fixtures.ts';
import { count, select } from '../helpers/sql.ts';

installLedgerAuditor();

describe('missions API over HTTP', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  let staff: string;
  let secretariat: string;
  let budgetLineId: string;
  let staffUser: Awaited<ReturnType<typeof createUser>>;

  beforeEach(async () => {
    ({ app, deps } = await engineApp());
    trackLedger(deps.database);
    const entity = await createEntity(deps.database);
    budgetLineId = (await createBudgetLine(deps.database, entity.id)).id;
    staffUser = await createUser(deps.database, { roles: ['staff'], entityId: entity.id });
    staff = await bearerFor(deps.database, staffUser);
    secretariat = await bearerFor(deps.database, await createUser(deps.database, { roles: ['secretariat'] }));
  });

  const transfers = (missionId: string) =>
    select<{ key: string; amountCents: number; co2eGrams: number }>(deps.database, 'select key as "key", amount_cents as "amountCents", co2e_grams as "co2eGrams" from ledger_transfers where cause_ref = ? order by created_at, key', missionId);

  async function submitted(trip: unknown = montrealTrip): Promise<{ id: string; offsetCents: number; co2e: number }> {
    const created = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'conference', budgetLineId, justification: 'Communication invitée au congrès annuel', trip }).expect(201);
    await request(app).post(`/api/missions/${created.body.id}/submit`).set('Authorization', staff).send({}).expect(200);
    return { id: created.body.id, offsetCents: created.body.quote.offset.amountCents, co2e: created.body.quote.offset.co2eGrams };
  }

  it('runs the whole workflow; validation books the contribution, cancellation its reversal', async () => {
    const { id, offsetCents, co2e } = await submitted();
    const returned = await request(app).post(`/api/missions/${id}/return`).set('Authorization', secretariat).send({ comment: 'Ajoutez le programme du congrès' }).expect(200);
    expect(returned.body.status).toBe('returned');
    await request(app).patch(`/api/missions/${id}`).set('Authorization', staff).send({ justification: 'Keynote au congrès ACFAS, programme joint', version: returned.body.version }).expect(200);
    await request(app).post(`/api/missions/${id}/submit`).set('Authorization', staff).send({}).expect(200);
    const validated = await request(app).post(`/api/missions/${id}/validate`).set('Authorization', secretariat).send({}).expect(200);
    expect(validated.body.status).toBe('validated');
    expect(await transfers(id)).toEqual([{ key: `mission:${id}:contribution`, amountCents: offsetCents, co2eGrams: co2e }]);
    expect(offsetCents).toBeGreaterThan(0);

    const cancelled = await request(app).post(`/api/missions/${id}/cancel`).set('Authorization', secretariat).send({ comment: 'Congrès reporté' }).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await transfers(id)).map((t) => t.key).sort()).toEqual([`mission:${id}:contribution`, `mission:${id}:contribution:reversal`]);

    const detail = await request(app).get(`/api/missions/${id}`).set('Authorization', staff).expect(200);
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toEqual(['create', 'submit', 'return', 'edit', 'submit', 'validate', 'cancel']);
    expect(detail.body.quote.factorSet.version).toBeTruthy();
  });

  it('answers 409 with a clear French message for an invalid transition, and 400 for a missing comment', async () => {
    const { id } = await submitted();
    const noComment = await request(app).post(`/api/missions/${id}/reject`).set('Authorization', secretariat).send({}).expect(400);
    expect(noComment.body.error).toMatchObject({ code: 'validation.comment_required', details: [{ path: 'comment' }] });
    await request(app).post(`/api/missions/${id}/reject`).set('Authorization', secretariat).send({ comment: 'Hors budget' }).expect(200);
    const again = await request(app).post(`/api/missions/${id}/validate`).set('Authorization', secretariat).send({}).expect(409);
    expect(again.body.error.code).toBe('mission.invalid_transition');
    expect(again.body.error.message).toBe("Une mission refusée ne peut pas être validée : il faut qu'elle soit soumise.");
    expect(await transfers(id)).toEqual([]);
  });

  it('refuses to submit a banned flight and asks a justification where the policy does', async () => {
    const banned = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'meeting', budgetLineId, justification: 'Réunion de consortium', trip: bannedTrip }).expect(201);
    const refused = await request(app).post(`/api/missions/${banned.body.id}/submit`).set('Authorization', staff).send({}).expect(409);
    expect(refused.body.error.code).toBe('mission.flight_banned');
    const paris = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'meeting', budgetLineId, trip: parisFlightTrip }).expect(201);
    const incomplete = await request(app).post(`/api/missions/${paris.body.id}/submit`).set('Authorization', staff).send({}).expect(400);
    expect(incomplete.body.error.details).toEqual([{ path: 'justification', message: 'Le vol doit être justifié (au moins 20 caractères).' }]);
  });

  it('rejects unknown fields, bad enums and a missing destination with 400 naming the field', async () => {
    const res = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'holiday', trip: { ...montrealTrip, destination: undefined }, extra: 1 }).expect(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['purpose', 'trip.destination', 'extra']));
  });

  describe('Idempotency-Key', () => {
    it('same key and body: same answer, one mission; same key, other body: 409', async () => {
      const body = { purpose: 'conference', budgetLineId, trip: montrealTrip };
      const first = await request(app).post('/api/missions').set('Authorization', staff).set('Idempotency-Key', 'create-1').send(body).expect(201);
      const second = await request(app).post('/api/missions').set('Authorization', staff).set('Idempotency-Key', 'create-1').send(body).expect(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await count(deps.database, 'missions')).toBe(1);
      const conflict = await request(app).post('/api/missions').set('Authorization', staff).set('Idempotency-Key', 'create-1').send({ ...body, purpose: 'research' }).expect(409);
      expect(conflict.body.error.code).toBe('idempotency.conflict');
    });

    it('keys are per person: another user may use the same key', async () => {
      const other = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], entityId: staffUser.entityId }));
      const body = { purpose: 'conference', budgetLineId, trip: montrealTrip };
      const a = await request(app).post('/api/missions').set('Authorization', staff).set('Idempotency-Key', 'k').send(body).expect(201);
      const b = await request(app).post('/api/missions').set('Authorization', other).set('Idempotency-Key', 'k').send(body).expect(201);
      expect(b.body.id).not.toBe(a.body.id);
    });

    it('a double validation books the contribution once, with or without the key', async () => {
      const { id } = await submitted();
      const first = await request(app).post(`/api/missions/${id}/validate`).set('Authorization', secretariat).set('Idempotency-Key', 'v-1').send({}).expect(200);
      const replay = await request(app).post(`/api/missions/${id}/validate`).set('Authorization', secretariat).set('Idempotency-Key', 'v-1').send({}).expect(200);
      expect(replay.body).toEqual(first.body);
      await request(app).post(`/api/missions/${id}/validate`).set('Authorization', secretariat).set('Idempotency-Key', 'v-2').send({}).expect(409);
      await request(app).post(`/api/missions/${id}/validate`).set('Authorization', secretariat).send({}).expect(409);
      expect(await transfers(id)).toHaveLength(1);
    });

    it('a stored refusal replays as the same refusal; bad input is not stored', async () => {
      const { id } = await submitted();
      await request(app).post(`/api/missions/${id}/return`).set('Authorization', secretariat).set('Idempotency-Key', 'r-1').send({}).expect(400);
      // Fixed body, same key: the 400 was not stored, so this one runs.
      await request(app).post(`/api/missions/${id}/return`).set('Authorization', secretariat).set('Idempotency-Key', 'r-2').send({ comment: 'Précisez' }).expect(200);
      const invalid = await request(app).post(`/api/missions/${id}/reject`).set('Authorization', secretariat).set('Idempotency-Key', 'r-3').send({ comment: 'x' }).expect(409);
      const replayed = await request(app).post(`/api/missions/${id}/reject`).set('Authorization', secretariat).set('Idempotency-Key', 'r-3').send({ comment: 'x' }).expect(409);
      expect(replayed.body).toEqual(invalid.body);
      await request(app).post(`/api/missions/${id}/return`).set('Authorization', secretariat).set('Idempotency-Key', 'bad key with spaces').send({ comment: 'x' }).expect(400);
    });
  });

  it('switches a flight to rail and records the avoided flight', async () => {
    const created = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'meeting', budgetLineId, trip: parisFlightTrip }).expect(201);
    const switched = await request(app).post(`/api/missions/${created.body.id}/legs/0/switch`).set('Authorization', staff).send({ to: 'train' }).expect(200);
    expect(switched.body.trip.legs[0].mode).toBe('train');
    expect(switched.body.quote.justificationRequired).toBe(false);
    const avoided = await select(deps.database, 'select replaced_by, flights from avoided_flights where mission_id = ?', created.body.id);
    expect(avoided).toEqual([{ replaced_by: 'train', flights: 2 }]);
    await request(app).post(`/api/missions/${created.body.id}/legs/7/switch`).set('Authorization', staff).send({ to: 'train' }).expect(400);
  });

  it('filters the list by status and departure dates (Paris days)', async () => {
    const { id } = await submitted();
    await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'meeting', budgetLineId, trip: parisFlightTrip }).expect(201);
    const list = (q: string) => request(app).get(`/api/missions?${q}`).set('Authorization', secretariat).expect(200).then((r) => r.body.missions.map((m: { id: string }) => m.id));
    expect(await list('status=submitted')).toEqual([id]);
    // Montréal departs 2027-03-10 07:00 Paris; Paris flight on 2027-02-02.
    expect(await list('from=2027-03-10&to=2027-03-10')).toEqual([id]);
    expect(await list('from=2027-03-11')).toEqual([]);
    expect((await list('to=2027-02-28')).length).toBe(1);
    await request(app).get('/api/missions?status=unknown').set('Authorization', secretariat).expect(400);
  });

  it('a browser session must send the CSRF token on JSON writes', async () => {
    const { agent, csrfToken } = await signedInAgent(app, staffUser);
    await agent.post('/api/missions').send({ purpose: 'conference', trip: montrealTrip }).expect(403);
    await agent.post('/api/missions').set('X-CSRF-Token', csrfToken).send({ purpose: 'conference', trip: montrealTrip }).expect(201);
  });

  it('publishes an OpenAPI document built from the zod schemas', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const path of ['/api/quote', '/api/places', '/api/factors', '/api/missions', '/api/missions/{id}', '/api/missions/{id}/validate', '/api/ledger/balances']) {
      expect(res.body.paths[path], path).toBeDefined();
    }
    const create = res.body.paths['/api/missions'].post;
    expect(create.requestBody.content['application/json'].schema.properties.purpose.enum).toContain('student_mobility');
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    const quote = res.body.paths['/api/quote'].post.requestBody.content['application/json'].schema;
    expect(quote.properties.legs.items.properties.mode.enum).toEqual(['plane', 'train', 'car', 'bus', 'transit', 'ferry', 'bike', 'walk', 'visio']);
  });
});
