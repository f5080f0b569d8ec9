import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { changeRole } from '../../src/auth/users.usecases.ts';
import { findUserById, toAuthenticatedUser } from '../../src/auth/users.repository.ts';
import { parseOrThrow } from '../../src/shared/validation.ts';
import { createMissionSchema } from '../../src/missions/missions.schemas.ts';
import { createMission } from '../../src/missions/missions.usecases.ts';
import { transitionMission } from '../../src/missions/missions-workflow.usecases.ts';
import { missionDeps } from '../../src/missions/missions.wiring.ts';
import { createProject } from '../../src/ledger/finance.usecases.ts';
import { ledgerPolicy } from '../../src/ledger/ledger.models.ts';
import { cookieValue, csrfFrom } from '../auth/support.ts';
import { montreal } from './hostile.fixture.ts';

// A small institution: one lab, a person holding every role, a traveller, missions in every
// interesting state, a project and a token, so that every page has its forms to show.
async function institution() {
  const { app, deps } = testApp();
  const lab = await createEntity(deps.database, { name: 'Laboratoire' });
  const line = await createBudgetLine(deps.database, lab.id);
  const everyone = await createUser(deps.database, { roles: ['admin', 'staff', 'secretariat', 'finance', 'copil'], entityId: lab.id });
  const traveller = await createUser(deps.database, { roles: ['staff'], entityId: lab.id });
  const desk = await createUser(deps.database, { roles: ['secretariat'], entityId: lab.id });
  const as = async (u: TestUser) => toAuthenticatedUser(deps.database.db, (await findUserById(deps.database.db, u.id))!, 'token');
  const missions = missionDeps(deps);
  const input = parseOrThrow(createMissionSchema, { purpose: 'conference', budgetLineId: line.id, trip: montreal });
  const draft = (await createMission(missions, await as(everyone), input)).id;
  const submitted = (await createMission(missions, await as(traveller), input)).id;
  await transitionMission(missions, await as(traveller), submitted, 'submit', {});
  const validated = (await createMission(missions, await as(traveller), input)).id;
  await transitionMission(missions, await as(traveller), validated, 'submit', {});
  await transitionMission(missions, await as(desk), validated, 'validate', {});
  await createProject({ database: deps.database, clock: deps.clock, policy: ledgerPolicy(deps.config) }, { name: 'Haies', scope: 'internal', description: null }, everyone.id);
  await bearerFor(deps.database, everyone);
  return { app, deps, everyone, traveller, desk, ids: { draft, submitted, validated } };
}

const decode = (href: string) => href.replaceAll('&amp;', '&');
type Form = { page: string; method: string; action: string; body: string };

function formsOf(page: string, html: string): Form[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => ({
    page,
    method: (/\bmethod="([^"]+)"/.exec(m[1]!)?.[1] ?? 'get').toLowerCase(),
    action: decode(/\baction="([^"]+)"/.exec(m[1]!)?.[1] ?? page),
    body: m[2]!,
  }));
}

