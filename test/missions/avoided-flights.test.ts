import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { parisFlightTrip } from './fixtures.ts';
import { execute, select } from '../helpers/sql.ts';

// An avoided flight follows the mission as it finally is (src/missions/avoided-flights.models.ts):
// switched to rail then edited back to the plane, or its rail leg deleted, it is withdrawn (a row in
// avoided_flight_withdrawals, the record itself kept) and the copil's "flights replaced" drops it.

describe('avoided flights after later edits', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  let staff: string;
  let secretariat: string;
  let copil: string;
  let budgetLineId: string;
  let traveller: Awaited<ReturnType<typeof createUser>>;

  beforeEach(async () => {
    ({ app, deps } = await engineApp());
    const entity = await createEntity(deps.database);
    budgetLineId = (await createBudgetLine(deps.database, entity.id)).id;
    traveller = await createUser(deps.database, { roles: ['staff'], entityId: entity.id });
    staff = await bearerFor(deps.database, traveller);
    secretariat = await bearerFor(deps.database, await createUser(deps.database, { roles: ['secretariat'] }));
    copil = await bearerFor(deps.database, await createUser(deps.database, { roles: ['copil'] }));
  });

  // In insertion order: SQLite's rowid, PostgreSQL's hidden insertion_seq (db/migrations/pg/0003).
  const records = (missionId: string) =>
    select(deps.database, `select a.replaced_by as "replacedBy", a.flights as "flights", w.reason as "reason" from avoided_flights a
      left join avoided_flight_withdrawals w on w.avoided_flight_id = a.id where a.mission_id = ? order by a.${deps.database.engine === 'postgres' ? 'insertion_seq' : 'rowid'}`, missionId);
  const copilFlights = async () => (await request(app).get('/api/reports/copil?year=2027').set('Authorization', copil).expect(200)).body.flights as { current: number; replaced: number };
  const justification = 'Réunion de consortium, présence requise le matin';

  async function switchedToRail(): Promise<{ id: string; version: number }> {
    const created = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'meeting', budgetLineId, trip: parisFlightTrip }).expect(201);
    const switched = await request(app).post(`/api/missions/${created.body.id}/legs/0/switch`).set('Authorization', staff).send({ to: 'train' }).expect(200);
    return { id: created.body.id, version: switched.body.version };
  }
  const submitAndValidate = async (id: string) => {
    await request(app).post(`/api/missions/${id}/submit`).set('Authorization', staff).send({}).expect(200);
    await request(app).post(`/api/missions/${id}/validate`).set('Authorization', secretariat).send({}).expect(200);
  };

  it('switch to rail then back to the plane: the avoided flight is withdrawn and the copil stops counting it', async () => {
    // A: MPL ⇄ ORY (1 traveller, round trip = 2 flights) switched to rail and validated that way.
    const kept = await switchedToRail();
    await submitAndValidate(kept.id);
    // Before: 2 flights replaced (A), none flown in 2027.
    expect(await copilFlights()).toMatchObject({ current: 0, replaced: 2 });

    // B: the same trip switched to rail; the secretariat returns it and the traveller flies after all.
    const back = await switchedToRail();
    expect(await records(back.id)).toEqual([{ replacedBy: 'train', flights: 2, reason: null }]);
    await request(app).post(`/api/missions/${back.id}/submit`).set('Authorization', staff).send({}).expect(200);
    const returned = await request(app).post(`/api/missions/${back.id}/return`).set('Authorization', secretariat).send({ comment: 'Le train arrive trop tard pour la réunion' }).expect(200);
    const edited = await request(app).patch(`/api/missions/${back.id}`).set('Authorization', staff).send({ trip: parisFlightTrip, justification, version: returned.body.version }).expect(200);
    expect(edited.body.trip.legs[0].mode).toBe('plane');
    expect(await records(back.id)).toEqual([{ replacedBy: 'train', flights: 2, reason: 'flight_restored' }]);
    await request(app).post(`/api/missions/${back.id}/submit`).set('Authorization', staff).send({}).expect(200);
    await request(app).post(`/api/missions/${back.id}/validate`).set('Authorization', secretariat).send({}).expect(200);

    // After: B's 2 flights are flown, and still only A's 2 are replaced (4 without the withdrawal).
    expect(await copilFlights()).toMatchObject({ current: 2, replaced: 2 });
    const detail = await request(app).get(`/api/missions/${back.id}`).set('Authorization', staff).expect(200);
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toEqual(['create', 'switch', 'submit', 'return', 'edit', 'submit', 'validate']);
    expect(detail.body.audit[4].comment).toBe('Vol évité Montpellier-Méditerranée (MPL) → Paris-Orly (ORY) retiré du rapport copil (vol rétabli)');
  });

  it('an edit that keeps the rail leg keeps the avoided flight; switching again after a withdrawal counts once', async () => {
    const { id, version } = await switchedToRail();
    const railTrip = (await request(app).get(`/api/missions/${id}`).set('Authorization', staff).expect(200)).body.trip;
    // Same trip, one more leg in front (a taxi to the station): the rail leg moved to index 1 and still counts.
    const withTaxi = { ...railTrip, legs: [{ mode: 'car', distanceKm: 8, fuel: 'thermal', fiscalHorsepower: 5 }, ...railTrip.legs] };
    const moved = await request(app).patch(`/api/missions/${id}`).set('Authorization', staff).send({ trip: withTaxi, version }).expect(200);
    expect(await records(id)).toEqual([{ replacedBy: 'train', flights: 2, reason: null }]);
    const plane = await request(app).patch(`/api/missions/${id}`).set('Authorization', staff).send({ trip: parisFlightTrip, justification, version: moved.body.version }).expect(200);
    const again = await request(app).post(`/api/missions/${id}/legs/0/switch`).set('Authorization', staff).send({ to: 'train' }).expect(200);
    expect(again.body.version).toBe(plane.body.version + 1);
    expect(await records(id)).toEqual([{ replacedBy: 'train', flights: 2, reason: 'flight_restored' }, { replacedBy: 'train', flights: 2, reason: null }]);
    await submitAndValidate(id);
    expect(await copilFlights()).toMatchObject({ current: 0, replaced: 2 });
  });

  it('deleting the rail leg in the form withdraws it too, and the mission page says so', async () => {
    const { agent, csrfToken } = await signedInAgent(app, traveller);
    const form = {
      _csrf: csrfToken, purpose: 'meeting', budgetLineId, departDate: '2027-02-02', departTime: '07:00', returnDate: '2027-02-02', returnTime: '21:00',
      destinationCountry: 'FR', destinationCity: 'Paris', 'legs.0.mode': 'plane', 'legs.0.from': 'MPL', 'legs.0.to': 'ORY', 'legs.0.roundTrip': 'on', 'legs.0.travelers': '1',
    };
    const switched = await agent.post('/missions/new').type('form').send({ ...form, intent: 'switch:0:train' }).expect(303);
    const id = String(switched.headers.location).split('/')[2]!;
    expect(await records(id)).toEqual([{ replacedBy: 'train', flights: 2, reason: null }]);
    // The rail leg replaced by a car leg (750 km there and back), saved from the edit page.
    const byCar = { ...form, 'legs.0.mode': 'car', 'legs.0.from': '', 'legs.0.to': '', 'legs.0.distanceKm': '750', intent: 'save' };
    await agent.post(`/missions/${id}/edit`).type('form').send(byCar).expect(303);
    expect(await records(id)).toEqual([{ replacedBy: 'train', flights: 2, reason: 'replacement_removed' }]);
    const page = await agent.get(`/missions/${id}`).expect(200);
    expect(page.text).toContain('retiré du rapport copil (trajet en train retiré)');
  });

  it('keeps withdrawals append-only', async () => {
    const { id, version } = await switchedToRail();
    await request(app).patch(`/api/missions/${id}`).set('Authorization', staff).send({ trip: parisFlightTrip, version }).expect(200);
    await expect(execute(deps.database, 'update avoided_flight_withdrawals set reason = ?', 'replacement_removed')).rejects.toThrow(/append-only/);
    await expect(execute(deps.database, 'delete from avoided_flight_withdrawals')).rejects.toThrow(/append-only/);
    await expect(execute(deps.database, 'delete from avoided_flights')).rejects.toThrow(/append-only/);
  });
});
