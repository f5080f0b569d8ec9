import { describe, expect, it } from 'vitest';
import { listBudgetLines, listEntities } from '../../src/org/org.usecases.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, signedInAgent } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';

async function setup() {
  const { app, deps } = testApp();
  const admin = await createUser(deps.database, { roles: ['admin'] });
  return { app, deps, admin, ...(await signedInAgent(app, admin)) };
}

describe('/admin/organisation', () => {
  it('is refused (403) to every other role and its forms change nothing for them', async () => {
    const { app, deps } = await setup();
    const finance = await createUser(deps.database, { roles: ['finance', 'secretariat', 'copil', 'staff'] });
    const { agent, csrfToken } = await signedInAgent(app, finance);
    expect((await agent.get('/admin/organisation').set('Accept', 'text/html')).status).toBe(403);
    await agent.post('/admin/organisation/entities').type('form').send({ _csrf: csrfToken, name: 'LGEI', kind: 'lab' }).expect(403);
    expect(await listEntities(deps)).toEqual([]);
  });

  it('lists entities by name with their budget lines, closed ones marked', async () => {
    const { deps, agent } = await setup();
    const lab = await createEntity(deps.database, { name: 'LGEI', kind: 'lab' });
    await createEntity(deps.database, { name: 'DRI', kind: 'service' });
    await createBudgetLine(deps.database, lab.id, { code: 'ANR-22', label: 'Projet ANR' });
    await createBudgetLine(deps.database, lab.id, { code: 'FCT', label: 'Fonctionnement', active: false });
    const page = await agent.get('/admin/organisation').expect(200);
    expect(page.text).toMatch(/<a class="main-nav__link" href="\/admin\/organisation" aria-current="page">Organisation<\/a>/);
    expect(page.text.indexOf('>DRI</th>')).toBeLessThan(page.text.indexOf('>LGEI</th>'));
    expect(page.text).toMatch(/<th scope="row">DRI<\/th>\s*<td>Service<\/td>\s*<td>\s*<span class="muted">aucune ligne<\/span>/);
    expect(page.text).toContain('<span><strong>ANR-22</strong> — Projet ANR</span>');
    expect(page.text).toContain('<span><strong>FCT</strong> — Fonctionnement <span class="muted">(fermée)</span></span>');
    expect(page.text).toContain(`<option value="${lab.id}">LGEI</option>`);
  });

  it('refuses a form without the CSRF token', async () => {
    const { deps, agent } = await setup();
    const res = await agent.post('/admin/organisation/entities').type('form').send({ name: 'LGEI', kind: 'lab' }).set('Accept', 'text/html');
    expect(res.status).toBe(403);
    expect(await listEntities(deps)).toEqual([]);
  });

  it('adds an entity, then names the field for bad input (400), a taken name (409) or an id-like name', async () => {
    const { deps, agent, csrfToken } = await setup();
    const post = (fields: Record<string, string>) => agent.post('/admin/organisation/entities').type('form').send({ _csrf: csrfToken, ...fields });
    expect((await post({ name: ' LGEI ', kind: 'lab' })).headers.location).toBe('/admin/organisation');
    expect((await agent.get('/admin/organisation').expect(200)).text).toContain('Entité « LGEI » ajoutée.');

    const empty = await post({ name: '', kind: 'club' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('id="entity-name-error">Ce champ est obligatoire.');
    expect(empty.text).toContain('id="entity-kind-error">Choisissez une des valeurs proposées.');
    const taken = await post({ name: 'LGEI', kind: 'service' });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('id="entity-name-error">Une entité porte déjà ce nom.');
    expect(taken.text).toContain('value="LGEI"');
    const idLike = await post({ name: 'ent_123', kind: 'lab' });
    expect(idLike.status).toBe(400);
    expect(idLike.text).toContain('id="entity-name-error">Un nom ne peut pas commencer par « ent_ »');
    // A stray field is ignored, not a 500 nor an error on a field nobody can see.
    expect((await post({ name: 'DRI', kind: 'service', id: 'ent_forged' })).status).toBe(303);
    expect((await listEntities(deps)).map((e) => [e.name, e.kind])).toEqual([['DRI', 'service'], ['LGEI', 'lab']]);
    expect((await listEntities(deps)).every((e) => e.id !== 'ent_forged')).toBe(true);
  });

  it('adds a budget line, then names the field for a missing code (400), an unknown entity (400) or a taken code (409)', async () => {
    const { deps, agent, csrfToken } = await setup();
    const lab = await createEntity(deps.database, { name: 'LGEI' });
    const post = (fields: Record<string, string>) => agent.post('/admin/organisation/budget-lines').type('form').send({ _csrf: csrfToken, ...fields });
    expect((await post({ entityId: lab.id, code: 'ANR-22', label: 'Projet ANR' })).status).toBe(303);
    expect((await agent.get('/admin/organisation').expect(200)).text).toContain('Ligne budgétaire ANR-22 ajoutée à LGEI.');

    const missing = await post({ entityId: '', code: '', label: 'X' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('id="line-entity-error">Ce champ est obligatoire.');
    expect(missing.text).toContain('id="line-code-error">Ce champ est obligatoire.');
    const unknown = await post({ entityId: 'ent_gone', code: 'X', label: 'X' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('id="line-entity-error">Cette entité n’existe pas ou plus');
    const taken = await post({ entityId: lab.id, code: 'ANR-22', label: 'Autre' });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('id="line-code-error">Cette entité a déjà une ligne avec ce code.');
    expect((await listBudgetLines(deps)).map((l) => [l.code, l.label, l.active])).toEqual([['ANR-22', 'Projet ANR', true]]);
  });
});
