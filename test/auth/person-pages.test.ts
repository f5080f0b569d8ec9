import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { verifyPassword } from '../../src/auth/auth.crypto.ts';
import { findUserById } from '../../src/auth/users.repository.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, signedInAgent } from '../helpers/auth.ts';
import { createEntity } from '../helpers/org.ts';

async function setup() {
  const { app, deps } = testApp();
  const lab = await createEntity(deps.database, { name: 'LGEI' });
  const admin = await createUser(deps.database, { roles: ['admin'], name: 'Alix Admin' });
  const staff = await createUser(deps.database, { roles: ['staff'], name: 'Bao Staff' });
  return { app, deps, lab, admin, staff, ...(await signedInAgent(app, admin)) };
}

type Deps = Awaited<ReturnType<typeof setup>>['deps'];
const row = async (deps: Deps, id: string) => (await findUserById(deps.database.db, id))!;
const NEW_PASSWORD = 'une nouvelle phrase de passe';

describe('/admin/people/:id', () => {
  it('is linked from the list, prefilled, and refused (403) to other roles whose posts change nothing', async () => {
    const { app, deps, agent, staff } = await setup();
    const list = await agent.get('/admin/people').expect(200);
    expect(list.text).toContain(`<a href="/admin/people/${staff.id}" aria-label="Modifier Bao Staff : nom, entité, catégorie, mot de passe">Modifier</a>`);
    const page = await agent.get(`/admin/people/${staff.id}`).expect(200);
    expect(page.text).toContain('<h1>Modifier Bao Staff</h1>');
    expect(page.text).toContain(`Adresse électronique : ${staff.email}`);
    expect(page.text).toMatch(/id="person-name" name="name" type="text" value="Bao Staff"/);
    expect(page.text).toMatch(/<option value="staff" selected>Personnel<\/option>/);
    expect(page.text).toContain(`action="/admin/people/${staff.id}/password"`);
    expect((await agent.get(`/admin/people/${staff.id}?lang=en`).expect(200)).text).toContain('<h1>Edit Bao Staff</h1>');
    expect((await agent.get('/admin/people/usr_nobody').set('Accept', 'text/html')).status).toBe(404);

    const other = await signedInAgent(app, await createUser(deps.database, { roles: ['secretariat', 'finance', 'copil', 'staff'] }));
    expect((await other.agent.get(`/admin/people/${staff.id}`).set('Accept', 'text/html')).status).toBe(403);
    await other.agent.post(`/admin/people/${staff.id}`).type('form').send({ _csrf: other.csrfToken, name: 'Pirate', entityId: '', category: 'staff' }).expect(403);
    await other.agent.post(`/admin/people/${staff.id}/password`).type('form').send({ _csrf: other.csrfToken, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).expect(403);
    expect((await row(deps, staff.id)).name).toBe('Bao Staff');
    expect(await verifyPassword(staff.password, (await row(deps, staff.id)).passwordHash!)).toBe(true);
  });

  it('saves name, entity and category, audited, then says so on the list', async () => {
    const { deps, agent, csrfToken, lab, admin, staff } = await setup();
    const res = await agent.post(`/admin/people/${staff.id}`).type('form').send({ _csrf: csrfToken, name: 'Bao Nguyen', entityId: lab.id, category: 'student' });
    expect([res.status, res.headers.location]).toEqual([303, '/admin/people']);
    expect((await agent.get('/admin/people').expect(200)).text).toContain('Les informations de Bao Nguyen sont enregistrées.');
    expect(await row(deps, staff.id)).toMatchObject({ name: 'Bao Nguyen', entityId: lab.id, category: 'student' });
    const audit = (await listAudit(deps.database.db, staff.id)).filter((r) => r.event === 'user_updated');
    expect(audit.map((r) => [r.actorId, JSON.parse(r.detail!).fields])).toEqual([[admin.id, 'name,entityId,category']]);
    const again = await agent.post(`/admin/people/${staff.id}`).type('form').send({ _csrf: csrfToken, name: 'Bao Nguyen', entityId: lab.id, category: 'student' });
    expect(again.status).toBe(303);
    expect((await agent.get('/admin/people').expect(200)).text).toContain('Rien à changer pour Bao Nguyen.');
  });

  it('shows the message beside the field for bad input (400) and changes nothing', async () => {
    const { deps, agent, csrfToken, staff } = await setup();
    const before = await row(deps, staff.id);
    const post = (fields: Record<string, string>) => agent.post(`/admin/people/${staff.id}`).type('form').send({ _csrf: csrfToken, ...fields });
    const empty = await post({ name: '  ', entityId: '', category: 'visitor' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('id="person-name-error">Ce champ est obligatoire.');
    expect(empty.text).toContain('id="person-category-error">Choisissez une des valeurs proposées.');
    expect(empty.text).toContain('<a href="#person-name">Ce champ est obligatoire.</a>');
    const gone = await post({ name: 'Bao', entityId: 'ent_gone', category: 'staff' });
    expect(gone.status).toBe(400);
    expect(gone.text).toContain('id="person-entity-error">Cette entité n’existe pas ou plus : choisissez-en une dans la liste.');
    expect(await row(deps, staff.id)).toEqual(before);
  });

  it('sets a password: all the person’s sessions end, audited; the strength rule and the second entry are checked', async () => {
    const { app, deps, agent, csrfToken, admin, staff } = await setup();
    const theirs = await signedInAgent(app, staff);
    const post = (fields: Record<string, string>, lang = 'fr') => agent.post(`/admin/people/${staff.id}/password?lang=${lang}`).type('form').send({ _csrf: csrfToken, ...fields });
    const short = await post({ newPassword: 'court', confirmPassword: 'court' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('id="person-new-password-error">Le nouveau mot de passe doit contenir au moins 12 caractères.');
    expect(short.text).not.toContain('value="court"');
    const mismatch = await post({ newPassword: NEW_PASSWORD, confirmPassword: 'autre chose encore' }, 'en');
    expect(mismatch.text).toContain('id="person-confirm-password-error">The second entry does not match the new password.');
    expect(await verifyPassword(staff.password, (await row(deps, staff.id)).passwordHash!)).toBe(true);
    await theirs.agent.get('/api/me').expect(200);

    const res = await post({ newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect([res.status, res.headers.location]).toEqual([303, '/admin/people']);
    expect((await agent.get('/admin/people').expect(200)).text).toContain('Nouveau mot de passe défini pour Bao Staff : ses sessions sont terminées.');
    await theirs.agent.get('/api/me').expect(401);
    expect(await verifyPassword(NEW_PASSWORD, (await row(deps, staff.id)).passwordHash!)).toBe(true);
    expect((await listAudit(deps.database.db, staff.id)).filter((r) => r.event === 'password_set').map((r) => r.actorId)).toEqual([admin.id]);
    await signedInAgent(app, { email: staff.email, password: NEW_PASSWORD });
  });

  it('sends an admin to /account/password for their own password (no form; a forged post is a 409)', async () => {
    const { deps, agent, csrfToken, admin } = await setup();
    const page = await agent.get(`/admin/people/${admin.id}`).expect(200);
    expect(page.text).not.toContain(`action="/admin/people/${admin.id}/password"`);
    expect(page.text).toContain('Votre propre mot de passe se change sur la page « Changer de mot de passe », qui demande l’actuel. <a href="/account/password">');
    const forged = await agent.post(`/admin/people/${admin.id}/password`).type('form').send({ _csrf: csrfToken, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(forged.status).toBe(409);
    expect(await verifyPassword(admin.password, (await row(deps, admin.id)).passwordHash!)).toBe(true);
    await agent.get('/admin/people').expect(200); // still signed in
  });
});
