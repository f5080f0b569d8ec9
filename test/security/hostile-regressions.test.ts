import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { MAX_AMOUNT_CENTS } from '../../src/ledger/ledger.models.ts';
import { createProject } from '../../src/ledger/finance.usecases.ts';
import { ledgerPolicy } from '../../src/ledger/ledger.models.ts';

// What the property test found, pinned as plain cases, and the extremes that are valid.
describe('hostile input: pinned cases', () => {
  it('answers a quote nested 100,000 deep with a 400, not a 500 (the answer cache used to overflow the stack serialising it)', async () => {
    const { app } = testApp();
    const res = await request(app).post('/api/quote').set('content-type', 'application/json').send(`{"legs":${'['.repeat(100_000)}${']'.repeat(100_000)}}`).expect(400);
    expect(res.body.error.code).toBe('validation.invalid');
  });

  it('answers a path segment that does not decode with a 400, in JSON for the API and as a page for a browser', async () => {
    const { app, deps } = testApp();
    const bearer = await bearerFor(deps.database, await createUser(deps.database, { roles: ['finance'] }));
    const api = await request(app).post('/api/ledger/transfers/%E0%A4%A/reverse').set('Authorization', bearer).send({ reason: 'Erreur' }).expect(400);
    expect(api.body.error.code).toBe('validation.malformed_request');
    const page = await request(app).get('/missions/%E0%A4%A').set('Accept', 'text/html').expect(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('answers a body that claims gzip but is not gzip with a 400, and a real gzip body normally', async () => {
    const { app } = testApp();
    const body = JSON.stringify({ legs: [{ mode: 'train', distanceKm: 100 }] });
    const bad = await request(app).post('/api/quote').set('content-type', 'application/json').set('content-encoding', 'gzip').send(body).expect(400);
    expect(bad.body.error.code).toBe('validation.malformed_request');
    // A real gzip body still works (sent with fetch: supertest mangles a pre-compressed buffer).
    const server = app.listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/quote`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(body) });
      expect(res.status).toBe(200);
    } finally {
      server.close();
    }
  });

  // Was a 500: the page called .trim() on the array a repeated field becomes.
  it('answers a copil settings form with a repeated field with a 400 page, not a 500', async () => {
    const { app, deps } = testApp();
    const admin = await createUser(deps.database, { roles: ['admin'] });
    const { agent, csrfToken } = await signedInAgent(app, admin);
    const res = await agent.post('/copil/settings').type('form').send(`referenceYear=2019&rate=5&rate=&_csrf=${csrfToken}`).set('Accept', 'text/html');
    expect(res.status).toBe(400);
  });

  it('prices the largest trip the schema allows with exact integer totals', async () => {
    const { app } = testApp();
    // 50 legs × 50,000 km, round trip, 500 travellers, the top fare: 50 × 50,000 × 2 × 500 = 2.5e9 pkm.
    const legs = Array.from({ length: 50 }, () => ({ mode: 'plane', distanceKm: 50_000, roundTrip: true, travelers: 500, fareCents: 10_000_000 }));
    const res = await request(app).post('/api/quote').send({ legs }).expect(200);
    for (const value of [res.body.totals.co2eGrams, res.body.totals.costCents, res.body.offset.amountCents]) expect(Number.isSafeInteger(value)).toBe(true);
    expect(res.body.totals.breakdown.faresCents).toBe(50 * 10_000_000);
  });

  it('refuses the largest disbursement the schema allows with a 409 insufficient funds, writing nothing', async () => {
    const { app, deps } = testApp();
    const finance = await createUser(deps.database, { roles: ['finance'] });
    const project = await createProject({ database: deps.database, clock: deps.clock, policy: ledgerPolicy(deps.config) }, { name: 'Projet', scope: 'internal', description: null }, finance.id);
    const res = await request(app).post('/api/ledger/disbursements').set('Authorization', await bearerFor(deps.database, finance)).send({ projectId: project.id, amountCents: MAX_AMOUNT_CENTS, memo: 'Tout' }).expect(409);
    expect(res.body.error.code).toBe('ledger.insufficient_funds');
    expect(deps.database.sqlite.prepare('select count(*) from ledger_transfers').pluck().get()).toBe(0);
  });
});
