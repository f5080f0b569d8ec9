import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { rateLimitPerMinute } from '../../src/shared/rate-limit.ts';
import { jsonErrorHandler } from '../../src/shared/http.ts';
import { movableClock } from '../auth/support.ts';

function limitedApp(limit: number) {
  const clock = movableClock('2026-11-27T10:00:00Z');
  const app = express();
  app.get('/', rateLimitPerMinute(limit, (req) => String(req.query.client), clock), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(jsonErrorHandler(() => {}));
  return { app, clock };
}

describe('per-minute rate limit', () => {
  it('refuses the request over the limit until the minute is over, per client', async () => {
    const { app, clock } = limitedApp(2);
    await request(app).get('/?client=a').expect(200);
    clock.advance({ seconds: 20 });
    await request(app).get('/?client=a').expect(200);
    const refused = await request(app).get('/?client=a').expect(429);
    expect(refused.body.error.code).toBe('rate_limit.exceeded');
    expect(refused.headers['retry-after']).toBe('40');
    await request(app).get('/?client=b').expect(200); // another client has its own window
    clock.advance({ seconds: 40 });
    await request(app).get('/?client=a').expect(200);
  });

  it('is off with a limit of 0', async () => {
    const { app } = limitedApp(0);
    for (let i = 0; i < 5; i++) await request(app).get('/?client=a').expect(200);
  });
});
