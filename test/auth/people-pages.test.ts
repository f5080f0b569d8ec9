import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { findUserByEmail, findUserById, rolesOf } from '../../src/auth/users.repository.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { createEntity } from '../helpers/org.ts';
import { csrfFrom } from './support.ts';

async function setup() {
  const { app, deps } = testApp();
  const admin = await createUser(deps.database, { roles: ['admin'], name: 'Alix Admin' });
  const staff = await createUser(deps.database, { roles: ['staff'], name: 'Bao Staff' });
  const signed = await signedInAgent(app, admin);
  return { app, deps, admin, staff, ...signed };
}

const count = (deps: { database: { sqlite: { prepare: (s: string) => { get: () => unknown } } } }) => (deps.database.sqlite.prepare('select count(*) as n from users').get() as { n: number }).n;

describe('/admin/people: who may see it', () => {
  it('sends the anonymous to sign-in, shows 403 to other roles and no menu entry, changes nothing on their posts', async () => {
    const { app, deps, staff } = await setup();
    const anonymous = await request(app).get('/admin/people').set('Accept', 'text/html');
    expect([anonymous.status, anonymous.headers.location]).toEqual([303, '/sign-in?next=%2Fadmin%2Fpeople']);
    const secretariat = await createUser(deps.database, { roles: ['secretariat', 'finance', 'copil', 'staff'] });
    const { agent, csrfToken } = await signedInAgent(app, secretariat);
    const page = await agent.get('/admin/people').set('Accept', 'text/html');
    expect(page.status).toBe(403);
    expect(page.text).toContain('Accès refusé');
    const home = await agent.get('/').expect(200);
    expect(home.text).not.toContain('href="/admin/people"');
    await agent.post(`/admin/people/${staff.id}/disable`).type('form').send({ _csrf: csrfToken }).expect(403);
    await agent.post('/admin/organisation/entities').type('form').send({ _csrf: csrfToken, name: 'X', kind: 'lab' }).expect(403);
    expect((await findUserById(deps.database.db, staff.id))?.disabled).toBe(false);
  });

  it('lists everyone for an admin, with the menu entries and only one current link', async () => {
    const { deps, agent, staff } = await setup();
    const lab = await createEntity(deps.database, { name: 'LGEI' });
    await createUser(deps.database, { roles: ['secretariat'], name: 'Carla Roux', entityId: lab.id, category: 'student' });
    const page = await agent.get('/admin/people').expect(200);
    expect(page.text).toContain('<h1>Personnes</h1>');
    expect(page.text).toMatch(/<a class="main-nav__link" href="\/admin\/people" aria-current="page">Personnes<\/a>/);
    expect(page.text).toMatch(/<a class="main-nav__link" href="\/admin">Administration<\/a>/);
    expect(page.text).toContain('href="/admin/organisation"');
    const carla = page.text.slice(page.text.indexOf('Carla Roux'));
    expect(carla).toMatch(/Étudiant ou étudiante<\/td>\s*<td>LGEI<\/td>/);
    expect(page.text).toContain(`action="/admin/people/${staff.id}/disable"`);
    expect(page.text).toContain('aria-label="Désactiver Bao Staff"');
    // No disable button for oneself: the admin's own row says so instead.
    expect(page.text).toContain('Votre propre compte ne peut pas être désactivé ici.');
    const english = await agent.get('/admin/people?lang=en').expect(200);
    expect(english.text).toContain('aria-label="Disable Bao Staff"');
  });
});

describe('/admin/people: disabling and enabling', () => {
  it('refuses a post without the CSRF token, changing nothing', async () => {
    const { deps, agent, staff } = await setup();
    const refused = await agent.post(`/admin/people/${staff.id}/disable`).type('form').send({}).set('Accept', 'text/html');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Le formulaire a expiré');
    expect((await findUserById(deps.database.db, staff.id))?.disabled).toBe(false);
  });

  it('disables a person (sessions ended, sign-in and token refused), then enables them again', async () => {
    const { app, deps, agent, csrfToken, staff, admin } = await setup();
    const theirs = await signedInAgent(app, staff);
    const token = await bearerFor(deps.database, staff);

    const off = await agent.post(`/admin/people/${staff.id}/disable`).type('form').send({ _csrf: csrfToken });
    expect([off.status, off.headers.location]).toEqual([303, '/admin/people']);
    const after = await agent.get('/admin/people').expect(200);
    expect(after.text).toContain('Bao Staff est désactivé·e : ses sessions sont terminées et ses jetons d’API refusés.');
    expect(after.text).toContain('aria-label="Réactiver Bao Staff"');
    expect((await theirs.agent.get('/account/tokens').set('Accept', 'text/html')).status).toBe(303);
    await request(app).get('/api/me').set('Authorization', token).expect(401);
    const fresh = request.agent(app);
    const form = await fresh.get('/sign-in').expect(200);
    await fresh.post('/sign-in').type('form').send({ email: staff.email, password: staff.password, _csrf: csrfFrom(form.text) }).expect(401);

    await agent.post(`/admin/people/${staff.id}/enable`).type('form').send({ _csrf: csrfToken }).expect(303);
    expect((await agent.get('/admin/people').expect(200)).text).toContain('Bao Staff est réactivé·e');
    await request(app).get('/api/me').set('Authorization', token).expect(200);
    await signedInAgent(app, staff);
    expect((await listAudit(deps.database.db, staff.id)).filter((r) => r.event.startsWith('user_')).map((r) => [r.event, r.actorId])).toEqual([
      ['user_created', null],
      ['user_disabled', admin.id],
      ['user_enabled', admin.id],
    ]);
  });

  it('shows the reason (409) for self-disabling and for the last admin’s role, in the page language; 404 for an unknown id', async () => {
    const { deps, agent, csrfToken, admin } = await setup();
    const self = await agent.post(`/admin/people/${admin.id}/disable`).type('form').send({ _csrf: csrfToken });
    expect(self.status).toBe(409);
    expect(self.text).toMatch(/role="alert"><p>Vous ne pouvez pas désactiver votre propre compte/);
    const lose = await agent.post(`/admin/people/${admin.id}/roles?lang=en`).type('form').send({ _csrf: csrfToken, role: 'admin', action: 'remove' });
    expect(lose.status).toBe(409);
    expect(lose.text).toContain('Cannot remove the admin role from Alix Admin: this is the last enabled admin account');
    expect(await rolesOf(deps.database.db, admin.id)).toEqual(['admin']);
    expect((await findUserById(deps.database.db, admin.id))?.disabled).toBe(false);
    const unknown = await agent.post('/admin/people/usr_nobody/enable').type('form').send({ _csrf: csrfToken }).set('Accept', 'text/html');
    expect(unknown.status).toBe(404);
  });
});

