import { describeError } from '../../src/shared/errors.ts';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { refuseAdminRoleRemoval, refuseDisable, type AdminRuleInput } from '../../src/auth/users-admin.models.ts';
import { createPerson, disableUser, enableUser, listPeople } from '../../src/auth/users-admin.usecases.ts';
import { changeRole } from '../../src/auth/users.usecases.ts';
import { insertSession } from '../../src/auth/sessions.repository.ts';
import { findUserById } from '../../src/auth/users.repository.ts';
import { verifyPassword } from '../../src/auth/auth.crypto.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Database } from '../../src/shared/db.ts';
import { createUser } from '../helpers/auth.ts';
import { memoryDatabase } from '../helpers/db.ts';
import { thrownAppError } from '../helpers/errors.ts';
import { createEntity } from '../helpers/org.ts';

const clock = fixedClock('2026-11-27T10:00:00Z');

const rule = (over: Partial<Omit<AdminRuleInput, 'target'>> & { target?: Partial<AdminRuleInput['target']> } = {}): AdminRuleInput => ({
  actorId: over.actorId === undefined ? 'usr_actor' : over.actorId,
  enabledAdmins: over.enabledAdmins ?? 2,
  target: { id: 'usr_target', name: 'Camille Martin', disabled: false, isAdmin: false, ...over.target },
});

describe('admin rules (pure)', () => {
  it('refuses self-disabling, even with other admins left', () => {
    expect(refuseDisable(rule({ actorId: 'usr_target', target: { isAdmin: true }, enabledAdmins: 3 }))?.code).toBe('user.self_disable');
  });

  it('refuses disabling the last enabled admin, from the console too, and names the person', () => {
    const refusal = refuseDisable(rule({ actorId: null, target: { isAdmin: true }, enabledAdmins: 1 }));
    expect(refusal?.code).toBe('user.last_admin');
    expect(describeError(refusal!, 'fr').message).toMatch(/Camille Martin.*dernier compte admin actif/);
    expect(refusal?.message).toMatch(/Camille Martin.*last enabled admin/);
  });

  it('lets an admin disable another admin while one enabled admin remains, and anyone who is not admin', () => {
    expect(refuseDisable(rule({ target: { isAdmin: true }, enabledAdmins: 2 }))).toBeNull();
    expect(refuseDisable(rule({ target: { isAdmin: false }, enabledAdmins: 1 }))).toBeNull();
  });

  it('refuses removing the admin role from the last enabled admin only', () => {
    expect(refuseAdminRoleRemoval(rule({ target: { isAdmin: true }, enabledAdmins: 1 }))?.details[0]?.path).toBe('role');
    expect(refuseAdminRoleRemoval(rule({ target: { isAdmin: true }, enabledAdmins: 2 }))).toBeNull();
    // A disabled admin is not counted among the enabled ones and can lose the role freely.
    expect(refuseAdminRoleRemoval(rule({ target: { isAdmin: true, disabled: true }, enabledAdmins: 1 }))).toBeNull();
  });
});

async function session(database: Database, userId: string, id: string): Promise<void> {
  await insertSession(database.db, { id, userId, csrfSecret: 's', createdAt: '2026-11-27T09:00:00.000Z', expiresAt: '2026-11-27T21:00:00.000Z', lastSeenAt: '2026-11-27T09:00:00.000Z' });
}
const sessionCount = (database: Database, userId: string) => (database.sqlite.prepare('select count(*) as n from sessions where user_id = ?').get(userId) as { n: number }).n;

