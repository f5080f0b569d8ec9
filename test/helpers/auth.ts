import type { Express } from 'express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { Role } from '../../src/auth/auth.types.ts';
import type { UserCategory } from '../../src/auth/auth.models.ts';
import { hashPasswordSync, type ScryptParams } from '../../src/auth/auth.crypto.ts';
import { createApiToken, createUser as createUserUsecase } from '../../src/auth/users.usecases.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Database } from '../../src/shared/db.ts';

// Cheap scrypt parameters for tests only: the stored hash records them, so verification is real.
export const FAST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';
const seedClock = fixedClock('2026-01-05T09:00:00Z');

export type TestUser = { id: string; email: string; name: string; roles: Role[]; entityId: string | null; category: UserCategory; password: string };

let counter = 0;

// A user with a password (TEST_PASSWORD unless given), created through the real usecase (audited).
export async function createUser(
  database: Database,
  fields: { roles?: Role[]; entityId?: string | null; email?: string; name?: string; category?: UserCategory; password?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const password = fields.password ?? TEST_PASSWORD;
  const roles = fields.roles ?? ['staff'];
  const row = await createUserUsecase(
    { database, clock: seedClock },
    {
      email: fields.email ?? `person${counter}.${Date.now().toString(36)}@example.org`,
      name: fields.name ?? `Personne ${counter}`,
      roles,
      entityId: fields.entityId ?? null,
      category: fields.category ?? 'staff',
      passwordHash: hashPasswordSync(password, FAST_SCRYPT),
    },
    { actorId: null },
  );
  return { id: row.id, email: row.email, name: row.name, roles, entityId: row.entityId, category: row.category, password };
}

export type SignedInAgent = { agent: TestAgent; csrfToken: string };

const csrfIn = (html: string): string => {
  const match = /<meta name="csrf-token" content="([^"]+)">/.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token in the page');
  return match[1];
};

// Signs in through the real form (GET the form, POST it), keeping cookies in the agent.
// Forms: send `_csrf: csrfToken`; JSON API calls: `.set('X-CSRF-Token', csrfToken)`.
export async function signedInAgent(app: Express, user: Pick<TestUser, 'email' | 'password'>): Promise<SignedInAgent> {
  const agent = request.agent(app);
  const form = await agent.get('/sign-in').expect(200);
  const signIn = await agent.post('/sign-in').type('form').send({ email: user.email, password: user.password, _csrf: csrfIn(form.text) });
  if (signIn.status !== 303) throw new Error(`sign-in failed with status ${signIn.status}`);
  const page = await agent.get('/account/tokens').expect(200);
  return { agent, csrfToken: csrfIn(page.text) };
}

// `Authorization` header value for a fresh personal API token of this user.
export async function bearerFor(database: Database, user: Pick<TestUser, 'id'>): Promise<string> {
  return `Bearer ${(await createApiToken({ database, clock: seedClock }, user.id, 'test', { actorId: user.id })).token}`;
}
