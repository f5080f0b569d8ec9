import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.ts';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { testApp } from '../helpers/app.ts';
import { createUser } from '../helpers/auth.ts';
import { cookieNamed, cookieValue, csrfFrom, movableClock } from './support.ts';

type Agent = ReturnType<typeof request.agent>;

async function signInWith(agent: Agent, email: string, password: string, extra: Record<string, string> = {}) {
  const form = await agent.get('/sign-in').expect(200);
  return agent.post('/sign-in').type('form').send({ email, password, _csrf: csrfFrom(form.text), ...extra });
}

describe('sign-in with a password', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie on Path=/, not Secure over plain HTTP by default', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const res = await signInWith(request.agent(app), user.email, user.password);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = cookieNamed(res, 'empreinte_sid')!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('marks the cookie Secure when EMPREINTE_SECURE_COOKIES is true, or when the proxy says the request came over TLS', async () => {
    // A cookie jar over plain HTTP would not send Secure cookies back: carry the CSRF cookie by hand.
    const signInByHand = async (app: Parameters<typeof request>[0], email: string, password: string, proto?: string) => {
      const withProto = <T extends { set(name: string, value: string): T }>(r: T) => (proto ? r.set('X-Forwarded-Proto', proto) : r);
      const form = await withProto(request(app).get('/sign-in')).expect(200);
      return withProto(request(app).post('/sign-in'))
        .set('Cookie', `empreinte_csrf=${cookieValue(form, 'empreinte_csrf')}`)
        .type('form')
        .send({ email, password, _csrf: csrfFrom(form.text) });
    };
    const secure = testApp({ config: testConfig({ EMPREINTE_SECURE_COOKIES: true }) });
    const user = await createUser(secure.deps.database);
    const configured = await signInByHand(secure.app, user.email, user.password);
    expect(configured.status).toBe(303);
    expect(cookieNamed(configured, 'empreinte_sid')).toMatch(/; Secure/);

    const plain = testApp();
    const other = await createUser(plain.deps.database);
    // supertest connects from 127.0.0.1, a trusted (loopback) proxy whose X-Forwarded-Proto is believed.
    const viaTls = await signInByHand(plain.app, other.email, other.password, 'https');
    expect(viaTls.status).toBe(303);
    expect(cookieNamed(viaTls, 'empreinte_sid')).toMatch(/; Secure/);
  });

  it('accepts the email in any case and follows a local `next` path, never an outside one', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database, { email: 'claire.martin@mines-ales.fr' });
    const res = await signInWith(request.agent(app), 'Claire.Martin@MINES-ales.fr', user.password, { next: '/account/tokens' });
    expect(res.headers.location).toBe('/account/tokens');
    const outside = await signInWith(request.agent(app), user.email, user.password, { next: '//evil.example/' });
    expect(outside.headers.location).toBe('/');
  });

  it('answers a wrong password with 401 and the form again, the error next to the password field', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const res = await signInWith(request.agent(app), user.email, 'not the password');
    expect(res.status).toBe(401);
    expect(cookieNamed(res, 'empreinte_sid')).toBeUndefined();
    expect(res.text).toContain('Adresse électronique ou mot de passe incorrect.');
    expect(res.text).toMatch(/<p class="field__error" id="field-password-error">/);
    expect(res.text).toMatch(/id="field-password"[^>]*aria-describedby="field-password-error"[^>]*aria-invalid="true"/);
    // The email typed is kept; the password never comes back.
    expect(res.text).toContain(`value="${user.email}"`);
    expect(res.text).not.toContain('not the password');
  });

  it('gives the same 401 for an unknown email, and 400 with both fields flagged for an empty form', async () => {
    const { app } = testApp();
    expect((await signInWith(request.agent(app), 'nobody@example.org', 'whatever password')).status).toBe(401);
    const empty = await signInWith(request.agent(app), '', '');
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Saisissez votre adresse électronique.');
    expect(empty.text).toContain('Saisissez votre mot de passe.');
    expect(empty.text).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
  });

  it('refuses a disabled account', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    deps.database.sqlite.prepare('update users set disabled = 1 where id = ?').run(user.id);
    expect((await signInWith(request.agent(app), user.email, user.password)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('rotates the session on sign-in: the cookie held before signing in no longer works', async () => {
    const { app, deps } = testApp();
    const first = await createUser(deps.database);
    const second = await createUser(deps.database);
    const agent = request.agent(app);
    const oldSid = cookieValue(await signInWith(agent, first.email, first.password), 'empreinte_sid')!;
    await request(app).get('/api/me').set('Cookie', `empreinte_sid=${oldSid}`).expect(200);
    // Already signed in: the sign-in page sends the person on.
    expect((await agent.get('/sign-in')).status).toBe(303);

    // The same browser, still holding the old cookie, signs in as someone else (its form carries the session's token).
    const page = await agent.get('/account/tokens').expect(200);
    const again = await agent.post('/sign-in').type('form').send({ email: second.email, password: second.password, _csrf: csrfFrom(page.text) });
    expect(again.status).toBe(303);
    const newSid = cookieValue(again, 'empreinte_sid')!;
    expect(newSid).not.toBe(oldSid);
    await request(app).get('/api/me').set('Cookie', `empreinte_sid=${oldSid}`).expect(401);
    const me = await request(app).get('/api/me').set('Cookie', `empreinte_sid=${newSid}`).expect(200);
    expect(me.body.user.email).toBe(second.email);
    expect(deps.database.sqlite.prepare('select user_id from sessions').all()).toEqual([{ user_id: second.id }]);
  });

  it('stores only the SHA-256 of the cookie token, never the token itself', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const sid = cookieValue(await signInWith(request.agent(app), user.email, user.password), 'empreinte_sid')!;
    const ids = deps.database.sqlite.prepare('select id from sessions').all() as Array<{ id: string }>;
    expect(ids).toHaveLength(1);
    expect(ids[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(ids[0]!.id).not.toContain(sid);
  });

  it('destroys the session on sign-out and clears the cookie', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const agent = request.agent(app);
    const sid = cookieValue(await signInWith(agent, user.email, user.password), 'empreinte_sid')!;
    const page = await agent.get('/account/tokens').expect(200);
    const out = await agent.post('/sign-out').type('form').send({ _csrf: csrfFrom(page.text) });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/sign-in');
    expect(cookieNamed(out, 'empreinte_sid')).toMatch(/empreinte_sid=;.*Expires=Thu, 01 Jan 1970/);
    expect(deps.database.sqlite.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 });
    await request(app).get('/api/me').set('Cookie', `empreinte_sid=${sid}`).expect(401);
    const signInPage = await agent.get('/sign-in').expect(200);
    expect(signInPage.text).toContain('Vous êtes déconnecté.');
  });

  it('expires after 12 h without activity, and each visit pushes the expiry back (sliding)', async () => {
    const clock = movableClock('2026-11-27T08:00:00Z');
    const { app, deps } = testApp({ clock });
    const user = await createUser(deps.database);
    const sid = cookieValue(await signInWith(request.agent(app), user.email, user.password), 'empreinte_sid')!;
    const me = () => request(app).get('/api/me').set('Cookie', `empreinte_sid=${sid}`);
    // 08:00 + 11 h = 19:00: still inside the 12 h window; the visit moves the end to 19:00 + 12 h = 07:00 next day.
    clock.advance({ hours: 11 });
    await me().expect(200);
    // 19:00 + 11 h = 06:00 next day: 22 h after sign-in, yet only 11 h after the last visit.
    clock.advance({ hours: 11 });
    await me().expect(200);
    // 06:00 + 12 h = 18:00: exactly 12 h idle, the session is over.
    clock.advance({ hours: 12 });
    await me().expect(401);
  });

  it('redirects an anonymous visitor of a page to the sign-in form, and answers the API with 401 JSON', async () => {
    const { app } = testApp();
    const home = await request(app).get('/').expect(303);
    expect(home.headers.location).toBe('/sign-in');
    const tokens = await request(app).get('/account/tokens').expect(303);
    expect(tokens.headers.location).toBe('/sign-in?next=%2Faccount%2Ftokens');
    const api = await request(app).get('/api/me').expect(401);
    expect(api.body.error.code).toBe('auth.unauthenticated');
  });

  it('audits sign-in, failed sign-in and sign-out, with the IP, and never the password', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    await signInWith(request.agent(app), user.email, 'wrong password!');
    const agent = request.agent(app);
    await signInWith(agent, user.email, user.password);
    const page = await agent.get('/account/tokens');
    await agent.post('/sign-out').type('form').send({ _csrf: csrfFrom(page.text) });
    const trail = await listAudit(deps.database.db, user.id);
    expect(trail.map((r) => r.event)).toEqual(['user_created', 'sign_in_failed', 'sign_in', 'sign_out']);
    expect(trail[1]!.ip).toMatch(/127\.0\.0\.1/);
    const everything = JSON.stringify(deps.database.sqlite.prepare('select * from auth_audit').all());
    expect(everything).not.toContain(user.password);
    expect(everything).not.toContain('wrong password!');
  });
});