describe('CSRF tokens on every form (crawl of every page a person holding every role can reach)', () => {
  it('finds the session’s token in every POST form, and a POST without it is refused with 403', async () => {
    const { app, everyone, ids } = await institution();
    const { agent, csrfToken } = await signedInAgent(app, everyone);
    const queue = ['/', `/missions/${ids.draft}/edit`, `/missions/${ids.submitted}`];
    const seen = new Set<string>();
    const forms: Form[] = [];
    const statuses: Record<string, number> = {};
    while (queue.length > 0 && seen.size < 80) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await agent.get(path).set('Accept', 'text/html');
      statuses[path] = res.status;
      expect(res.status, path).toBeLessThan(500);
      if (!res.headers['content-type']?.startsWith('text/html')) continue;
      // Pages work under the strict CSP: no inline script, style or event handler anywhere.
      expect(res.text, `${path}: inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(res.text, `${path}: inline style`).not.toMatch(/<style\b|\sstyle="/);
      expect(res.text, `${path}: event handler`).not.toMatch(/\son[a-z]+="/);
      forms.push(...formsOf(path, res.text));
      for (const [, href] of res.text.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = decode(href!);
        // Language switches show the same forms again: skipped.
        if (!link.startsWith('/assets/') && !link.startsWith('/api/') && !/[?&]lang=/.test(link) && !seen.has(link)) queue.push(link);
      }
    }
    const posts = forms.filter((f) => f.method === 'post');
    const actions = new Set(posts.map((f) => f.action.split('?')[0]));
    // Every kind of form the application has was met on the way.
    for (const expected of ['/sign-out', '/account/tokens', '/missions/new', `/missions/${ids.draft}/edit`, `/missions/${ids.submitted}/action`, '/finance/projects', '/finance/disbursements', '/admin/carbon-prices']) {
      expect([...actions], `no form posting to ${expected} (pages: ${JSON.stringify(statuses)})`).toContain(expected);
    }
    expect([...actions].some((a) => /^\/finance\/transfers\/txf_[\w-]+\/reverse$/.test(a!))).toBe(true);
    expect([...actions].some((a) => /^\/account\/tokens\/tok_[\w-]+\/revoke$/.test(a!))).toBe(true);
    for (const form of posts) {
      expect(form.body, `${form.page} → POST ${form.action}`).toContain(`name="_csrf" value="${csrfToken}"`);
    }
    for (const action of actions) {
      const refused = await agent.post(action!).type('form').send({ intent: 'save' }).set('Accept', 'text/html');
      expect(refused.status, `POST ${action} without _csrf`).toBe(403);
    }
  });

  it('puts a token in the anonymous sign-in form too', async () => {
    const { app } = testApp();
    const page = await request(app).get('/sign-in').expect(200);
    expect(formsOf('/sign-in', page.text).filter((f) => f.method === 'post').map((f) => /name="_csrf" value="[^"]+"/.test(f.body))).toEqual([true]);
  });
});

describe('sign-in, sessions and the audit trail', () => {
  it('limits failures, rotates the session on sign-in, destroys it on sign-out, and audits all of it with role changes', async () => {
    const { app, deps } = testApp();
    const user = await createUser(deps.database, { email: 'alix@mines-ales.fr' });
    const form = await request(app).get('/sign-in').expect(200);
    const token = csrfFrom(form.text);
    const csrfCookie = `empreinte_csrf=${cookieValue(form, 'empreinte_csrf')}`;
    const post = (password: string, sessionCookie?: string, csrf = token) =>
      request(app).post('/sign-in').set('Cookie', [csrfCookie, sessionCookie].filter(Boolean).join('; ')).type('form').send({ email: user.email, password, _csrf: csrf });
    const sessionCsrf = async (sid: string) => csrfFrom((await request(app).get('/account/tokens').set('Cookie', `empreinte_sid=${sid}`).expect(200)).text);
    // A session id planted before sign-in (fixation) is replaced, and the first session dies with the second sign-in.
    const first = await post(user.password, 'empreinte_sid=planted-by-attacker').expect(303);
    const firstSid = cookieValue(first, 'empreinte_sid')!;
    expect(firstSid).not.toBe('planted-by-attacker');
    // Signing in again from the same browser (say, as someone else on a shared computer) ends the first session.
    const second = await post(user.password, `empreinte_sid=${firstSid}`, await sessionCsrf(firstSid)).expect(303);
    const secondSid = cookieValue(second, 'empreinte_sid')!;
    expect(secondSid).not.toBe(firstSid);
    await request(app).get('/api/me').set('Cookie', `empreinte_sid=${firstSid}`).expect(401);
    await request(app).get('/api/me').set('Cookie', `empreinte_sid=${secondSid}`).expect(200);

    // Sign-out deletes the session server-side: the cookie is worthless even if kept.
    await request(app).post('/sign-out').set('Cookie', `empreinte_sid=${secondSid}`).type('form').send({ _csrf: await sessionCsrf(secondSid) }).expect(303);
    await request(app).get('/api/me').set('Cookie', `empreinte_sid=${secondSid}`).expect(401);
    expect(deps.database.sqlite.prepare('select count(*) from sessions').pluck().get()).toBe(0);

    // Ten failures, then 429 with Retry-After, even for the right password.
    for (let i = 0; i < 10; i++) await post(`wrong ${i}`).expect(401);
    const limited = await post(user.password).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    await changeRole(deps, user.id, 'finance', 'add', { actorId: null, ip: 'cli' });
    await changeRole(deps, user.id, 'finance', 'remove', { actorId: null, ip: 'cli' });
    const trail = await listAudit(deps.database.db, user.id);
    expect(trail.map((r) => r.event)).toEqual(['user_created', 'sign_in', 'sign_in', 'sign_out', ...Array(10).fill('sign_in_failed'), 'role_added', 'role_removed']);
    expect(trail.filter((r) => r.event.startsWith('sign_')).every((r) => r.ip === '::ffff:127.0.0.1' || r.ip === '127.0.0.1')).toBe(true);
    expect(JSON.stringify(trail)).not.toContain(user.password);
  });
});

// Who may call what, beyond the missions routes (test/missions/missions.authz.test.ts covers those):
// each role outside the allowed set gets 403 (401 anonymous) and nothing is written.
describe('roles: every write and finance/admin read refused to the roles it is not for', () => {
  const routes: Array<{ route: string; allowed: string[]; body?: Record<string, unknown> }> = [
    { route: 'POST /api/entities', allowed: ['admin'], body: { name: 'Nouveau labo', kind: 'lab' } },
    { route: 'POST /api/budget-lines', allowed: ['admin'], body: { entityId: 'ent_x', code: 'C', label: 'L' } },
    { route: 'GET /api/admin/carbon-prices', allowed: ['admin'] },
    { route: 'POST /api/admin/carbon-prices', allowed: ['admin'], body: { year: 2027, pricePerTonneCents: 1 } },
    { route: 'GET /api/ledger/balances', allowed: ['admin', 'finance', 'copil'] },
    { route: 'GET /api/ledger/audit', allowed: ['admin', 'finance', 'copil'] },
    { route: 'POST /api/ledger/projects', allowed: ['admin', 'finance'], body: { name: 'Projet', scope: 'internal' } },
    { route: 'POST /api/ledger/disbursements', allowed: ['admin', 'finance'], body: { projectId: 'prj_x', amountCents: 1, memo: 'm' } },
    { route: 'POST /api/ledger/transfers/txf_x/reverse', allowed: ['admin', 'finance'], body: { reason: 'erreur' } },
    { route: 'GET /finance', allowed: ['admin', 'finance', 'copil'] },
    { route: 'GET /admin', allowed: ['admin'] },
    { route: 'GET /secretariat', allowed: ['admin', 'secretariat'] },
    { route: 'GET /missions/new', allowed: ['admin', 'staff'] },
  ];
  const roles = ['staff', 'secretariat', 'finance', 'copil', 'admin'] as const;

  it('answers 401 to nobody, 403 to the wrong role, and lets the right roles through (whatever they then answer)', async () => {
    const { app, deps } = testApp();
    const bearers: Record<string, string> = {};
    for (const role of roles) bearers[role] = await bearerFor(deps.database, await createUser(deps.database, { roles: [role] }));
    const rows = () => deps.database.sqlite.prepare("select (select count(*) from entities) || '/' || (select count(*) from budget_lines) || '/' || (select count(*) from carbon_prices) || '/' || (select count(*) from reinvestment_projects) || '/' || (select count(*) from ledger_transfers)").pluck().get();
    for (const { route, allowed, body } of routes) {
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      const call = (bearer?: string) => {
        const r = method === 'GET' ? request(app).get(path) : request(app).post(path).send(body ?? {});
        return bearer ? r.set('Authorization', bearer) : r.set('Accept', 'application/json');
      };
      const before = rows();
      expect((await call()).status, `${route} anonymous`).toBe(401);
      for (const role of roles.filter((r) => !allowed.includes(r))) expect((await call(bearers[role])).status, `${route} as ${role}`).toBe(403);
      expect(rows(), `${route}: a refused call wrote`).toBe(before);
      for (const role of allowed) expect((await call(bearers[role])).status, `${route} as ${role}`).not.toBe(403);
    }
  });
});
