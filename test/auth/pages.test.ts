import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, signedInAgent } from '../helpers/auth.ts';
import { cookieNamed } from './support.ts';

function csp(res: { headers: Record<string, unknown> }): Record<string, string> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return Object.fromEntries(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('pages infrastructure', () => {
  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const { app } = testApp();
    const res = await request(app).get('/sign-in').expect(200);
    const policy = csp(res);
    expect(policy['default-src']).toBe("'self'");
    expect(policy['script-src']).toBe("'self'");
    expect(policy['style-src']).toBe("'self'");
    expect(policy['form-action']).toBe("'self'");
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(policy['object-src']).toBe("'none'");
    expect(policy).not.toHaveProperty('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    const tls = await request(testApp({ config: testConfig({ EMPREINTE_SECURE_COOKIES: true }) }).app).get('/sign-in');
    expect(csp(tls)).toHaveProperty('upgrade-insecure-requests');
  });

  it('renders the sign-in page in French with no inline script, style or event handler, and labelled fields', async () => {
    const { app } = testApp();
    const html = (await request(app).get('/sign-in').expect(200)).text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<title>Connexion · Empreinte</title>');
    expect(html).toContain('<a class="skip-link" href="#main">Aller au contenu principal</a>');
    expect(html).toMatch(/<main id="main"/);
    expect(html).toMatch(/<footer/);
    // Every <script> must load a file; no inline style attribute or handler either (the CSP would block them).
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toMatch(/ src="\/assets\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
    for (const [, id] of html.matchAll(/<input class="field__input" id="([^"]+)"/g)) expect(html).toContain(`<label class="field__label" for="${id}">`);
  });

  it('switches to English with ?lang=en and remembers the choice in a cookie', async () => {
    const { app } = testApp();
    const agent = request.agent(app);
    const en = await agent.get('/sign-in?lang=en').expect(200);
    expect(en.text).toMatch(/<html lang="en">/);
    expect(en.text).toContain('<h1>Sign in</h1>');
    expect(en.text).toContain('Email address');
    expect(en.headers['content-language']).toBe('en');
    expect(cookieNamed(en, 'empreinte_lang')).toMatch(/^empreinte_lang=en; Max-Age=31536000;.*HttpOnly; SameSite=Lax/);
    const remembered = await agent.get('/sign-in').expect(200);
    expect(remembered.text).toContain('<h1>Sign in</h1>');
    const back = await agent.get('/sign-in?lang=fr').expect(200);
    expect(back.text).toContain('<h1>Connexion</h1>');
  });

  it('follows the browser’s Accept-Language when no choice was made, French by default', async () => {
    const { app } = testApp();
    expect((await request(app).get('/sign-in').set('Accept-Language', 'en-GB,en;q=0.9')).text).toContain('<h1>Sign in</h1>');
    expect((await request(app).get('/sign-in').set('Accept-Language', 'de-DE,de;q=0.9')).text).toContain('<h1>Connexion</h1>');
    expect((await request(app).get('/sign-in').set('Accept-Language', 'de, fr;q=0.5, en;q=0.4')).text).toContain('<h1>Connexion</h1>');
    expect((await request(app).get('/sign-in?lang=xx')).text).toContain('<h1>Connexion</h1>');
  });

  it('serves the stylesheet from /assets and answers unknown pages with an HTML 404', async () => {
    const { app } = testApp();
    const css = await request(app).get('/assets/app.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect(css.text).toContain('#000091');
    const missing = await request(app).get('/nowhere').expect(404);
    expect(missing.text).toContain('Page introuvable');
    await request(app).get('/assets/../src/config.ts').expect(404);
  });

  it('shows the dashboard with a nav by role, the account name escaped, and a POST sign-out button', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database, { roles: ['staff', 'copil'], name: '<b>Zoé</b> & co' });
    const { agent } = await signedInAgent(app, user);
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('Bonjour &lt;b&gt;Zoé&lt;/b&gt; &amp; co');
    expect(home.text).not.toContain('<b>Zoé</b>');
    expect(home.text).toMatch(/<nav class="main-nav" aria-label="Menu principal">/);
    expect(home.text).toMatch(/href="\/" aria-current="page">Accueil/);
    expect(home.text).toContain('Copil');
    expect(home.text).not.toContain('Secrétariat SFI');
    expect(home.text).toMatch(/<form class="sign-out" method="post" action="\/sign-out">\s*<input type="hidden" name="_csrf" value="[^"]+">/);
  });
});
