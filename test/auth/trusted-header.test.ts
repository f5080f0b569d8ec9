import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.ts';
import { testApp } from '../helpers/app.ts';
import { createUser } from '../helpers/auth.ts';
import { csrfFrom } from './support.ts';

const behindProxy = () => testApp({ config: testConfig({ EMPREINTE_TRUSTED_USER_HEADER: 'X-Remote-User' }) });

describe('trusted header (reverse proxy with CAS or Shibboleth)', () => {
  it('is ignored unless configured', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database);
    await request(app).get('/api/me').set('X-Remote-User', user.email).expect(401);
  });

  it('signs in the existing person named by email (any case) or by a uid matching one email', async () => {
    const { app, deps } = behindProxy();
    const user = await createUser(deps.database, { email: 'jdupont@mines-ales.fr' });
    const byEmail = await request(app).get('/api/me').set('X-Remote-User', 'JDupont@mines-ales.fr').expect(200);
    expect(byEmail.body.user).toMatchObject({ id: user.id, via: 'header' });
    const byUid = await request(app).get('/api/me').set('X-Remote-User', 'jdupont').expect(200);
    expect(byUid.body.user.id).toBe(user.id);
  });

  it('leaves unknown, ambiguous or disabled people anonymous', async () => {
    const { app, deps } = behindProxy();
    await createUser(deps.database, { email: 'amartin@mines-ales.fr' });
    await createUser(deps.database, { email: 'amartin@umontpellier.fr' });
    const disabled = await createUser(deps.database, { email: 'gone@mines-ales.fr' });
    deps.database.sqlite.prepare('update users set disabled = 1 where id = ?').run(disabled.id);
    await request(app).get('/api/me').set('X-Remote-User', 'stranger@mines-ales.fr').expect(401);
    await request(app).get('/api/me').set('X-Remote-User', 'amartin').expect(401);
    await request(app).get('/api/me').set('X-Remote-User', 'gone').expect(401);
    // LIKE wildcards in a uid match nothing by accident.
    await request(app).get('/api/me').set('X-Remote-User', '%').expect(401);
  });

  it('needs the CSRF token on forms posted by a header-authenticated person (no sign-out button: the proxy owns it)', async () => {
    const { app, deps } = behindProxy();
    const user = await createUser(deps.database);
    const agent = request.agent(app);
    const page = await agent.get('/account/tokens').set('X-Remote-User', user.email).expect(200);
    expect(page.text).not.toContain('action="/sign-out"');
    await agent.post('/account/tokens').set('X-Remote-User', user.email).type('form').send({ label: 'x' }).expect(403);
    await agent.post('/account/tokens').set('X-Remote-User', user.email).type('form').send({ label: 'x', _csrf: csrfFrom(page.text) }).expect(201);
  });
});
