import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { verifyPassword } from '../../src/auth/auth.crypto.ts';
import { createUser as createUserUsecase } from '../../src/auth/users.usecases.ts';
import { findUserById } from '../../src/auth/users.repository.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { csrfFrom, movableClock } from './support.ts';

const NEW_PASSWORD = 'a brand new passphrase';

async function setup(overrides: Parameters<typeof testApp>[0] = {}) {
  const { app, deps } = testApp(overrides);
  const person = await createUser(deps.database, { name: 'Bao Staff' });
  const signed = await signedInAgent(app, person);
  return { app, deps, person, ...signed };
}

type Deps = Awaited<ReturnType<typeof testApp>>['deps'];
const events = async (deps: Deps, userId: string) => (await listAudit(deps.database.db, userId)).map((r) => r.event);
const hashOf = async (deps: Deps, id: string) => (await findUserById(deps.database.db, id))!.passwordHash!;

describe('/account/password', () => {
  it('is for signed-in people, linked from the header and the home page, with labelled fields', async () => {
    const { app, agent } = await setup();
    const anonymous = await request(app).get('/account/password').set('Accept', 'text/html');
    expect([anonymous.status, anonymous.headers.location]).toEqual([303, '/sign-in?next=%2Faccount%2Fpassword']);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('<a href="/account/password">Changer de mot de passe</a>');
    expect(home.text).toContain('<p><a href="/account/password">Changer votre mot de passe</a></p>');
    const page = await agent.get('/account/password').expect(200);
    expect(page.text).toContain('<h1>Changer de mot de passe</h1>');
    expect(page.text).toContain('<a href="/account/password" aria-current="page">');
    expect(page.text).toMatch(/<label class="field__label" for="current-password">Mot de passe actuel<\/label>/);
    expect(page.text).toMatch(/id="new-password" name="newPassword" type="password" value="" required autocomplete="new-password" aria-describedby="new-password-hint"/);
    expect(page.text).toContain('id="confirm-password" name="confirmPassword" type="password"');
    expect((await agent.get('/account/password?lang=en').expect(200)).text).toContain('<label class="field__label" for="current-password">Current password</label>');
  });

  it('changes the password: other sessions end, this one stays, the old password no longer signs in, audited', async () => {
    const { app, deps, agent, csrfToken, person } = await setup();
    const elsewhere = await signedInAgent(app, person);
    const token = await bearerFor(deps.database, person);
    const res = await agent.post('/account/password').type('form').send({ _csrf: csrfToken, currentPassword: person.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect([res.status, res.headers.location]).toEqual([303, '/account/password']);
    const after = await agent.get('/account/password').expect(200);
    expect(after.text).toContain('Votre mot de passe a été changé. Vos autres sessions sont fermées.');
    // The other browser is sent to sign-in; API tokens are separate credentials and keep working.
    expect((await elsewhere.agent.get('/account/tokens').set('Accept', 'text/html')).status).toBe(303);
    await request(app).get('/api/me').set('Authorization', token).expect(200);
    expect(await verifyPassword(NEW_PASSWORD, await hashOf(deps, person.id))).toBe(true);

    const fresh = request.agent(app);
    const form = csrfFrom((await fresh.get('/sign-in')).text);
    await fresh.post('/sign-in').type('form').send({ email: person.email, password: person.password, _csrf: form }).expect(401);
    await fresh.post('/sign-in').type('form').send({ email: person.email, password: NEW_PASSWORD, _csrf: form }).expect(303);
    const changed = (await listAudit(deps.database.db, person.id)).filter((r) => r.event === 'password_changed');
    expect(changed.map((r) => [r.actorId, r.detail])).toEqual([[person.id, JSON.stringify({ sessionsEnded: '1' })]]);
    expect(JSON.stringify(await listAudit(deps.database.db))).not.toContain(NEW_PASSWORD);
  });

  it('names the field in French and English and changes nothing for an incomplete form (400)', async () => {
    const { deps, agent, csrfToken, person } = await setup();
    const before = await hashOf(deps, person.id);
    const post = (fields: Record<string, string>, lang = 'fr') => agent.post(`/account/password?lang=${lang}`).type('form').send({ _csrf: csrfToken, ...fields });
    const empty = await post({ currentPassword: '', newPassword: 'court', confirmPassword: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('id="current-password-error">Saisissez votre mot de passe actuel.');
    expect(empty.text).toContain('id="new-password-error">Le nouveau mot de passe doit contenir au moins 12 caractères.');
    expect(empty.text).toContain('id="confirm-password-error">Saisissez le nouveau mot de passe une seconde fois.');
    // The summary lists the errors in the order of the fields.
    const summary = empty.text.slice(empty.text.indexOf('error-summary'));
    expect(summary.indexOf('<a href="#current-password">Saisissez votre mot de passe actuel.</a>')).toBeLessThan(summary.indexOf('<a href="#new-password">'));
    expect(summary.indexOf('<a href="#new-password">')).toBeLessThan(summary.indexOf('<a href="#confirm-password">'));
    expect(empty.text).not.toContain('value="court"');
    const mismatch = await post({ currentPassword: person.password, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }, 'en');
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('id="confirm-password-error">The second entry does not match the new password.');
    const long = await post({ currentPassword: person.password, newPassword: 'x'.repeat(1025), confirmPassword: 'x'.repeat(1025) });
    expect(long.text).toContain('Le nouveau mot de passe doit contenir au plus 1024 caractères.');
    const same = await post({ currentPassword: person.password, newPassword: person.password, confirmPassword: person.password });
    expect(same.status).toBe(400);
    expect(same.text).toContain('id="new-password-error">Le nouveau mot de passe doit être différent de l’actuel.');
    expect(await hashOf(deps, person.id)).toBe(before);
    expect(await events(deps, person.id)).not.toContain('password_changed');
  });

  it('refuses a post without the CSRF token', async () => {
    const { deps, agent, person } = await setup();
    const before = await hashOf(deps, person.id);
    const res = await agent.post('/account/password').type('form').send({ currentPassword: person.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).set('Accept', 'text/html');
    expect(res.status).toBe(403);
    expect(await hashOf(deps, person.id)).toBe(before);
  });

  it('limits wrong current passwords to 5 per person in a sliding 15 minutes (429, Retry-After), audited', async () => {
    const clock = movableClock('2026-11-27T10:00:00Z');
    const { deps, agent, csrfToken, person } = await setup({ clock });
    const attempt = (current: string) => agent.post('/account/password').type('form').send({ _csrf: csrfToken, currentPassword: current, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    for (let i = 0; i < 5; i += 1) {
      const wrong = await attempt(`wrong password ${i}`);
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('id="current-password-error">Le mot de passe actuel est incorrect.');
      clock.advance({ minutes: 1 });
    }
    // Failures at 0, 1, 2, 3 and 4 min; now 5 min. The oldest leaves the window at 15 min: 600 s, 10 min.
    const blocked = await attempt(person.password);
    expect([blocked.status, blocked.headers['retry-after']]).toEqual([429, '600']);
    expect(blocked.text).toContain('Trop d’essais du mot de passe actuel. Réessayez dans 10 min.');
    expect(await verifyPassword(person.password, await hashOf(deps, person.id))).toBe(true);
    expect((await events(deps, person.id)).filter((e) => e === 'password_change_failed')).toHaveLength(5);
    clock.advance({ minutes: 10 });
    await attempt(person.password).expect(303);
  });

  it('has nothing to change for a person without a password (proxy or token only): 409', async () => {
    const { app, deps } = testApp();
    const row = await createUserUsecase(deps, { email: 'proxy@example.org', name: 'Par le proxy', roles: ['staff'] }, { actorId: null });
    const token = await bearerFor(deps.database, row);
    const page = await request(app).get('/account/password').set('Authorization', token).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('Votre compte n’a pas de mot de passe');
    expect(page.text).not.toContain('name="currentPassword"');
    const post = await request(app).post('/account/password').set('Authorization', token).set('Accept', 'text/html').type('form').send({ currentPassword: 'anything at all', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(post.status).toBe(409);
    expect((await findUserById(deps.database.db, row.id))!.passwordHash).toBeNull();
  });
});
