import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { montrealTrip } from './fixtures.ts';

describe('a mission read through the API in the reader language', () => {
  it('gives its stored quote texts in English with ?lang=en, the same figures, French by default', async () => {
    const { app, deps } = testApp();
    const entity = await createEntity(deps.database);
    const budgetLineId = (await createBudgetLine(deps.database, entity.id)).id;
    const staff = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff'], entityId: entity.id }));
    const created = await request(app).post('/api/missions').set('Authorization', staff).send({ purpose: 'conference', budgetLineId, justification: 'Communication invitée', trip: montrealTrip }).expect(201);

    const french = await request(app).get(`/api/missions/${created.body.id}`).set('Authorization', staff).expect(200);
    const english = await request(app).get(`/api/missions/${created.body.id}?lang=en`).set('Authorization', staff).expect(200);
    const offsetFlag = (body: { quote: { policy: Array<{ code: string; message: string }> } }) => body.quote.policy.find((p) => p.code === 'flight.offset_required')?.message;
    expect(offsetFlag(french.body)).toBe("Ce vol donne lieu à une contribution carbone versée à l'enveloppe de compensation.");
    expect(offsetFlag(english.body)).toBe('This flight gives rise to a carbon contribution paid into the offset envelope.');
    expect(english.body.quote.totals).toEqual(french.body.quote.totals);
    expect({ ...english.body, quote: undefined }).toEqual({ ...french.body, quote: undefined });

    const refused = await request(app).get(`/api/missions/${created.body.id}?lang=de`).set('Authorization', staff).expect(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain('lang');
  });
});