describe('disabling and enabling people', () => {
  it('ends every session of the person at once, audits it, and does nothing the second time', async () => {
    const database = memoryDatabase();
    const admin = await createUser(database, { roles: ['admin'] });
    const person = await createUser(database, { roles: ['staff'] });
    await session(database, person.id, 'sess_1');
    await session(database, person.id, 'sess_2');
    await session(database, admin.id, 'sess_admin');

    const first = await disableUser({ database, clock }, person.id, { actorId: admin.id, ip: '10.0.0.1' });
    expect(first).toMatchObject({ changed: true, sessionsEnded: 2, user: { id: person.id, disabled: true } });
    expect(sessionCount(database, person.id)).toBe(0);
    expect(sessionCount(database, admin.id)).toBe(1);
    expect(await disableUser({ database, clock }, person.id, { actorId: admin.id })).toMatchObject({ changed: false, sessionsEnded: 0 });

    expect(await enableUser({ database, clock }, person.id, { actorId: admin.id, ip: '10.0.0.1' })).toMatchObject({ changed: true, user: { disabled: false } });
    expect((await enableUser({ database, clock }, person.id, { actorId: admin.id })).changed).toBe(false);
    const trail = (await listAudit(database.db, person.id)).filter((r) => r.event !== 'user_created');
    expect(trail.map((r) => [r.event, r.actorId, r.ip, r.detail, r.at])).toEqual([
      ['user_disabled', admin.id, '10.0.0.1', '{"sessionsEnded":"2"}', '2026-11-27T10:00:00.000Z'],
      ['user_enabled', admin.id, '10.0.0.1', null, '2026-11-27T10:00:00.000Z'],
    ]);
  });

  it('refuses self-disabling and disabling the last enabled admin with 409, changing nothing', async () => {
    const database = memoryDatabase();
    const admin = await createUser(database, { roles: ['admin', 'staff'], name: 'Alix Admin' });
    await session(database, admin.id, 'sess_admin');
    const self = await thrownAppError(() => disableUser({ database, clock }, admin.id, { actorId: admin.id }));
    expect([self.status, self.code, self.details[0]?.path]).toEqual([409, 'user.self_disable', 'id']);
    const last = await thrownAppError(() => disableUser({ database, clock }, admin.id, { actorId: null, ip: 'cli' }));
    expect([last.status, last.code]).toEqual([409, 'user.last_admin']);
    expect(last.message).toContain('Alix Admin');
    expect((await findUserById(database.db, admin.id))?.disabled).toBe(false);
    expect(sessionCount(database, admin.id)).toBe(1);
    expect((await listAudit(database.db, admin.id)).map((r) => r.event)).toEqual(['user_created']);
  });

  it('keeps one enabled admin: a disabled admin does not count, and the last one keeps the role', async () => {
    const database = memoryDatabase();
    const alix = await createUser(database, { roles: ['admin'] });
    const bao = await createUser(database, { roles: ['admin'] });
    await disableUser({ database, clock }, bao.id, { actorId: alix.id }); // two enabled admins → one
    const refused = await thrownAppError(() => changeRole({ database, clock }, alix.id, 'admin', 'remove', { actorId: null }));
    expect([refused.status, refused.code, refused.details[0]?.path]).toEqual([409, 'user.last_admin', 'role']);
    expect((await thrownAppError(() => disableUser({ database, clock }, alix.id, { actorId: null }))).code).toBe('user.last_admin');
    // Bao, disabled, may lose the role; once Bao is enabled again, Alix may lose it too.
    expect(await changeRole({ database, clock }, bao.id, 'admin', 'remove', { actorId: alix.id })).toBe(true);
    await changeRole({ database, clock }, bao.id, 'admin', 'add', { actorId: alix.id });
    await enableUser({ database, clock }, bao.id, { actorId: alix.id });
    expect(await changeRole({ database, clock }, alix.id, 'admin', 'remove', { actorId: bao.id })).toBe(true);
    expect((await listPeople({ database })).find((p) => p.id === alix.id)?.roles).toEqual([]);
  });

  it('answers 404 for an unknown person', async () => {
    const database = memoryDatabase();
    for (const act of [
      () => disableUser({ database, clock }, 'usr_nobody', { actorId: null }),
      () => enableUser({ database, clock }, 'usr_nobody', { actorId: null }),
      () => changeRole({ database, clock }, 'usr_nobody', 'staff', 'add', { actorId: null }),
    ]) {
      expect(await thrownAppError(act)).toMatchObject({ status: 404, code: 'user.not_found' });
    }
  });
});

describe('listing and creating people', () => {
  it('lists people by name with entity, roles (in the catalogue order) and status', async () => {
    const database = memoryDatabase();
    const lab = await createEntity(database, { name: 'LGEI' });
    await createUser(database, { name: 'Zoé Blanc', email: 'zoe@mines-ales.fr', roles: ['secretariat', 'staff'], entityId: lab.id });
    const person = await createPerson({ database, clock }, { email: ' Ana.Roy@Mines-Ales.fr ', name: 'Ana Roy', password: 'une phrase de passe solide' }, { actorId: null, ip: 'cli' });
    expect(person).toEqual({ id: person.id, email: 'ana.roy@mines-ales.fr', name: 'Ana Roy', category: 'staff', entity: null, roles: ['staff'], disabled: false });
    expect(await verifyPassword('une phrase de passe solide', (await findUserById(database.db, person.id))!.passwordHash!)).toBe(true);
    expect((await listPeople({ database })).map((p) => [p.name, p.entity?.name ?? null, p.roles])).toEqual([
      ['Ana Roy', null, ['staff']],
      ['Zoé Blanc', 'LGEI', ['staff', 'secretariat']],
    ]);
  });

  it('refuses a short password and a duplicate email like the CLI', async () => {
    const database = memoryDatabase();
    await expect(createPerson({ database, clock }, { email: 'a@b.fr', name: 'A', password: 'court' }, { actorId: null })).rejects.toMatchObject({ status: 400, details: [{ path: 'password' }] });
    await createPerson({ database, clock }, { email: 'a@b.fr', name: 'A' }, { actorId: null });
    await expect(createPerson({ database, clock }, { email: 'A@B.FR', name: 'B' }, { actorId: null })).rejects.toMatchObject({ status: 409, code: 'user.conflict' });
    expect(await listPeople({ database })).toHaveLength(1);
  });
});
