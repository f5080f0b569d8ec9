import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.ts';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { findUserByEmail, rolesOf } from '../../src/auth/users.repository.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { createEntity } from '../helpers/org.ts';
import { csrfFrom } from './support.ts';

async function setup() {
  const { app, deps } = testApp();
  const admin = await createUser(deps.database, { roles: ['admin'], name: 'Alix Admin' });
  const staff = await createUser(deps.database, { roles: ['staff'], name: 'Bao Staff' });
  return { app, deps, admin, staff, asAdmin: await bearerFor(deps.database, admin), asStaff: await bearerFor(deps.database, staff) };
}

const userCount = (deps: Awaited<ReturnType<typeof setup>>['deps']) => (deps.database.sqlite.prepare('select count(*) as n from users').get() as { n: number }).n;

describe('people API: who may call it', () => {
  it('answers 401 without sign-in and 403 to every role but admin, secretariat included', async () => {
    const { app, deps, staff } = await setup();
    const secretariat = await createUser(deps.database, { roles: ['secretariat', 'finance', 'copil'] });
    const calls = [
      () => request(app).get('/api/users'),
      () => request(app).post('/api/users').send({ email: 'x@y.fr', name: 'X' }),
      () => request(app).post(`/api/users/${staff.id}/roles`).send({ role: 'admin', action: 'add' }),
      () => request(app).post(`/api/users/${staff.id}/disable`),
      () => request(app).post(`/api/users/${staff.id}/enable`),
    ];
    for (const call of calls) {
      expect((await call()).status).toBe(401);
      const denied = await call().set('Authorization', await bearerFor(deps.database, secretariat));
      expect([denied.status, denied.body.error.code]).toEqual([403, 'auth.forbidden']);
    }
    expect(await rolesOf(deps.database.db, staff.id)).toEqual(['staff']);
    expect(userCount(deps)).toBe(3);
  });

  it('refuses a cookie-authenticated write without the CSRF header, changing nothing', async () => {
    const { app, deps, admin, staff } = await setup();
    const { agent, csrfToken } = await signedInAgent(app, admin);
    const refused = await agent.post(`/api/users/${staff.id}/disable`);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'csrf.forbidden']);
    expect((await findUserByEmail(deps.database.db, staff.email))?.disabled).toBe(false);
    await agent.post(`/api/users/${staff.id}/disable`).set('X-CSRF-Token', csrfToken).expect(200);
    expect((await findUserByEmail(deps.database.db, staff.email))?.disabled).toBe(true);
  });
});

