import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent, TEST_PASSWORD } from '../helpers/auth.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { loggedPath, requestId } from '../../src/ops/request-log.ts';

type Line = Record<string, unknown>;

function capturingLogger() {
  const raw: string[] = [];
  const logger = createLogger({ LOG_LEVEL: 'info' }, { write: (s: string) => void raw.push(s) });
  return { logger, raw, lines: () => raw.map((s) => JSON.parse(s) as Line) };
}

describe('structured logs', () => {
  it('writes one JSON line per request with id, method, path without query, status and duration — and no personal data or secret', async () => {
    const { logger, raw, lines } = capturingLogger();
    const { app, deps } = testApp({ logger });
    const user = await createUser(deps.database, { email: 'claire.martin@mines-ales.fr', name: 'Claire Martin' });
    const bearer = await bearerFor(deps.database, user);

    const { agent, csrfToken } = await signedInAgent(app, user); // posts the email and password in a form body
    await request(app).get('/api/me').set('Authorization', bearer).expect(200);
    await request(app).get('/api/places?q=claire.martin%40mines-ales.fr').expect(200);
    await agent.post('/api/missions').set('X-CSRF-Token', csrfToken).send({ purpose: 'conference', justification: 'secret-justification-text' }).expect(400);
    await request(app).post('/sign-in').type('form').send({ email: 'claire.martin@mines-ales.fr', password: 'wrong password here', _csrf: 'x' }).expect(403);

    const all = raw.join('\n');
    const token = bearer.slice('Bearer '.length);
    for (const secret of ['claire.martin', 'mines-ales.fr', 'Claire Martin', TEST_PASSWORD, 'wrong password', token, csrfToken, 'secret-justification-text', 'empreinte_sid', 'Bearer']) {
      expect(all, `log must not contain ${secret}`).not.toContain(secret);
    }
    const requests = lines().filter((l) => l.msg === 'request');
    // sign-in GET + POST, tokens page, /api/me, /api/places, POST /api/missions, POST /sign-in
    expect(requests.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      'GET /sign-in 200',
      'POST /sign-in 303',
      'GET /account/tokens 200',
      'GET /api/me 200',
      'GET /api/places 200',
      'POST /api/missions 400',
      'POST /sign-in 403',
    ]);
    for (const l of requests) {
      expect(Object.keys(l).sort()).toEqual(['durationMs', 'level', 'method', 'msg', 'path', 'reqId', 'service', 'status', 'time']);
      expect(typeof l.durationMs).toBe('number');
      expect(l.reqId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(requests.map((l) => l.reqId)).size).toBe(requests.length);
  });

  it('honours a well-formed X-Request-Id, replaces a malformed one, and echoes the id in the answer', async () => {
    const { logger, lines } = capturingLogger();
    const { app } = testApp({ logger });
    const kept = await request(app).get('/healthz').set('X-Request-Id', 'proxy-42.a:b').expect(200);
    expect(kept.headers['x-request-id']).toBe('proxy-42.a:b');
    const replaced = await request(app).get('/healthz').set('X-Request-Id', 'evil id {"level":60}').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await request(app).get('/healthz').expect(200);
    expect(lines().map((l) => l.reqId)).toEqual(['proxy-42.a:b', replaced.headers['x-request-id'], generated.headers['x-request-id']]);
    expect(requestId('x'.repeat(129))).not.toBe('x'.repeat(129));
    expect(loggedPath('/api/places?q=secret')).toBe('/api/places');
  });

  it('logs an unexpected error with its request id at level error, and answers a bare 500', async () => {
    const { logger, lines } = capturingLogger();
    const { app, deps } = testApp({ logger, logError: (err, req) => logger.error({ err, reqId: req?.requestId }, 'unhandled error') });
    const bearer = await bearerFor(deps.database, await createUser(deps.database));
    deps.database.sqlite.close(); // every database call now throws
    const res = await request(app).get('/api/me').set('Authorization', bearer).set('X-Request-Id', 'req-500').expect(500);
    expect(res.body).toEqual({ error: { code: 'internal.error', message: 'Erreur interne : réessayez dans un instant.', details: [] } });
    const [error, line] = lines();
    expect(error).toMatchObject({ level: 50, msg: 'unhandled error', reqId: 'req-500' });
    expect((error!.err as Line).message).toMatch(/not open/);
    expect(line).toMatchObject({ level: 50, msg: 'request', reqId: 'req-500', status: 500, path: '/api/me' });
  });
});
