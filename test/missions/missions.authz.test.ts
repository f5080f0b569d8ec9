import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import type { Role } from '../../src/auth/auth.types.ts';
import { toAuthenticatedUser, findUserById } from '../../src/auth/users.repository.ts';
import { parseOrThrow } from '../../src/shared/validation.ts';
import { newId } from '../../src/shared/ids.ts';
import { createMissionSchema } from '../../src/missions/missions.schemas.ts';
import { createMission } from '../../src/missions/missions.usecases.ts';
import { transitionMission } from '../../src/missions/missions-workflow.usecases.ts';
import { missionDeps } from '../../src/missions/missions.wiring.ts';
import { parisFlightTrip } from './fixtures.ts';

type Actor = 'owner' | 'otherStaff' | 'secretariat' | 'finance' | 'copil' | 'admin' | 'anonymous';
type Route = 'create' | 'list' | 'get' | 'patch' | 'submit' | 'validate' | 'return' | 'reject' | 'cancel' | 'switch';

// Expected status of every role on every mission route, written out by hand. The mission belongs to
// `owner` and is in the state the route needs (draft, or submitted for the secretariat's decisions and
// for cancel). 404, not 403, where the actor may not even see the mission: ids reveal nothing.
const matrix: Record<Route, Record<Actor, number>> = {
  create: { owner: 201, otherStaff: 201, secretariat: 403, finance: 403, copil: 403, admin: 201, anonymous: 401 },
  list: { owner: 200, otherStaff: 200, secretariat: 200, finance: 200, copil: 200, admin: 200, anonymous: 401 },
  get: { owner: 200, otherStaff: 404, secretariat: 200, finance: 200, copil: 200, admin: 200, anonymous: 401 },
  patch: { owner: 200, otherStaff: 404, secretariat: 403, finance: 403, copil: 403, admin: 200, anonymous: 401 },
  submit: { owner: 200, otherStaff: 404, secretariat: 403, finance: 403, copil: 403, admin: 200, anonymous: 401 },
  validate: { owner: 403, otherStaff: 404, secretariat: 200, finance: 403, copil: 403, admin: 200, anonymous: 401 },
  return: { owner: 403, otherStaff: 404, secretariat: 200, finance: 403, copil: 403, admin: 200, anonymous: 401 },
  reject: { owner: 403, otherStaff: 404, secretariat: 200, finance: 403, copil: 403, admin: 200, anonymous: 401 },
  cancel: { owner: 200, otherStaff: 404, secretariat: 200, finance: 403, copil: 403, admin: 200, anonymous: 401 },
  switch: { owner: 200, otherStaff: 404, secretariat: 403, finance: 403, copil: 403, admin: 200, anonymous: 401 },
};

const justification = 'Soutenance de thèse à Orly, retour le soir même';

describe('authorisation matrix: every role × every mission route', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof engineApp>>['deps'];
  const tokens = {} as Record<Actor, string | null>;
  let ownerId: string;
  let budgetLineId: string;

  beforeAll(async () => {
    ({ app, deps } = await engineApp());
    const entity = await createEntity(deps.database);
    budgetLineId = (await createBudgetLine(deps.database, entity.id)).id;
    const roles: Record<Exclude<Actor, 'anonymous'>, Role[]> = {
      owner: ['staff'],
      otherStaff: ['staff'],
      secretariat: ['secretariat'],
      finance: ['finance'],
      copil: ['copil'],
      admin: ['admin'],
    };
    for (const [actor, r] of Object.entries(roles)) {
      const user = await createUser(deps.database, { roles: r, entityId: entity.id });
      tokens[actor as Actor] = await bearerFor(deps.database, user);
      if (actor === 'owner') ownerId = user.id;
    }
    tokens.anonymous = null;
  });

  async function missionIn(state: 'draft' | 'submitted'): Promise<string> {
    const owner = await toAuthenticatedUser(deps.database.db, (await findUserById(deps.database.db, ownerId))!, 'token');
    const md = missionDeps(deps);
    const input = parseOrThrow(createMissionSchema, { purpose: 'research', budgetLineId, justification, trip: parisFlightTrip });
    const id = (await createMission(md, owner, input)).id;
    if (state === 'submitted') await transitionMission(md, owner, id, 'submit', {});
    return id;
  }

  async function call(route: Route, actor: Actor) {
    const needsSubmitted = ['validate', 'return', 'reject', 'cancel'].includes(route);
    const id = route === 'create' || route === 'list' ? '' : await missionIn(needsSubmitted ? 'submitted' : 'draft');
    const auth = (r: request.Test) => (tokens[actor] ? r.set('Authorization', tokens[actor]!) : r);
    switch (route) {
      case 'create':
        return auth(request(app).post('/api/missions')).send({ purpose: 'research', trip: parisFlightTrip });
      case 'list':
        return auth(request(app).get('/api/missions'));
      case 'get':
        return auth(request(app).get(`/api/missions/${id}`));
      case 'patch':
        return auth(request(app).patch(`/api/missions/${id}`)).send({ purpose: 'meeting' });
      case 'switch':
        return auth(request(app).post(`/api/missions/${id}/legs/0/switch`)).send({ to: 'train' });
      default:
        return auth(request(app).post(`/api/missions/${id}/${route}`)).send({ comment: 'Vu par le secrétariat' });
    }
  }

  const cells = Object.entries(matrix).flatMap(([route, row]) => Object.entries(row).map(([actor, status]) => [route as Route, actor as Actor, status] as const));

  it.each(cells)('%s by %s → %i', async (route, actor, status) => {
    const res = await call(route, actor);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 404) expect(res.body.error.code).toBe('mission.not_found');
    if (status === 403) expect(res.body.error.code).toMatch(/forbidden$/);
  });

  it('a traveller lists only their own missions, whatever filter they send', async () => {
    const mine = await missionIn('draft');
    const others = await request(app).get(`/api/missions?traveller=${ownerId}&limit=200`).set('Authorization', tokens.otherStaff!).expect(200);
    expect(others.body.missions.map((m: { id: string }) => m.id)).not.toContain(mine);
    expect(others.body.missions.every((m: { travellerId: string }) => m.travellerId !== ownerId)).toBe(true);
    const own = await request(app).get('/api/missions?limit=200').set('Authorization', tokens.owner!).expect(200);
    expect(own.body.missions.map((m: { id: string }) => m.id)).toContain(mine);
    const finance = await request(app).get('/api/missions?limit=200').set('Authorization', tokens.finance!).expect(200);
    expect(finance.body.missions.map((m: { id: string }) => m.id)).toContain(mine);
  });

  it('guessed and malformed ids are 404 for everyone, owner included', async () => {
    for (const id of [newId('msn'), 'msn_', '../etc', 'usr_abc', 'msn_' + 'a'.repeat(100)]) {
      for (const actor of ['owner', 'secretariat', 'admin'] as const) {
        await request(app).get(`/api/missions/${encodeURIComponent(id)}`).set('Authorization', tokens[actor]!).expect(404);
        await request(app).post(`/api/missions/${encodeURIComponent(id)}/validate`).set('Authorization', tokens[actor]!).send({}).expect(404);
      }
    }
  });
});
