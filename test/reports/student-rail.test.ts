import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { montrealTrip } from '../missions/fixtures.ts';

// Students' rail pre-routing counted per student, with the aid granted (issue 12, point 4d).
describe('student rail pre-routing, per student and with the aid', () => {
  let app: Express;
  let budgetLineId: string;
  let secretariat: string;
  let copil: string;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];

  beforeEach(async () => {
    ({ app, deps } = await engineApp());
    const entityId = (await createEntity(deps.database, { name: 'LGEI' })).id;
    budgetLineId = (await createBudgetLine(deps.database, entityId)).id;
    secretariat = await bearerFor(deps.database, await createUser(deps.database, { roles: ['secretariat'] }));
    copil = await bearerFor(deps.database, await createUser(deps.database, { roles: ['copil'] }));
  });

  const withTrain = {
    ...montrealTrip,
    legs: [{ mode: 'train', from: 'Montpellier, FR', to: 'Paris, FR', roundTrip: true }, { mode: 'plane', from: 'CDG', to: 'YUL', roundTrip: true }],
  };
  async function validated(student: string, fields: Record<string, unknown>) {
    const created = await request(app).post('/api/missions').set('Authorization', student).send({ purpose: 'student_mobility', budgetLineId, justification: 'Semestre d’échange à Polytechnique Montréal', ...fields }).expect(201);
    await request(app).post(`/api/missions/${created.body.id}/submit`).set('Authorization', student).send({}).expect(200);
    await request(app).post(`/api/missions/${created.body.id}/validate`).set('Authorization', secretariat).send({}).expect(200);
    return created.body;
  }
  const studentToken = async () => bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], category: 'student' }));

  it('counts people, not trips, and adds up the aid of the trips with a train leg', async () => {
    const alice = await studentToken();
    const bruno = await studentToken();
    const withAid = await validated(alice, { trip: withTrain, railAidCents: 8000 });
    expect(withAid.railAidCents).toBe(8000);
    await validated(alice, { trip: withTrain, railAidCents: 4550 });
    await validated(alice, { trip: montrealTrip });
    await validated(bruno, { trip: montrealTrip, railAidCents: 3000 }); // no train leg: the aid does not count
    const report = (await request(app).get('/api/reports/copil?year=2027').set('Authorization', copil).expect(200)).body;
    expect(report.studentRail.current).toEqual({ students: 2, withRail: 1, aidCents: 12_550 });
    // The per-trip share stays as it was: 2 of the 4 trips had a train leg.
    expect(report.shares.studentRailPreRouting.current).toMatchObject({ numerator: 2, denominator: 4 });
    const csv = (await request(app).get('/api/reports/copil.csv?year=2027').set('Authorization', copil).expect(200)).text;
    expect(csv).toMatch(/Aide au pré-acheminement en train;[^\n]*;2027;125,50;€/);
  });

  it('asks the aid on a student’s form only, and keeps what the form gives', async () => {
    const student = await createUser(deps.database, { roles: ['staff'], category: 'student' });
    const { agent, csrfToken } = await signedInAgent(app, student);
    expect((await agent.get('/missions/new').expect(200)).text).toContain('name="railAidEuros"');
    const form = {
      _csrf: csrfToken, intent: 'save', purpose: 'student_mobility', budgetLineId, departDate: '2027-03-10', departTime: '07:00', returnDate: '2027-03-14', returnTime: '21:00',
      destinationCountry: 'CA', destinationCity: 'Montréal', railAidEuros: '45,50',
      'legs.0.mode': 'train', 'legs.0.from': 'Montpellier, FR', 'legs.0.to': 'Paris, FR', 'legs.0.roundTrip': 'on', 'legs.1.mode': 'plane', 'legs.1.from': 'CDG', 'legs.1.to': 'YUL', 'legs.1.roundTrip': 'on',
    };
    const saved = await agent.post('/missions/new').type('form').send(form).expect(303);
    const id = /\/missions\/(msn_[^/]+)\/edit/.exec(saved.headers.location!)![1];
    expect((await request(app).get(`/api/missions/${id}`).set('Authorization', await bearerFor(deps.database, student)).expect(200)).body.railAidCents).toBe(4550);
    const refused = await agent.post('/missions/new').type('form').send({ ...form, railAidEuros: 'beaucoup' }).expect(400);
    expect(refused.text).toMatch(/id="field-railAidEuros-error"/);

    const staff = await createUser(deps.database, { roles: ['staff'] });
    expect((await (await signedInAgent(app, staff)).agent.get('/missions/new').expect(200)).text).not.toContain('name="railAidEuros"');
  });

  it('refuses a negative or fractional aid with a 400 naming the field', async () => {
    const student = await studentToken();
    for (const railAidCents of [-1, 10.5]) {
      const refused = await request(app).post('/api/missions').set('Authorization', student).send({ purpose: 'student_mobility', budgetLineId, trip: withTrain, railAidCents }).expect(400);
      expect(refused.body.error.details[0].path).toBe('railAidCents');
    }
  });
});
