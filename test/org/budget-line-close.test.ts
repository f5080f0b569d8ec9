import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { findBudgetLineById } from '../../src/org/org.repository.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';

// A short trip priced without place lookups: a given distance needs no resolution.
const trip = {
  departAt: '2027-03-10T07:00:00+01:00',
  returnAt: '2027-03-10T21:00:00+01:00',
  destination: { country: 'FR', city: 'Montpellier' },
  legs: [{ mode: 'train', distanceKm: 70, roundTrip: true }],
};

async function setup() {
  const { app, deps } = testApp();
  const lab = await createEntity(deps.database, { name: 'LGEI' });
  const line = await createBudgetLine(deps.database, lab.id, { code: 'ANR-22', label: 'Projet ANR' });
  const admin = await createUser(deps.database, { roles: ['admin'] });
  const staff = await createUser(deps.database, { roles: ['staff'], entityId: lab.id });
  return { app, deps, lab, line, admin, staff, asAdmin: await bearerFor(deps.database, admin), asStaff: await bearerFor(deps.database, staff) };
}

type Deps = Awaited<ReturnType<typeof setup>>['deps'];
const isActive = async (deps: Deps, id: string) => (await findBudgetLineById(deps.database.db, id))?.active;

describe('closing and reopening a budget line', () => {
  it('through the API: a closed line takes no new mission nor a mission moved onto it; reopened, it does again', async () => {
    const { app, deps, line, asAdmin, asStaff } = await setup();
    const other = await createBudgetLine(deps.database, line.entityId, { code: 'FCT', label: 'Fonctionnement' });
    const draft = await request(app).post('/api/missions').set('Authorization', asStaff).send({ purpose: 'conference', budgetLineId: other.id, trip }).expect(201);

    const closed = await request(app).post(`/api/budget-lines/${line.id}/close`).set('Authorization', asAdmin).expect(200);
    expect(closed.body).toEqual({ changed: true, budgetLine: { ...line, active: false } });
    expect((await request(app).post(`/api/budget-lines/${line.id}/close`).set('Authorization', asAdmin).expect(200)).body.changed).toBe(false);
    const refused = await request(app).post('/api/missions').set('Authorization', asStaff).send({ purpose: 'conference', budgetLineId: line.id, trip });
    expect([refused.status, refused.body.error.details[0].path]).toEqual([400, 'budgetLineId']);
    const moved = await request(app).patch(`/api/missions/${draft.body.id}`).set('Authorization', asStaff).send({ budgetLineId: line.id });
    expect([moved.status, moved.body.error.details[0].path]).toEqual([400, 'budgetLineId']);
    expect((await request(app).get('/api/budget-lines').set('Authorization', asStaff).expect(200)).body.budgetLines.find((l: { id: string }) => l.id === line.id).active).toBe(false);

    expect((await request(app).post(`/api/budget-lines/${line.id}/reopen`).set('Authorization', asAdmin).expect(200)).body).toEqual({ changed: true, budgetLine: { ...line, active: true } });
    await request(app).post('/api/missions').set('Authorization', asStaff).send({ purpose: 'conference', budgetLineId: line.id, trip }).expect(201);
    await request(app).patch(`/api/missions/${draft.body.id}`).set('Authorization', asStaff).send({ budgetLineId: line.id }).expect(200);
  });

  it('keeps a mission already on the line when it closes', async () => {
    const { app, deps, line, asAdmin, asStaff } = await setup();
    const draft = await request(app).post('/api/missions').set('Authorization', asStaff).send({ purpose: 'conference', budgetLineId: line.id, trip }).expect(201);
    await request(app).post(`/api/budget-lines/${line.id}/close`).set('Authorization', asAdmin).expect(200);
    expect((await request(app).get(`/api/missions/${draft.body.id}`).set('Authorization', asStaff).expect(200)).body.budgetLineId).toBe(line.id);
    expect(await isActive(deps, line.id)).toBe(false);
  });

  it('answers 404 for an unknown line, 400 for a body with fields, 403 to other roles, changing nothing', async () => {
    const { app, deps, line, asAdmin, asStaff } = await setup();
    const unknown = await request(app).post('/api/budget-lines/bgl_nowhere/close').set('Authorization', asAdmin);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'budget_line.not_found']);
    const withFields = await request(app).post(`/api/budget-lines/${line.id}/close`).set('Authorization', asAdmin).send({ active: false });
    expect([withFields.status, withFields.body.error.details[0].path]).toEqual([400, 'active']);
    const denied = await request(app).post(`/api/budget-lines/${line.id}/close`).set('Authorization', asStaff);
    expect([denied.status, denied.body.error.code]).toEqual([403, 'auth.forbidden']);
    expect(await isActive(deps, line.id)).toBe(true);
  });

  it('from /admin/organisation: a button per line, a flash, and the mission form stops offering the closed line', async () => {
    const { app, deps, line, admin, staff } = await setup();
    const { agent, csrfToken } = await signedInAgent(app, admin);
    const traveller = await signedInAgent(app, staff);
    const option = `<option value="${line.id}">`;
    expect((await traveller.agent.get('/missions/new').expect(200)).text).toContain(option);

    const page = await agent.get('/admin/organisation').expect(200);
    expect(page.text).toContain(`action="/admin/organisation/budget-lines/${line.id}/close"`);
    expect(page.text).toContain('aria-label="Fermer la ligne ANR-22 de LGEI">Fermer</button>');
    const res = await agent.post(`/admin/organisation/budget-lines/${line.id}/close`).type('form').send({ _csrf: csrfToken });
    expect([res.status, res.headers.location]).toEqual([303, '/admin/organisation']);
    const after = await agent.get('/admin/organisation').expect(200);
    expect(after.text).toContain('Ligne budgétaire ANR-22 fermée : elle n’accepte plus de nouvelle mission.');
    expect(after.text).toContain('<span class="muted">(fermée)</span>');
    expect(after.text).toContain('aria-label="Rouvrir la ligne ANR-22 de LGEI">Rouvrir</button>');
    expect(await isActive(deps, line.id)).toBe(false);
    expect((await traveller.agent.get('/missions/new').expect(200)).text).not.toContain(option);

    expect((await agent.get('/admin/organisation?lang=en').expect(200)).text).toContain('aria-label="Reopen the line ANR-22 of LGEI">Reopen</button>');
    await agent.post(`/admin/organisation/budget-lines/${line.id}/reopen`).type('form').send({ _csrf: csrfToken }).expect(303);
    // The language chosen with ?lang=en stays (cookie): the flash comes in English.
    expect((await agent.get('/admin/organisation').expect(200)).text).toContain('Budget line ANR-22 reopened.');
    expect((await traveller.agent.get('/missions/new').expect(200)).text).toContain(option);
  });

  it('refuses the page actions without CSRF (403), to other roles (403) and for an unknown line (404)', async () => {
    const { app, deps, line, admin, staff } = await setup();
    const { agent, csrfToken } = await signedInAgent(app, admin);
    expect((await agent.post(`/admin/organisation/budget-lines/${line.id}/close`).type('form').send({}).set('Accept', 'text/html')).status).toBe(403);
    expect((await agent.post('/admin/organisation/budget-lines/bgl_nowhere/close').type('form').send({ _csrf: csrfToken }).set('Accept', 'text/html')).status).toBe(404);
    const traveller = await signedInAgent(app, staff);
    expect((await traveller.agent.post(`/admin/organisation/budget-lines/${line.id}/close`).type('form').send({ _csrf: traveller.csrfToken }).set('Accept', 'text/html')).status).toBe(403);
    expect(await isActive(deps, line.id)).toBe(true);
  });
});
