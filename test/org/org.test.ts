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
  it('creates an entity and its budget lines, and finds the entity by id or by name', () => {
    const database = memoryDatabase();
    const lab = createEntity({ database, clock }, { name: 'EuroMov DHM', kind: 'lab' }, null);
    expect(lab).toMatchObject({ name: 'EuroMov DHM', kind: 'lab', createdAt: '2026-11-27T10:00:00.000Z' });
    expect(lab.id).toMatch(/^ent_/);
    const line = createBudgetLine({ database, clock }, { entityId: lab.id, code: 'ANR-22', label: 'Projet ANR', active: true }, null);
    expect(line.id).toMatch(/^bgl_/);
    expect(resolveEntity({ database }, lab.id).name).toBe('EuroMov DHM');
    expect(resolveEntity({ database }, 'EuroMov DHM').id).toBe(lab.id);
  });

  it('refuses a duplicate entity name, a duplicate code in one entity, and an unknown entity', () => {
    const database = memoryDatabase();
    const lab = createEntity({ database, clock }, { name: 'LGEI', kind: 'lab' }, null);
    const other = createEntity({ database, clock }, { name: 'DRI', kind: 'service' }, null);
    expect(() => createEntity({ database, clock }, { name: 'LGEI', kind: 'department' }, null)).toThrow(/already exists/);
    createBudgetLine({ database, clock }, { entityId: lab.id, code: 'FCT', label: 'Fonctionnement', active: true }, null);
    const duplicate = (() => {
      try {
        createBudgetLine({ database, clock }, { entityId: lab.id, code: 'FCT', label: 'Autre', active: true }, null);
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(duplicate) && duplicate.status).toBe(409);
    // The same code in another entity is a different line.
    expect(createBudgetLine({ database, clock }, { entityId: other.id, code: 'FCT', label: 'Fonctionnement DRI', active: true }, null).code).toBe('FCT');
    expect(() => createBudgetLine({ database, clock }, { entityId: 'ent_nope', code: 'X', label: 'X', active: true }, null)).toThrow(/Unknown entity/);
    expect(() => resolveEntity({ database }, 'Nowhere')).toThrow(/Unknown entity/);
  });
});

describe('organisation API', () => {
  it('lets an admin create entities and budget lines, and any signed-in person list them', async () => {
    const { app, deps } = testApp();
    const admin = createUser(deps.database, { roles: ['admin'] });
    const staff = createUser(deps.database, { roles: ['staff'] });
    const asAdmin = bearerFor(deps.database, admin);
    const asStaff = bearerFor(deps.database, staff);

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
    const staff = bearerFor(deps.database, createUser(deps.database, { roles: ['staff', 'finance'] }));
    const admin = bearerFor(deps.database, createUser(deps.database, { roles: ['admin'] }));
    await request(app).get('/api/entities').expect(401);
    await request(app).post('/api/entities').set('Authorization', staff).send({ name: 'X', kind: 'lab' }).expect(403);
    const bad = await request(app).post('/api/entities').set('Authorization', admin).send({ name: 'X', kind: 'club' }).expect(400);
    expect(bad.body.error.details[0].path).toBe('kind');
    await request(app).post('/api/entities').set('Authorization', admin).send({ name: 'X', kind: 'lab', extra: 1 }).expect(400);
    await request(app).post('/api/entities').set('Authorization', admin).send({ name: 'ent_trick', kind: 'lab' }).expect(400);
    await request(app).post('/api/budget-lines').set('Authorization', admin).send({ entityId: 'ent_unknown', code: 'A', label: 'A' }).expect(400);
  });
});
