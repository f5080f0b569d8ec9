import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { cookieValue, csrfFrom } from './support.ts';

describe('CSRF protection', () => {
  it('refuses a form post without the token, or with a wrong one, with a 403 page', async () => {
    const { app, deps } = testApp();
    const { agent, csrfToken } = await signedInAgent(app, await createUser(deps.database));
    const missing = await agent.post('/account/tokens').type('form').send({ label: 'script' });
    expect(missing.status).toBe(403);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    expect(missing.text).toContain('Le formulaire a expiré');
    const wrong = await agent.post('/account/tokens').type('form').send({ label: 'script', _csrf: `${csrfToken.slice(0, -2)}xx` });
    expect(wrong.status).toBe(403);
    expect(deps.database.sqlite.prepare('select count(*) as n from api_tokens').get()).toEqual({ n: 0 });
    await agent.post('/account/tokens').type('form').send({ label: 'script', _csrf: csrfToken }).expect(201);
  });

  it('requires X-CSRF-Token on cookie-authenticated JSON API calls; a _csrf field does not count there', async () => {
    const { app, deps } = testApp();
    const { agent, csrfToken } = await signedInAgent(app, await createUser(deps.database, { roles: ['admin'] }));
    const refused = await agent.post('/api/entities').send({ name: 'Labo', kind: 'lab' }).expect(403);
    expect(refused.body.error.code).toBe('csrf.forbidden');
    await agent.post('/api/entities').send({ name: 'Labo', kind: 'lab', _csrf: csrfToken }).expect(403);
    await agent.post('/api/entities').set('X-CSRF-Token', csrfToken).send({ name: 'Labo', kind: 'lab' }).expect(201);
  });

  it('does not ask Bearer-token calls for a CSRF token', async () => {
    const { app, deps } = testApp();
    const admin = await createUser(deps.database, { roles: ['admin'] });
    await request(app).post('/api/entities').set('Authorization', await bearerFor(deps.database, admin)).send({ name: 'Labo', kind: 'lab' }).expect(201);
  });

  it('protects the anonymous sign-in form with a token bound to a CSRF cookie', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const form = await request(app).get('/sign-in').expect(200);
    const secret = cookieValue(form, 'empreinte_csrf')!;
    const token = csrfFrom(form.text);
    const post = (cookie: string, _csrf: string) =>
      request(app).post('/sign-in').set('Cookie', cookie).type('form').send({ email: user.email, password: user.password, _csrf });
    // No cookie, or the token of another browser's cookie: refused. Login CSRF would sign the victim in as the attacker.
    expect((await post('', token)).status).toBe(403);
    const otherForm = await request(app).get('/sign-in');
    expect((await post(`empreinte_csrf=${secret}`, csrfFrom(otherForm.text))).status).toBe(403);
    expect((await post(`empreinte_csrf=${secret}`, token)).status).toBe(303);
  });

  it('changes the token when the session rotates', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const first = await signedInAgent(app, user);
    const second = await signedInAgent(app, user);
    expect(first.csrfToken).not.toBe(second.csrfToken);
    // The first session's token is useless with the second session's cookie.
    await second.agent.post('/account/tokens').type('form').send({ label: 'x', _csrf: first.csrfToken }).expect(403);
  });

  it('leaves anonymous JSON API calls alone: there is no ambient credential to abuse', async () => {
    const { app } = testApp();
    const res = await request(app).post('/api/entities').send({ name: 'Labo', kind: 'lab' });
    expect(res.status).toBe(401);
  });
});
