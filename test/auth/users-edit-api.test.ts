import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { verifyPassword } from '../../src/auth/auth.crypto.ts';
import { findUserById } from '../../src/auth/users.repository.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { createEntity } from '../helpers/org.ts';

async function setup() {
  const { app, deps } = testApp();
  const admin = await createUser(deps.database, { roles: ['admin'], name: 'Alix Admin' });
  const staff = await createUser(deps.database, { roles: ['staff'], name: 'Bao Staff' });
  return { app, deps, admin, staff, asAdmin: await bearerFor(deps.database, admin), asStaff: await bearerFor(deps.database, staff) };
}

type Deps = Awaited<ReturnType<typeof setup>>['deps'];
const events = async (deps: Deps, id: string) => (await listAudit(deps.database.db, id)).map((r) => r.event);
const sessionsOf = (deps: Deps, id: string) => deps.database.sqlite.prepare('select count(*) from sessions where user_id = ?').pluck().get(id);

describe('PATCH /api/users/:id', () => {
  it('edits name, entity and category; the person sees it at once; only real changes are audited', async () => {
    const { app, deps, asAdmin, admin, staff, asStaff } = await setup();
    const lab = await createEntity(deps.database, { name: 'LGEI' });
    const patch = (payload: object) => request(app).patch(`/api/users/${staff.id}`).set('Authorization', asAdmin).send(payload);
    const res = await patch({ name: ' Bao Nguyen ', entityId: lab.id, category: 'student' }).expect(200);
    expect(res.body).toEqual({ changed: true, user: { id: staff.id, email: staff.email, name: 'Bao Nguyen', category: 'student', entity: { id: lab.id, name: 'LGEI' }, roles: ['staff'], disabled: false } });
    expect((await request(app).get('/api/me').set('Authorization', asStaff).expect(200)).body.user).toMatchObject({ name: 'Bao Nguyen', entityId: lab.id, category: 'student' });
    // Same values again: nothing to write, nothing audited.
    expect((await patch({ name: 'Bao Nguyen', category: 'student' }).expect(200)).body.changed).toBe(false);
    expect((await patch({ entityId: null }).expect(200)).body.user.entity).toBeNull();
    const updates = (await listAudit(deps.database.db, staff.id)).filter((r) => r.event === 'user_updated');
    expect(updates.map((r) => [r.actorId, JSON.parse(r.detail!)])).toEqual([
      [admin.id, { fields: 'name,entityId,category', name: 'Bao Nguyen', entityId: lab.id, category: 'student' }],
      [admin.id, { fields: 'entityId', entityId: '' }],
    ]);
  });

  it('refuses unknown fields, an empty body, bad values and an unknown entity (400), changing nothing', async () => {
    const { app, deps, asAdmin, staff } = await setup();
    const before = await findUserById(deps.database.db, staff.id);
    const cases: Array<[unknown, string]> = [
      [{ email: 'autre@example.org' }, 'email'], // not editable here: named as an unknown field
      [{ name: 'X', roles: ['admin'] }, 'roles'],
      [{ disabled: true }, 'disabled'],
      [{ password: 'a long enough password' }, 'password'],
      [{}, '(root)'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ category: 'visitor' }, 'category'],
      [{ entityId: '' }, 'entityId'],
      [{ entityId: 'ent_nowhere' }, 'entityId'],
    ];
    for (const [payload, path] of cases) {
      const res = await request(app).patch(`/api/users/${staff.id}`).set('Authorization', asAdmin).send(payload as object);
      expect([res.status, res.body.error.code], JSON.stringify(payload)).toEqual([400, 'validation.invalid']);
      expect(res.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(payload)).toContain(path);
    }
    expect(await findUserById(deps.database.db, staff.id)).toEqual(before);
    expect(await events(deps, staff.id)).not.toContain('user_updated');
  });

  it('answers 404 for an unknown id and 403 to other roles', async () => {
    const { app, deps, asStaff, asAdmin, staff } = await setup();
    const unknown = await request(app).patch('/api/users/usr_nobody').set('Authorization', asAdmin).send({ name: 'X' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'user.not_found']);
    const denied = await request(app).patch(`/api/users/${staff.id}`).set('Authorization', asStaff).send({ name: 'Moi-même' });
    expect([denied.status, denied.body.error.code]).toEqual([403, 'auth.forbidden']);
    expect((await findUserById(deps.database.db, staff.id))?.name).toBe('Bao Staff');
  });
});

