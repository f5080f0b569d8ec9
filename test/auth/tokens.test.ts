import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../src/auth/users.usecases.ts';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';

describe('API tokens (Bearer)', () => {
  it('authenticates a script as its owner, with the token stored only as a SHA-256', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database, { roles: ['staff', 'secretariat'], name: 'Inès Garcia' });
    const { token } = await createApiToken(deps, user.id, 'export', { actorId: user.id });
    expect(token).toMatch(/^emp_[A-Za-z0-9_-]{43}$/);
    const me = await request(app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.user).toMatchObject({ id: user.id, name: 'Inès Garcia', roles: ['staff', 'secretariat'], via: 'token' });
    const stored = deps.database.sqlite.prepare('select token_hash, last_used_at from api_tokens').get() as { token_hash: string; last_used_at: string };
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(deps.database.sqlite.prepare('select * from api_tokens').all())).not.toContain(token);
    expect(stored.last_used_at).toBe('2026-11-27T10:00:00.000Z');
  });

  it('answers 401 with WWW-Authenticate for an unknown, malformed or revoked token', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const { id, token } = await createApiToken(deps, user.id, 'old', { actorId: user.id });
    const unknown = await request(app).get('/api/me').set('Authorization', 'Bearer emp_nope').expect(401);
    expect(unknown.headers['www-authenticate']).toMatch(/^Bearer .*invalid_token/);
    await request(app).get('/api/me').set('Authorization', 'Bearer ').expect(401);
    expect(await revokeApiToken(deps, user.id, id, { actorId: user.id })).toBe(true);
    await request(app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    // Open routes (health, places, factors, quote) are mounted before authentication: they never
    // read credentials, so a stale token in a script cannot take a liveness probe down.
    await request(app).get('/healthz').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses the token of a disabled person', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const bearer = await bearerFor(deps.database, user);
    deps.database.sqlite.prepare('update users set disabled = 1 where id = ?').run(user.id);
    await request(app).get('/api/me').set('Authorization', bearer).expect(401);
  });

  it('lets a person create a token on the account page, shown once, then revoke it', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    const { agent, csrfToken } = await signedInAgent(app, user);
    const created = await agent.post('/account/tokens').type('form').send({ label: 'Export <mensuel>', _csrf: csrfToken }).expect(201);
    const token = /<code class="token" id="new-token">([^<]+)<\/code>/.exec(created.text)?.[1];
    expect(token).toMatch(/^emp_/);
    expect(created.text).toContain('Export &lt;mensuel&gt;');
    await request(app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);

    const listed = await agent.get('/account/tokens').expect(200);
    expect(listed.text).not.toContain(token!);
    const tokenId = /action="\/account\/tokens\/(tok_[^/]+)\/revoke"/.exec(listed.text)?.[1];
    await agent.post(`/account/tokens/${tokenId}/revoke`).type('form').send({ _csrf: csrfToken }).expect(303);
    await request(app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect((await listAudit(deps.database.db, user.id)).map((r) => r.event)).toEqual(['user_created', 'sign_in', 'token_created', 'token_revoked']);
  });

  it('does not let anyone revoke another person’s token by its id', async () => {
    const { app, deps } = testApp();
    const owner = await createUser(deps.database);
    const other = await createUser(deps.database);
    const { id, token } = await createApiToken(deps, owner.id, 'mine', { actorId: owner.id });
    const { agent, csrfToken } = await signedInAgent(app, other);
    await agent.post(`/account/tokens/${id}/revoke`).type('form').send({ _csrf: csrfToken }).expect(303);
    await request(app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('re-renders the form with the error next to the field for an empty label', async () => {
    const { app, deps } = testApp();
    const { agent, csrfToken } = await signedInAgent(app, await createUser(deps.database));
    const res = await agent.post('/account/tokens').type('form').send({ label: '  ', _csrf: csrfToken }).expect(400);
    expect(res.text).toMatch(/id="field-label-error">Ce champ est obligatoire\./);
  });
});