describe('/admin/people: roles', () => {
  it('adds and removes a role with a flash, and refuses an unknown role with 400', async () => {
    const { deps, agent, csrfToken, staff } = await setup();
    await agent.post(`/admin/people/${staff.id}/roles`).type('form').send({ _csrf: csrfToken, role: 'finance', action: 'add' }).expect(303);
    expect((await agent.get('/admin/people').expect(200)).text).toContain('Rôle Finances ajouté à Bao Staff.');
    await agent.post(`/admin/people/${staff.id}/roles`).type('form').send({ _csrf: csrfToken, role: 'staff', action: 'remove' }).expect(303);
    expect(await rolesOf(deps.database.db, staff.id)).toEqual(['finance']);
    const bad = await agent.post(`/admin/people/${staff.id}/roles`).type('form').send({ _csrf: csrfToken, role: 'king', action: 'add' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Choisissez un rôle dans la liste.');
    expect(await rolesOf(deps.database.db, staff.id)).toEqual(['finance']);
  });
});

describe('/admin/people: adding a person', () => {
  it('creates a person from the form, roles from the checkboxes, and audits the admin as actor', async () => {
    const { app, deps, agent, csrfToken, admin } = await setup();
    const lab = await createEntity(deps.database, { name: 'LGEI' });
    const res = await agent
      .post('/admin/people')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfToken)}&email=Dora.Ka%40mines-ales.fr&name=Dora+Ka&category=student&entityId=${lab.id}&roles=staff&roles=copil&password=une+phrase+de+passe+solide`);
    expect([res.status, res.headers.location]).toEqual([303, '/admin/people']);
    expect((await agent.get('/admin/people').expect(200)).text).toContain('Dora Ka a été ajouté·e.');
    const dora = (await findUserByEmail(deps.database.db, 'dora.ka@mines-ales.fr'))!;
    expect([dora.category, dora.entityId, await rolesOf(deps.database.db, dora.id)]).toEqual(['student', lab.id, ['staff', 'copil']]);
    expect((await listAudit(deps.database.db, dora.id)).map((r) => [r.event, r.actorId])).toEqual([['user_created', admin.id]]);
    await signedInAgent(app, { email: 'dora.ka@mines-ales.fr', password: 'une phrase de passe solide' });
  });

  it('shows the form again (400) with each bad field named and what was typed, creating nobody', async () => {
    const { deps, agent, csrfToken } = await setup();
    const res = await agent.post('/admin/people').type('form').send({ _csrf: csrfToken, email: 'pas-une-adresse', name: '', category: 'staff', entityId: '', password: 'court' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<p class="field__error" id="person-email-error">Saisissez une adresse électronique valide');
    expect(res.text).toContain('<p class="field__error" id="person-name-error">Ce champ est obligatoire.</p>');
    expect(res.text).toContain('<p class="field__error" id="person-roles-error">Cochez au moins un rôle.</p>');
    expect(res.text).toContain('<p class="field__error" id="person-password-error">Saisissez au moins 12 caractères.</p>');
    expect(res.text).toContain('value="pas-une-adresse"');
    expect(res.text).not.toContain('value="court"'); // a password is never sent back
    expect(res.text).toContain('href="#person-email"');
    expect(count(deps)).toBe(2);
  });

  it('names the email for a duplicate (409) and the entity for an unknown one (400)', async () => {
    const { deps, agent, csrfToken, staff } = await setup();
    const duplicate = await agent.post('/admin/people').type('form').send({ _csrf: csrfToken, email: staff.email.toUpperCase(), name: 'Autre', category: 'staff', roles: 'staff' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.text).toContain('<p class="field__error" id="person-email-error">Un compte existe déjà pour cette adresse.</p>');
    const unknown = await agent.post('/admin/people').type('form').send({ _csrf: csrfToken, email: 'new@mines-ales.fr', name: 'New', category: 'staff', entityId: 'ent_gone', roles: 'staff' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('id="person-entity-error">Cette entité n’existe pas ou plus');
    const category = await agent.post('/admin/people').type('form').send({ _csrf: csrfToken, email: 'new@mines-ales.fr', name: 'New', category: 'visitor', roles: 'staff' });
    expect(category.status).toBe(400);
    expect(category.text).toContain('id="person-category-error">Choisissez une des valeurs proposées.');
    expect(count(deps)).toBe(2);
  });
});