describe('POST /api/users/:id/password', () => {
  it('sets a new password: every session of the person ends, the old one no longer works, audited', async () => {
    const { app, deps, asAdmin, admin, staff } = await setup();
    const first = await signedInAgent(app, staff);
    await signedInAgent(app, staff);
    expect(sessionsOf(deps, staff.id)).toBe(2);
    const res = await request(app).post(`/api/users/${staff.id}/password`).set('Authorization', asAdmin).send({ password: 'une nouvelle phrase de passe' }).expect(200);
    expect(res.body).toMatchObject({ sessionsEnded: 2, user: { id: staff.id, disabled: false } });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|phrase/);
    expect(sessionsOf(deps, staff.id)).toBe(0);
    await first.agent.get('/api/me').expect(401);
    const hash = (await findUserById(deps.database.db, staff.id))!.passwordHash!;
    expect([await verifyPassword('une nouvelle phrase de passe', hash), await verifyPassword(staff.password, hash)]).toEqual([true, false]);
    const set = (await listAudit(deps.database.db, staff.id)).filter((r) => r.event === 'password_set');
    expect(set.map((r) => [r.actorId, r.detail])).toEqual([[admin.id, JSON.stringify({ sessionsEnded: '2' })]]);
    await signedInAgent(app, { email: staff.email, password: 'une nouvelle phrase de passe' });
  });

  it('applies the strength rule (400 naming password), refuses other fields, 404 for an unknown id, 409 for oneself', async () => {
    const { app, deps, asAdmin, admin, staff, asStaff } = await setup();
    const post = (id: string, payload: unknown, as = asAdmin) => request(app).post(`/api/users/${id}/password`).set('Authorization', as).send(payload as object);
    for (const payload of [{ password: 'court' }, { password: 'x'.repeat(1025) }, {}, { password: 123456789012 }]) {
      const res = await post(staff.id, payload);
      expect([res.status, res.body.error.details[0].path], JSON.stringify(payload)).toEqual([400, 'password']);
    }
    const extra = await post(staff.id, { password: 'a long enough password', generate: true });
    expect([extra.status, extra.body.error.details[0].path]).toEqual([400, 'generate']);
    const unknown = await post('usr_nobody', { password: 'court' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'user.not_found']);
    const self = await post(admin.id, { password: 'a long enough password' });
    expect([self.status, self.body.error.code]).toEqual([409, 'user.self_password']);
    expect((await post(admin.id, { password: 'a long enough password' }, asStaff)).status).toBe(403);
    expect(await verifyPassword(staff.password, (await findUserById(deps.database.db, staff.id))!.passwordHash!)).toBe(true);
    expect(await verifyPassword(admin.password, (await findUserById(deps.database.db, admin.id))!.passwordHash!)).toBe(true);
    expect([...await events(deps, staff.id), ...await events(deps, admin.id)]).not.toContain('password_set');
  });
});

describe('disable and enable take no fields', () => {
  it('refuses a body with a field (400) and disables nobody', async () => {
    const { app, deps, asAdmin, staff } = await setup();
    const res = await request(app).post(`/api/users/${staff.id}/disable`).set('Authorization', asAdmin).send({ reason: 'départ' });
    expect([res.status, res.body.error.details[0].path]).toEqual([400, 'reason']);
    expect((await findUserById(deps.database.db, staff.id))?.disabled).toBe(false);
    await request(app).post(`/api/users/${staff.id}/disable`).set('Authorization', asAdmin).send({}).expect(200);
    expect((await request(app).post(`/api/users/${staff.id}/enable`).set('Authorization', asAdmin).send({ force: true })).status).toBe(400);
    expect((await findUserById(deps.database.db, staff.id))?.disabled).toBe(true);
  });
});
