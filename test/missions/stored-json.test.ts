import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { parseStoredQuote, parseStoredTrip } from '../../src/quote/stored-quote.schemas.ts';
import { StoredDataError } from '../../src/shared/stored-json.ts';

const trip = {
  departAt: '2027-03-10T07:00:00+01:00',
  returnAt: '2027-03-14T21:00:00-04:00',
  destination: { country: 'CA', city: 'Montréal' },
  legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true }],
};

describe('stored JSON read back through its schema', () => {
  it('refuses a quote or a trip in an older shape, naming the field', () => {
    expect(() => parseStoredQuote('{"legs": []}', 'quote of msn_1')).toThrow(/quote of msn_1 does not match the current schema.*factorSet/);
    expect(() => parseStoredQuote('not json')).toThrow(StoredDataError);
    expect(() => parseStoredTrip('{"legs": [{"mode": "zeppelin"}]}')).toThrow(/legs\.0\.mode/);
  });

  it('answers 500 internal.error and logs the row, never a wrong figure, when a stored quote is unreadable', async () => {
    const logged: unknown[] = [];
    const { app, deps } = testApp();
    const { app: logging } = testApp({ database: deps.database, logError: (err) => logged.push(err) });
    const entity = await createEntity(deps.database, { name: 'LSR' });
    const line = await createBudgetLine(deps.database, entity.id, { code: 'LSR-FONC', label: 'Fonctionnement' });
    const user = await createUser(deps.database, { roles: ['staff'], entityId: entity.id });
    const auth = await bearerFor(deps.database, user);
    const created = await request(app).post('/api/missions').set('Authorization', auth).send({ purpose: 'conference', budgetLineId: line.id, justification: 'Communication invitée', trip }).expect(201);
    const quote = JSON.parse((deps.database.sqlite.prepare('select quote_json as q from missions where id = ?').get(created.body.id) as { q: string }).q);
    delete quote.totals;
    deps.database.sqlite.prepare('update missions set quote_json = ? where id = ?').run(JSON.stringify(quote), created.body.id);
    const res = await request(logging).get(`/api/missions/${created.body.id}`).set('Authorization', auth).expect(500);
    expect(res.body.error.code).toBe('internal.error');
    expect(String(logged[0])).toMatch(new RegExp(`quote of mission ${created.body.id} .*totals`));
  });
});
