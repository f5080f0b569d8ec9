import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { testApp } from '../helpers/app.ts';
import { bearerFor, createUser, FAST_SCRYPT } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import type { AppDeps } from '../../src/deps.ts';
import { signIn } from '../../src/auth/sessions.usecases.ts';
import type { SignInLimiter } from '../../src/auth/sign-in-limiter.ts';
import { findUserById, toAuthenticatedUser } from '../../src/auth/users.repository.ts';
import { parseOrThrow } from '../../src/shared/validation.ts';
import { createMissionSchema } from '../../src/missions/missions.schemas.ts';
import { createMission } from '../../src/missions/missions.usecases.ts';
import { transitionMission } from '../../src/missions/missions-workflow.usecases.ts';
import { missionDeps } from '../../src/missions/missions.wiring.ts';
import { createProject } from '../../src/ledger/finance.usecases.ts';
import { ledgerPolicy } from '../../src/ledger/ledger.models.ts';
import { hashPasswordSync } from '../../src/auth/auth.crypto.ts';

// One app on a real port, with one person holding every role (admin passes every role check), an
// API token, a browser session with its CSRF token, a draft mission, a validated one (so a
// contribution transfer exists) and a reinvestment project: every route has something to aim at.
export type HostileTarget = {
  baseUrl: string;
  deps: AppDeps;
  bearer: string;
  sessionCookie: string;
  csrfToken: string;
  anonymousCookie: string; // the CSRF cookie an anonymous visitor of /sign-in gets
  anonymousCsrf: string;
  draftMissionId: string;
  transferId: string;
  projectId: string;
  budgetLineId: string;
  close: () => Promise<void>;
};

export const montreal = {
  departAt: '2027-03-10T07:00:00+01:00',
  returnAt: '2027-03-14T21:00:00-04:00',
  destination: { country: 'CA', city: 'Montréal' },
  legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true, cabin: 'economy', fareCents: 95_000 }],
};

// Sign-in attempts are refused by the limiter before any password hashing: the form's parsing is what
// is under test, and 10,000 scrypt runs would take minutes.
const alwaysLimited: SignInLimiter = { retryAfterSeconds: () => 60, recordFailure: () => {} };

export async function startHostileTarget(): Promise<HostileTarget> {
  const { app, deps } = testApp({ limiter: alwaysLimited } as Partial<AppDeps>);
  const entity = await createEntity(deps.database, { name: 'Laboratoire cible' });
  const line = await createBudgetLine(deps.database, entity.id, { code: 'CIBLE-1', label: 'Ligne cible' });
  const person = await createUser(deps.database, { roles: ['admin', 'staff', 'secretariat', 'finance', 'copil'], entityId: entity.id });
  const desk = await createUser(deps.database, { roles: ['secretariat'], entityId: entity.id });
  const bearer = await bearerFor(deps.database, person);

  const missions = missionDeps(deps);
  const actor = await toAuthenticatedUser(deps.database.db, (await findUserById(deps.database.db, person.id))!, 'token');
  const deskActor = await toAuthenticatedUser(deps.database.db, (await findUserById(deps.database.db, desk.id))!, 'token');
  const input = parseOrThrow(createMissionSchema, { purpose: 'conference', budgetLineId: line.id, trip: montreal });
  const draftMissionId = (await createMission(missions, actor, input)).id;
  const validated = (await createMission(missions, actor, input)).id;
  await transitionMission(missions, actor, validated, 'submit', {});
  await transitionMission(missions, deskActor, validated, 'validate', {});
  const transferId = (deps.database.sqlite.prepare('select id from ledger_transfers limit 1').get() as { id: string }).id;
  const ledger = { database: deps.database, clock: deps.clock, policy: ledgerPolicy(deps.config) };
  const projectId = (await createProject(ledger, { name: 'Projet cible', scope: 'internal', description: null }, person.id)).id;

  deps.database.sqlite.prepare('update users set password_hash = ? where id = ?').run(hashPasswordSync(person.password, FAST_SCRYPT), person.id);
  const session = await signIn({ ...deps, limiter: { retryAfterSeconds: () => 0, recordFailure: () => {} } }, { email: person.email, password: person.password, ip: '127.0.0.1' });
  if (session.kind !== 'signed_in') throw new Error('fixture sign-in failed');

  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sessionCookie = `empreinte_sid=${session.sessionToken}`;
  const page = await (await fetch(`${baseUrl}/account/tokens`, { headers: { cookie: sessionCookie } })).text();
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(page)?.[1];
  const signInPage = await fetch(`${baseUrl}/sign-in`);
  const anonymousCookie = (signInPage.headers.get('set-cookie') ?? '').split(';')[0]!;
  const anonymousCsrf = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())?.[1];
  if (!csrfToken || !anonymousCsrf || !anonymousCookie.startsWith('empreinte_csrf=')) throw new Error('fixture: no CSRF token');
  return {
    baseUrl, deps, bearer, sessionCookie, csrfToken, anonymousCookie, anonymousCsrf, draftMissionId, transferId, projectId, budgetLineId: line.id,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

// Row counts of every table in one query: compared before and after each hostile request.
export function rowCounter(deps: AppDeps): () => string {
  const tables = (deps.database.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{ name: string }>).map((t) => t.name);
  const statement = deps.database.sqlite.prepare(`select ${tables.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`).raw();
  return () => JSON.stringify(statement.get());
}
