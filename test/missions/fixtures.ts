import type { Database } from '../../src/shared/db.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { AuthenticatedUser, Role } from '../../src/auth/auth.types.ts';
import { createUser } from '../../src/auth/users.usecases.ts';
import { toAuthenticatedUser } from '../../src/auth/users.repository.ts';
import { createBudgetLine, createEntity } from '../../src/org/org.usecases.ts';
import type { MissionLedgerPort } from '../../src/missions/missions.usecases.ts';

export type Org = { entityId: string; budgetLineId: string; otherEntityId: string; otherBudgetLineId: string };

export async function seedOrg(deps: { database: Database; clock: Clock }): Promise<Org> {
  const lab = await createEntity(deps, { name: 'Laboratoire des Sciences des Risques', kind: 'lab' }, null);
  const line = await createBudgetLine(deps, { entityId: lab.id, code: 'LSR-FONC', label: 'Fonctionnement LSR', active: true }, null);
  const other = await createEntity(deps, { name: 'Centre des Matériaux', kind: 'lab' }, null);
  const otherLine = await createBudgetLine(deps, { entityId: other.id, code: 'C2MA-ANR', label: 'Projet ANR', active: true }, null);
  return { entityId: lab.id, budgetLineId: line.id, otherEntityId: other.id, otherBudgetLineId: otherLine.id };
}

let counter = 0;
export async function seedUser(deps: { database: Database; clock: Clock }, roles: Role[], entityId: string | null, category: 'staff' | 'student' = 'staff'): Promise<AuthenticatedUser> {
  counter += 1;
  const row = await createUser(deps, { email: `${roles.join('-')}.${counter}@mines-ales.fr`, name: `${roles.join(' ')} ${counter}`, roles, entityId, category }, { actorId: null });
  return await toAuthenticatedUser(deps.database.db, row, 'token');
}

// Records what the workflow asked of the ledger; the real ledger is exercised in the HTTP tests.
export function recordingLedger(): MissionLedgerPort & { calls: Array<{ kind: 'book' | 'reverse'; input: Record<string, unknown> }> } {
  const calls: Array<{ kind: 'book' | 'reverse'; input: Record<string, unknown> }> = [];
  return {
    calls,
    bookContribution: async (_db, input) => calls.push({ kind: 'book', input }),
    reverseContribution: async (_db, input) => calls.push({ kind: 'reverse', input }),
  };
}

// Montpellier → Montréal, economy, round trip: the flight of the browser scenario.
export const montrealTrip = {
  departAt: '2027-03-10T07:00:00+01:00',
  returnAt: '2027-03-14T21:00:00-04:00',
  destination: { country: 'CA', city: 'Montréal' },
  legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true, cabin: 'economy', fareCents: 95_000 }],
} as const;

// Montpellier → Paris-Orly: rail takes ~3 h 20, under the 4 h threshold, so the flight needs a reason.
export const parisFlightTrip = {
  departAt: '2027-02-02T07:00:00+01:00',
  returnAt: '2027-02-02T21:00:00+01:00',
  destination: { country: 'FR', city: 'Paris' },
  legs: [{ mode: 'plane', from: 'MPL', to: 'ORY', roundTrip: true, fareCents: 30_000 }],
} as const;

// Orly → Nantes: closed to scheduled flights by décret 2023-385.
export const bannedTrip = {
  departAt: '2027-02-02T07:00:00+01:00',
  returnAt: '2027-02-03T21:00:00+01:00',
  destination: { country: 'FR', city: 'Nantes' },
  legs: [{ mode: 'plane', from: 'ORY', to: 'NTE', roundTrip: false }],
} as const;

export const trainTrip = {
  departAt: '2027-02-02T07:00:00+01:00',
  returnAt: '2027-02-02T21:00:00+01:00',
  destination: { country: 'FR', city: 'Lyon' },
  legs: [{ mode: 'train', from: 'Montpellier, FR', to: 'Lyon, FR', roundTrip: true }],
} as const;
