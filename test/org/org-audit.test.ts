import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { listRecentOrgAudit } from '../../src/org/org-audit.repository.ts';
import { findBudgetLineById } from '../../src/org/org.repository.ts';
import { createBudgetLine, createEntity, setBudgetLineActive } from '../../src/org/org.usecases.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Database } from '../../src/shared/db.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { memoryDatabase } from '../helpers/db.ts';

const clock = fixedClock('2026-11-27T10:00:00Z');
const trail = async (database: Database) =>
  (await listRecentOrgAudit(database.db, 50)).map(({ actorId, action, targetId, detail }) => ({ actorId, action, targetId, detail }));

describe('organisation audit trail (use cases)', () => {
  it('records each change with its actor, newest first; a no-op close and a refused change record nothing', async () => {
    const database = memoryDatabase();
    const deps = { database, clock };
    const lab = await createEntity(deps, { name: 'LGEI', kind: 'lab' }, 'usr_admin');
    const line = await createBudgetLine(deps, { entityId: lab.id, code: 'ANR-22', label: 'Projet ANR', active: true }, 'usr_admin');
    expect((await setBudgetLineActive(deps, line.id, false, 'usr_finance_admin')).changed).toBe(true);
    expect((await setBudgetLineActive(deps, line.id, false, 'usr_admin')).changed).toBe(false);
    await setBudgetLineActive(deps, line.id, true, null);
    await expect(createEntity(deps, { name: 'LGEI', kind: 'service' }, 'usr_admin')).rejects.toThrow(/already exists/);
    await expect(createBudgetLine(deps, { entityId: lab.id, code: 'ANR-22', label: 'Doublon', active: true }, 'usr_admin')).rejects.toThrow(/already exists/);

    expect(await trail(database)).toEqual([
      { actorId: null, action: 'budget_line_reopened', targetId: line.id, detail: 'ANR-22 (LGEI)' },
      { actorId: 'usr_finance_admin', action: 'budget_line_closed', targetId: line.id, detail: 'ANR-22 (LGEI)' },
      { actorId: 'usr_admin', action: 'budget_line_created', targetId: line.id, detail: 'ANR-22 — Projet ANR (LGEI)' },
      { actorId: 'usr_admin', action: 'entity_created', targetId: lab.id, detail: 'LGEI (lab)' },
    ]);
    expect((await listRecentOrgAudit(database.db, 50))[0]!.at).toBe('2026-11-27T10:00:00.000Z');
    expect(await listRecentOrgAudit(database.db, 2)).toHaveLength(2);
  });

  it('writes the change and its audit row in one transaction: a refused audit row undoes the close', async () => {
    const database = memoryDatabase();
    const deps = { database, clock };
    const line = await createBudgetLine(deps, { entityId: (await createEntity(deps, { name: 'LGEI', kind: 'lab' }, null)).id, code: 'FCT', label: 'Fonctionnement', active: true }, null);
    database.sqlite.exec("create trigger org_audit_refuse before insert on org_audit begin select raise(abort, 'audit down'); end");
    await expect(setBudgetLineActive(deps, line.id, false, 'usr_admin')).rejects.toThrow(/audit down/);
    expect((await findBudgetLineById(database.db, line.id))?.active).toBe(true);
    await expect(createEntity(deps, { name: 'DRI', kind: 'service' }, null)).rejects.toThrow(/audit down/);
    expect((await trail(database)).map((r) => r.action)).toEqual(['budget_line_created', 'entity_created']);
  });
});

describe('organisation audit trail (API and /admin/organisation)', () => {
  it('records the signed-in admin for API writes and shows the latest changes on the page, French then English', async () => {
    const { app, deps } = testApp();
    const admin = await createUser(deps.database, { roles: ['admin'], name: 'Alice Martin' });
    const asAdmin = await bearerFor(deps.database, admin);
    const { agent } = await signedInAgent(app, admin);
    expect((await agent.get('/admin/organisation').expect(200)).text).toContain('Aucun changement enregistré pour l’instant.');

    const entityId = (await request(app).post('/api/entities').set('Authorization', asAdmin).send({ name: 'LGEI', kind: 'lab' }).expect(201)).body.entity.id;
    const lineId = (await request(app).post('/api/budget-lines').set('Authorization', asAdmin).send({ entityId, code: 'ANR-22', label: 'Projet ANR' }).expect(201)).body.budgetLine.id;
    await request(app).post(`/api/budget-lines/${lineId}/close`).set('Authorization', asAdmin).expect(200);
    await createEntity(deps, { name: 'DRI', kind: 'service' }, null); // as the CLI does: no actor
    expect((await trail(deps.database)).map((r) => [r.actorId, r.action])).toEqual([
      [null, 'entity_created'],
      [admin.id, 'budget_line_closed'],
      [admin.id, 'budget_line_created'],
      [admin.id, 'entity_created'],
    ]);

    const page = (await agent.get('/admin/organisation').expect(200)).text;
    expect(page).toContain('<h2 id="org-changes">Derniers changements</h2>');
    expect(page).toContain('<caption class="visually-hidden">Derniers changements de l’organisation</caption>');
    expect(page).toMatch(/<th scope="col">Quand<\/th>\s*<th scope="col">Qui<\/th>\s*<th scope="col">Quoi<\/th>\s*<th scope="col">Détail<\/th>/);
    // The test clock is 10:00 UTC on 27 November, 11:00 in Paris (CET, UTC+1).
    expect(page).toMatch(
      /<td><time datetime="2026-11-27T10:00:00.000Z">27 nov\. 2026, 11:00<\/time><\/td>\s*<td>Alice Martin<\/td>\s*<td>Ligne budgétaire fermée<\/td>\s*<td>ANR-22 \(LGEI\)<\/td>/,
    );
    expect(page).toMatch(/<td>ligne de commande<\/td>\s*<td>Entité ajoutée<\/td>\s*<td>DRI \(service\)<\/td>/);
    // Newest first; the changes come after the forms.
    expect(page.indexOf('DRI (service)')).toBeLessThan(page.indexOf('ANR-22 (LGEI)'));
    expect(page.indexOf('id="line-new"')).toBeLessThan(page.indexOf('id="org-changes"'));
    expect(page).not.toMatch(/<script>|style="/);

    const english = (await agent.get('/admin/organisation?lang=en').expect(200)).text;
    expect(english).toMatch(/27 Nov 2026, 11:00<\/time><\/td>\s*<td>Alice Martin<\/td>\s*<td>Budget line closed<\/td>/);
    expect(english).toMatch(/<td>command line<\/td>\s*<td>Entity added<\/td>/);
  });

  it('records a close from the page under the signed-in admin', async () => {
    const { app, deps } = testApp();
    const admin = await createUser(deps.database, { roles: ['admin'] });
    const line = await createBudgetLine(deps, { entityId: (await createEntity(deps, { name: 'LGEI', kind: 'lab' }, null)).id, code: 'FCT', label: 'Fonctionnement', active: true }, null);
    const { agent, csrfToken } = await signedInAgent(app, admin);
    await agent.post(`/admin/organisation/budget-lines/${line.id}/close`).type('form').send({ _csrf: csrfToken }).expect(303);
    expect((await trail(deps.database))[0]).toEqual({ actorId: admin.id, action: 'budget_line_closed', targetId: line.id, detail: 'FCT (LGEI)' });
  });
});