describe('people API for an admin', () => {
  it('lists everyone with entity, roles and status, never a password hash', async () => {
    const { app, deps, asAdmin, admin } = await setup();
    const lab = await createEntity(deps.database, { name: 'LGEI' });
    const carla = await createUser(deps.database, { roles: ['staff', 'secretariat'], name: 'Carla Roux', entityId: lab.id, category: 'student' });
    const res = await request(app).get('/api/users').set('Authorization', asAdmin).expect(200);
    expect(res.body.users.map((u: { name: string }) => u.name)).toEqual(['Alix Admin', 'Bao Staff', 'Carla Roux']);
    expect(res.body.users[2]).toEqual({ id: carla.id, email: carla.email, name: 'Carla Roux', category: 'student', entity: { id: lab.id, name: 'LGEI' }, roles: ['staff', 'secretariat'], disabled: false });
    expect(res.body.users[0]).toMatchObject({ id: admin.id, entity: null, roles: ['admin'] });
    expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);
  });

  it('creates a person with the CLI’s rules and audits who did it', async () => {
    const { app, deps, asAdmin, admin } = await setup();
    const lab = await createEntity(deps.database, { name: 'LGEI' });
    const res = await request(app).post('/api/users').set('Authorization', asAdmin).send({ email: 'Dora.Ka@Mines-Ales.fr', name: 'Dora Ka', entityId: lab.id }).expect(201);
    expect(res.body.user).toMatchObject({ email: 'dora.ka@mines-ales.fr', roles: ['staff'], category: 'staff', entity: { name: 'LGEI' }, disabled: false });
    const trail = await listAudit(deps.database.db, res.body.user.id);
    expect(trail.map((r) => [r.event, r.actorId])).toEqual([['user_created', admin.id]]);
    const again = await request(app).post('/api/users').set('Authorization', asAdmin).send({ email: 'dora.ka@mines-ales.fr', name: 'Autre' });
    expect([again.status, again.body.error.code, again.body.error.details[0].path]).toEqual([409, 'user.conflict', 'email']);
  });

  it('answers 400 naming the field for bad input, and creates nobody', async () => {
    const { app, deps, asAdmin } = await setup();
    const post = (payload: unknown) => request(app).post('/api/users').set('Authorization', asAdmin).send(payload as object);
    const cases: Array<[unknown, string]> = [
      [{ email: 'pas-une-adresse', name: 'X' }, 'email'],
      [{ email: 'x@y.fr', name: '' }, 'name'],
      [{ email: 'x@y.fr', name: 'X', roles: ['boss'] }, 'roles.0'],
      [{ email: 'x@y.fr', name: 'X', roles: [] }, 'roles'],
      [{ email: 'x@y.fr', name: 'X', password: 'court' }, 'password'],
      [{ email: 'x@y.fr', name: 'X', category: 'visitor' }, 'category'],
      [{ email: 'x@y.fr', name: 'X', entityId: 'ent_nowhere' }, 'entityId'],
      [{ email: 'x@y.fr', name: 'X', isAdmin: true }, 'isAdmin'], // an unknown field is named
    ];
    for (const [payload, path] of cases) {
      const res = await post(payload);
      expect([res.status, res.body.error.code], JSON.stringify(payload)).toEqual([400, 'validation.invalid']);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(userCount(deps)).toBe(2);
  });

  it('adds and removes one role, 404 for an unknown person, 400 for an unknown role', async () => {
    const { app, deps, asAdmin, staff } = await setup();
    const roles = (id: string, payload: object) => request(app).post(`/api/users/${id}/roles`).set('Authorization', asAdmin).send(payload);
    expect((await roles(staff.id, { role: 'secretariat', action: 'add' }).expect(200)).body).toMatchObject({ changed: true, user: { roles: ['staff', 'secretariat'] } });
    expect((await roles(staff.id, { role: 'secretariat', action: 'add' }).expect(200)).body.changed).toBe(false);
    expect((await roles(staff.id, { role: 'staff', action: 'remove' }).expect(200)).body.user.roles).toEqual(['secretariat']);
    const unknown = await roles('usr_nobody', { role: 'staff', action: 'add' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'user.not_found']);
    const badRole = await roles(staff.id, { role: 'boss', action: 'add' });
    expect([badRole.status, badRole.body.error.details[0].path]).toEqual([400, 'role']);
    const badAction = await roles(staff.id, { role: 'staff', action: 'toggle' });
    expect([badAction.status, badAction.body.error.details[0].path]).toEqual([400, 'action']);
    expect(await rolesOf(deps.database.db, staff.id)).toEqual(['secretariat']);
    expect((await listAudit(deps.database.db, staff.id)).map((r) => r.event)).toEqual(['user_created', 'token_created', 'role_added', 'role_removed']);
  });

  it('refuses with 409 and a French reason to remove the last admin’s role or to disable oneself', async () => {
    const { app, deps, asAdmin, admin } = await setup();
    const lose = await request(app).post(`/api/users/${admin.id}/roles`).set('Authorization', asAdmin).send({ role: 'admin', action: 'remove' });
    expect([lose.status, lose.body.error.code, lose.body.error.details[0].path]).toEqual([409, 'user.last_admin', 'role']);
    expect(lose.body.error.message).toMatch(/Impossible de retirer le rôle admin à Alix Admin : c’est le dernier compte admin actif/);
    const self = await request(app).post(`/api/users/${admin.id}/disable`).set('Authorization', asAdmin);
    expect([self.status, self.body.error.code]).toEqual([409, 'user.self_disable']);
    expect(self.body.error.message).toMatch(/propre compte/);
    expect(await rolesOf(deps.database.db, admin.id)).toEqual(['admin']);
    expect((await findUserByEmail(deps.database.db, admin.email))?.disabled).toBe(false);
    const unknown = await request(app).post('/api/users/usr_nobody/enable').set('Authorization', asAdmin);
    expect(unknown.status).toBe(404);
  });
});

