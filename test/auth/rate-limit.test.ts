import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { slidingWindow } from '../../src/shared/rate-limit.ts';
import { testApp } from '../helpers/app.ts';
import { createUser } from '../helpers/auth.ts';
import { csrfFrom, movableClock } from './support.ts';

describe('sliding window', () => {
  it('blocks at the limit and frees a slot when the oldest hit leaves the window', () => {
    const clock = movableClock('2026-11-27T10:00:00Z');
    const window = slidingWindow(clock, { limit: 3, windowMs: 60_000 });
    // Hits at 0 s, 10 s, 20 s: the third reaches the limit of 3.
    window.record('k');
    clock.advance({ seconds: 10 });
    window.record('k');
    clock.advance({ seconds: 10 });
    expect(window.retryAfterMs('k')).toBe(0);
    window.record('k');
    // At 20 s the oldest hit (0 s) leaves the window at 60 s: 40 s to wait.
    expect(window.retryAfterMs('k')).toBe(40_000);
    expect(window.retryAfterMs('other')).toBe(0);
    clock.advance({ seconds: 40 });
    expect(window.retryAfterMs('k')).toBe(0);
  });

  it('keeps memory bounded when flooded with distinct keys', () => {
    const clock = movableClock('2026-11-27T10:00:00Z');
    const window = slidingWindow(clock, { limit: 1, windowMs: 60_000 }, 2);
    window.record('a');
    window.record('b');
    window.record('c'); // evicts 'a', the oldest key
    expect(window.retryAfterMs('a')).toBe(0);
    expect(window.retryAfterMs('c')).toBe(60_000);
  });
});

describe('sign-in rate limiting', () => {
  it('answers 429 in French after 10 failures in 15 minutes for one IP and email, even with the right password', async () => {
    const clock = movableClock('2026-11-27T10:00:00Z');
    const { app, deps } = testApp({ clock });
    const user = await createUser(deps.database);
    const agent = request.agent(app);
    const token = csrfFrom((await agent.get('/sign-in')).text);
    const attempt = (password: string, email = user.email) => agent.post('/sign-in').type('form').send({ email, password, _csrf: token });
    for (let i = 0; i < 10; i += 1) {
      expect((await attempt(`wrong password ${i}`)).status).toBe(401);
      clock.advance({ seconds: 30 });
    }
    // Failures at 0 s … 270 s; now 300 s. The oldest failure leaves the window at 900 s: 600 s to wait, 10 min.
    const blocked = await attempt(user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('600');
    expect(blocked.text).toContain('Trop de tentatives de connexion. Réessayez dans 10 min.');
    // Another email from the same IP is not blocked by this account's counter.
    expect((await attempt('whatever', 'someone.else@example.org')).status).toBe(401);
    // 600 s later the first failure has left the window: one more attempt is allowed, and succeeds.
    clock.advance({ seconds: 600 });
    expect((await attempt(user.password)).status).toBe(303);
  });
});
