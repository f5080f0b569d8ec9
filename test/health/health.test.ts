import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe('health', () => {
  it('answers liveness and readiness', async () => {
    const { app } = testApp();
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    await request(app).get('/readyz').expect(200, { status: 'ready' });
  });

  it('answers an unknown API route with a structured 404', async () => {
    const { app } = testApp();
    const res = await request(app).get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('route.not_found');
  });

  it('turns malformed JSON into a 400, never a 500', async () => {
    const { app } = testApp();
    const res = await request(app).post('/api/nothing-here').set('content-type', 'application/json').send('{"a":').expect(400);
    expect(res.body.error.code).toBe('validation.malformed_json');
  });
});