describe('a disabled person', () => {
  it('is signed out everywhere, cannot sign in nor use a token, and can again once enabled', async () => {
    const { app, deps, asAdmin, staff, asStaff } = await setup();
    const { agent } = await signedInAgent(app, staff);
    await agent.get('/api/me').expect(200);
    await request(app).get('/api/me').set('Authorization', asStaff).expect(200);

    const off = await request(app).post(`/api/users/${staff.id}/disable`).set('Authorization', asAdmin).expect(200);
    expect(off.body).toMatchObject({ changed: true, user: { id: staff.id, disabled: true } });
    await agent.get('/api/me').expect(401); // the session row is gone, not just refused
    expect((deps.database.sqlite.prepare('select count(*) as n from sessions where user_id = ?').get(staff.id) as { n: number }).n).toBe(0);
    await request(app).get('/api/me').set('Authorization', asStaff).expect(401);
    const fresh = request.agent(app);
    const form = await fresh.get('/sign-in').expect(200);
    await fresh.post('/sign-in').type('form').send({ email: staff.email, password: staff.password, _csrf: csrfFrom(form.text) }).expect(401);

    const on = await request(app).post(`/api/users/${staff.id}/enable`).set('Authorization', asAdmin).expect(200);
    expect(on.body).toMatchObject({ changed: true, user: { disabled: false } });
    // The same token works again: disabling suspends tokens, it does not revoke them.
    await request(app).get('/api/me').set('Authorization', asStaff).expect(200);
    const back = await signedInAgent(app, staff);
    await back.agent.get('/api/me').expect(200);
    expect((await listAudit(deps.database.db, staff.id)).map((r) => r.event)).toEqual([
      'user_created',
      'token_created',
      'sign_in',
      'user_disabled',
      'sign_in_failed',
      'user_enabled',
      'sign_in',
    ]);
  });
});

describe('people API: around it', () => {
  it('stops recognising a disabled person behind the trusted proxy, and recognises them again once enabled', async () => {
    const { app, deps } = testApp({ config: testConfig({ EMPREINTE_TRUSTED_USER_HEADER: 'X-Remote-User' }) });
    const admin = await createUser(deps.database, { roles: ['admin'] });
    const person = await createUser(deps.database, { email: 'cas.user@mines-ales.fr' });
    const asAdmin = await bearerFor(deps.database, admin);
    await request(app).get('/api/me').set('X-Remote-User', 'cas.user').expect(200);
    await request(app).post(`/api/users/${person.id}/disable`).set('Authorization', asAdmin).expect(200);
    await request(app).get('/api/me').set('X-Remote-User', 'cas.user').expect(401);
    await request(app).post(`/api/users/${person.id}/enable`).set('Authorization', asAdmin).expect(200);
    await request(app).get('/api/me').set('X-Remote-User', 'cas.user').expect(200);
  });

  it('is described in the OpenAPI document from the routes’ own schemas', async () => {
    const { app } = testApp();
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
    const create = doc.paths['/api/users'].post;
    const body = create.requestBody.content['application/json'].schema;
    expect([create.requestBody.required, body.additionalProperties, body.required]).toEqual([true, false, ['email', 'name']]);
    expect(body.properties.password.minLength).toBe(12);
    expect(doc.paths['/api/users/{id}/roles'].post.requestBody.content['application/json'].schema.properties.action.enum).toEqual(['add', 'remove']);
    expect(Object.keys(doc.paths['/api/users/{id}/disable'].post.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(doc.paths['/api/users'].get.responses['200'].content['application/json'].schema.properties.users.items.required).toContain('disabled');
  });
});
