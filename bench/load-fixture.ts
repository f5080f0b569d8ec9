// A database file seeded for the load benchmark, the crash and the backup tests: one lab with budget
// lines, travellers (staff) and secretariat agents each with a personal API token, and optionally
// missions already submitted (the first `validatedMissions` of them validated by the first agent).
import { testConfig } from '../src/config.ts';
import { buildDeps } from '../src/deps.ts';
import { systemClock } from '../src/shared/clock.ts';
import { openMigratedDatabase } from '../src/shared/db.ts';
import { parseOrThrow } from '../src/shared/validation.ts';
import { createApiToken, createUser } from '../src/auth/users.usecases.ts';
import { findUserById, toAuthenticatedUser } from '../src/auth/users.repository.ts';
import type { Role } from '../src/auth/auth.types.ts';
import { createBudgetLine, createEntity } from '../src/org/org.usecases.ts';
import { createMissionSchema } from '../src/missions/missions.schemas.ts';
import { createMission } from '../src/missions/missions.usecases.ts';
import { transitionMission } from '../src/missions/missions-workflow.usecases.ts';
import { missionDeps } from '../src/missions/missions.wiring.ts';

export type Agent = { id: string; token: string };
export type LoadFixture = { budgetLineIds: string[]; staff: Agent[]; secretariat: Agent[]; submittedMissionIds: string[] };


// Montpellier → Montréal and back: a flight, so every validation books a contribution in the ledger.
export function loadTrip(fareCents: number) {
  return {
    departAt: '2027-03-10T07:00:00+01:00',
    returnAt: '2027-03-14T21:00:00-04:00',
    destination: { country: 'CA', city: 'Montréal' },
    legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true, cabin: 'economy', fareCents }],
  };
}

export function missionBody(budgetLineId: string, fareCents: number) {
  return { purpose: 'conference', budgetLineId, trip: loadTrip(fareCents) };
}

export async function seedLoadDatabase(dbPath: string, counts: { staff: number; secretariat: number; submittedMissions?: number; validatedMissions?: number }): Promise<LoadFixture> {
  const database = openMigratedDatabase(dbPath);
  try {
    const deps = buildDeps({ config: testConfig(), database, clock: systemClock });
    const lab = await createEntity(deps, { name: 'Laboratoire de charge', kind: 'lab' }, null);
    const budgetLineIds = await Promise.all([1, 2, 3].map(async (n) => (await createBudgetLine(deps, { entityId: lab.id, code: `CHARGE-${n}`, label: `Ligne ${n}`, active: true }, null)).id));
    const agent = async (role: Role, n: number): Promise<Agent> => {
      const user = await createUser(deps, { email: `${role}.${n}@charge.example`, name: `${role} ${n}`, roles: [role], entityId: lab.id, category: 'staff' }, { actorId: null });
      return { id: user.id, token: (await createApiToken(deps, user.id, 'load', { actorId: null })).token };
    };
    const staff = await Promise.all(Array.from({ length: counts.staff }, (_, n) => agent('staff', n)));
    const secretariat = await Promise.all(Array.from({ length: counts.secretariat }, (_, n) => agent('secretariat', n)));
    const missions = missionDeps(deps);
    const desk = secretariat[0] ? await toAuthenticatedUser(database.db, (await findUserById(database.db, secretariat[0].id))!, 'token') : undefined!;
    const submittedMissionIds: string[] = [];
    for (let n = 0; n < (counts.submittedMissions ?? 0); n++) {
      const traveller = await toAuthenticatedUser(database.db, (await findUserById(database.db, staff[n % staff.length]!.id))!, 'token');
      const input = parseOrThrow(createMissionSchema, missionBody(budgetLineIds[n % budgetLineIds.length]!, 90_000 + n));
      const id = (await createMission(missions, traveller, input)).id;
      await transitionMission(missions, traveller, id, 'submit', {});
      if (n < (counts.validatedMissions ?? 0)) await transitionMission(missions, desk, id, 'validate', {});
      submittedMissionIds.push(id);
    }
    return { budgetLineIds, staff, secretariat, submittedMissionIds };
  } finally {
    database.sqlite.close();
  }
}
