import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createBudgetLine, createEntity, resolveEntity } from '../../src/org/org.usecases.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { isAppError } from '../../src/shared/errors.ts';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { memoryDatabase } from '../helpers/db.ts';

const clock = fixedClock('2026-11-27T10:00:00Z');

describe('organisation usecases', () => {
  it('creates an entity and its budget lines, and finds the entity by id or by name', async () => {
    const database = memoryDatabase();
    const lab = await createEntity({ database, clock }, { name: 'EuroMov DHM', kind: 'lab' }, null);
    expect(lab).toMatchObject({ name: 'EuroMov DHM', kind: 'lab', createdAt: '2026-11-27T10:00:00.000Z' });
    expect(lab.id).toMatch(/^ent_/);
    const line = await createBudgetLine({ database, clock }, { entityId: lab.id, code: 'ANR-22', label: 'Projet ANR', active: true }, null);
    expect(line.id).toMatch(/^bgl_/);
    expect((await resolveEntity({ database }, lab.id)).name).toBe('EuroMov DHM');
    expect((await resolveEntity({ database }, 'EuroMov DHM')).id).toBe(lab.id);
  });

  it('refuses a duplicate entity name, a duplicate code in one entity, and an unknown entity', async () => {
    const database = memoryDatabase();
    const lab = await createEntity({ database, clock }, { name: 'LGEI', kind: 'lab' }, null);
    const other = await createEntity({ database, clock }, { name: 'DRI', kind: 'service' }, null);
    await expect(createEntity({ database, clock }, { name: 'LGEI', kind: 'department' }, null)).rejects.toThrow(/already exists/);
    await createBudgetLine({ database, clock }, { entityId: lab.id, code: 'FCT', label: 'Fonctionnement', active: true }, null);
    const duplicate = await (async () => {
      try {
        await createBudgetLine({ database, clock }, { entityId: lab.id, code: 'FCT', label: 'Autre', active: true }, null);
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(duplicate) && duplicate.status).toBe(409);
    // The same code in another entity is a different line.
    expect((await createBudgetLine({ database, clock }, { entityId: other.id, code: 'FCT', label: 'Fonctionnement DRI', active: true }, null)).code).toBe('FCT');
    await expect(createBudgetLine({ database, clock }, { entityId: 'ent_nope', code: 'X', label: 'X', active: true }, null)).rejects.toThrow(/Unknown entity/);
    await expect(resolveEntity({ database }, 'Nowhere')).rejects.toThrow(/Unknown entity/);
  });
});

describe('organisation API', () => {
  it('lets an admin create entities and budget lines, and any signed-in person list them', async () => {
    const { app, deps } = testApp();
    const admin = await createUser(deps.database, { roles: ['admin'] });
    const staff = await createUser(deps.database, { roles: ['staff'] });
    const asAdmin = await bearerFor(deps.database, admin);
    const asStaff = await bearerFor(deps.database, staff);

    const created = await request(app).post('/api/entities').set('Authorization', asAdmin).send({ name: 'Centre de recherche', kind: 'department' }).expect(201);
    const entityId = created.body.entity.id as string;
    await request(app).post('/api/budget-lines').set('Authorization', asAdmin).send({ entityId, code: 'C1', label: 'Crédits récurrents' }).expect(201);
    await request(app).post('/api/budget-lines').set('Authorization', asAdmin).send({ entityId, code: 'C2', label: 'Contrat', active: false }).expect(201);

    const entities = await request(app).get('/api/entities').set('Authorization', asStaff).expect(200);
    expect(entities.body.entities.map((e: { name: string }) => e.name)).toEqual(['Centre de recherche']);
    const lines = await request(app).get(`/api/budget-lines?entity=${entityId}`).set('Authorization', asStaff).expect(200);
    expect(lines.body.budgetLines.map((l: { code: string; active: boolean }) => [l.code, l.active])).toEqual([
      ['C1', true],
      ['C2', false],
    ]);
    const elsewhere = await request(app).get('/api/budget-lines?entity=ent_other').set('Authorization', asStaff).expect(200);
    expect(elsewhere.body.budgetLines).toEqual([]);
  });

  it('forbids writes to non-admins, reads to anonymous callers, and rejects bad bodies with 400', async () => {
    const { app, deps } = testApp();
    const staff = await bearerFor(deps.database, await createUser(deps.database, { roles: ['staff', 'finance'] }));
    const admin = await bearerFor(deps.database, await createUser(deps.database, { roles: ['admin'] }));
    await request(app).get('/api/entities').expect(401);
    await request(app).post('/api/entities').set('Authorization', staff).send({ name: 'X', kind: 'lab' }).expect(403);
    const bad = await request(app).post('/api/entities').set('Authorization', admin).send({ name: 'X', kind: 'club' }).expect(400);
    expect(bad.body.error.details[0].path).toBe('kind');
    await request(app).post('/api/entities').set('Authorization', admin).send({ name: 'X', kind: 'lab', extra: 1 }).expect(400);
    await request(app).post('/api/entities').set('Authorization', admin).send({ name: 'ent_trick', kind: 'lab' }).expect(400);
    await request(app).post('/api/budget-lines').set('Authorization', admin).send({ entityId: 'ent_unknown', code: 'A', label: 'A' }).expect(400);
  });
});
