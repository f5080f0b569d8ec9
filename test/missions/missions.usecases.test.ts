import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { select } from '../helpers/sql.ts';
import { engineApp } from '../helpers/app.ts';
import { parseOrThrow } from '../../src/shared/validation.ts';
import { AppError } from '../../src/shared/errors.ts';
import type { AuthenticatedUser } from '../../src/auth/auth.types.ts';
import { createMissionSchema } from '../../src/missions/missions.schemas.ts';
import { createMission, getMission, updateMission, type MissionDeps } from '../../src/missions/missions.usecases.ts';
import { transitionMission } from '../../src/missions/missions-workflow.usecases.ts';
import { switchFlightLeg } from '../../src/missions/missions-switch.usecases.ts';
import { bannedTrip, montrealTrip, parisFlightTrip, recordingLedger, seedOrg, seedUser, trainTrip, type Org } from './fixtures.ts';

const input = (trip: unknown, extra: Record<string, unknown> = {}) => parseOrThrow(createMissionSchema, { purpose: 'conference', trip, ...extra });
const failure = async (f: () => unknown): Promise<string> => {
  try {
    await f();
    return 'ok';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return `${e.status} ${e.code}`;
  }
};

describe('mission use cases', () => {
  let deps: MissionDeps;
  let ledger: Awaited<ReturnType<typeof recordingLedger>>;
  let org: Org;
  let traveller: AuthenticatedUser;
  let secretariat: AuthenticatedUser;

  afterEach(async () => {
    await deps.database.close();
  });

  beforeEach(async () => {
    const app = await engineApp();
    ledger = recordingLedger();
    deps = { database: app.deps.database, clock: app.deps.clock, quote: app.deps.quote, ledger };
    org = await seedOrg(deps);
    traveller = await seedUser(deps, ['staff'], org.entityId);
    secretariat = await seedUser(deps, ['secretariat'], null);
  });

  it('stores a draft with its request, its full quote and its factor-set version', async () => {
    const mission = await createMission(deps, traveller, input(montrealTrip, { budgetLineId: org.budgetLineId }));
    expect(mission.status).toBe('draft');
    expect(mission.entityId).toBe(org.entityId);
    expect(mission.quote.legs).toHaveLength(1);
    expect(mission.co2eGrams).toBe(mission.quote.totals.co2eGrams);
    expect(mission.offsetCents).toBe(mission.quote.offset.amountCents);
    expect(mission.factorSet).toEqual(mission.quote.factorSet);
    // Instants are stored in UTC: 07:00 in Paris (UTC+1) is 06:00Z.
    expect(mission.departAt).toBe('2027-03-10T06:00:00.000Z');
    expect(mission.trip.traveler?.category).toBe('staff');
    const legs = await select(deps.database, 'select mode, trips, travelers, co2e_grams from mission_legs where mission_id = ?', mission.id);
    expect(legs).toEqual([{ mode: 'plane', trips: 2, travelers: 1, co2e_grams: mission.quote.legs[0]!.co2eGrams }]);
    const audit = (await getMission(deps, traveller, mission.id)).audit;
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus])).toEqual([['create', null, 'draft']]);
  });

  it('takes the entity from the budget line, and refuses an unknown one', async () => {
    const mission = await createMission(deps, traveller, input(trainTrip, { budgetLineId: org.otherBudgetLineId }));
    expect(mission.entityId).toBe(org.otherEntityId);
    expect(await failure(() => createMission(deps, traveller, input(trainTrip, { budgetLineId: 'bgl_nope' })))).toBe('400 validation.invalid');
  });

  it('refuses to submit a banned route, even justified', async () => {
    const mission = await createMission(deps, traveller, input(bannedTrip, { budgetLineId: org.budgetLineId, justification: 'Réunion de projet impossible à déplacer' }));
    expect(mission.quote.blocked).toBe(true);
    expect(await failure(() => transitionMission(deps, traveller, mission.id, 'submit', {}))).toBe('409 mission.flight_banned');
    expect((await getMission(deps, traveller, mission.id)).status).toBe('draft');
  });

  it('asks a justification when the policy flags the flight, then accepts it', async () => {
    const mission = await createMission(deps, traveller, input(parisFlightTrip, { budgetLineId: org.budgetLineId }));
    expect(mission.quote.justificationRequired).toBe(true);
    expect(await failure(() => transitionMission(deps, traveller, mission.id, 'submit', {}))).toBe('400 validation.submission_incomplete');
    await updateMission(deps, traveller, mission.id, { justification: 'Jury de thèse, retour le soir même obligatoire' });
    expect((await transitionMission(deps, traveller, mission.id, 'submit', {})).status).toBe('submitted');
  });

  it('validation books the contribution once; cancelling books the reversal', async () => {
    const mission = await createMission(deps, traveller, input(montrealTrip, { budgetLineId: org.budgetLineId }));
    await transitionMission(deps, traveller, mission.id, 'submit', {});
    await transitionMission(deps, secretariat, mission.id, 'validate', {});
    expect(await failure(() => transitionMission(deps, secretariat, mission.id, 'validate', {}))).toBe('409 mission.invalid_transition');
    expect(ledger.calls).toEqual([
      {
        kind: 'book',
        input: {
          missionId: mission.id,
          budgetLineId: org.budgetLineId,
          budgetLineName: 'LSR-FONC — Fonctionnement LSR',
          entityId: org.entityId,
          amountCents: mission.quote.offset.amountCents,
          co2eGrams: mission.quote.offset.co2eGrams,
          at: '2026-11-27T10:00:00.000Z',
          actorId: secretariat.id,
        },
      },
    ]);
    expect(mission.quote.offset.amountCents).toBeGreaterThan(0);
    await transitionMission(deps, secretariat, mission.id, 'cancel', { comment: 'Colloque annulé' });
    expect(ledger.calls.map((c) => c.kind)).toEqual(['book', 'reverse']);
    expect(ledger.calls[1]!.input.reason).toBe('Colloque annulé');
  });

  it('with holds on, submission reserves and rejection releases; a return keeps the hold', async () => {
    const calls: string[] = [];
    const holding = { ...deps, ledger: { ...ledger, holdContribution: async () => calls.push('hold'), voidHold: async () => calls.push('void') } };
    const mission = await createMission(holding, traveller, input(montrealTrip, { budgetLineId: org.budgetLineId }));
    await transitionMission(holding, traveller, mission.id, 'submit', {});
    await transitionMission(holding, secretariat, mission.id, 'return', { comment: 'Programme ?' });
    await transitionMission(holding, traveller, mission.id, 'submit', {});
    await transitionMission(holding, secretariat, mission.id, 'reject', { comment: 'Hors budget' });
    expect(calls).toEqual(['hold', 'hold', 'void']);
  });

  it('a mission without flights books nothing', async () => {
    const mission = await createMission(deps, traveller, input(trainTrip, { budgetLineId: org.budgetLineId }));
    await transitionMission(deps, traveller, mission.id, 'submit', {});
    await transitionMission(deps, secretariat, mission.id, 'validate', {});
    expect(ledger.calls).toEqual([]);
  });

  it('a ledger failure leaves the mission submitted', async () => {
    const mission = await createMission(deps, traveller, input(montrealTrip, { budgetLineId: org.budgetLineId }));
    await transitionMission(deps, traveller, mission.id, 'submit', {});
    const failing = { ...deps, ledger: { ...ledger, bookContribution: () => { throw new AppError({ code: 'ledger.insufficient_funds', status: 409, message: 'refused' }); } } };
    expect(await failure(() => transitionMission(failing, secretariat, mission.id, 'validate', {}))).toBe('409 ledger.insufficient_funds');
    const after = await getMission(deps, traveller, mission.id);
    expect(after.status).toBe('submitted');
    expect(after.audit.map((a) => a.action)).toEqual(['create', 'submit']);
  });

  it('return needs a comment; the traveller edits the returned mission and resubmits', async () => {
    const mission = await createMission(deps, traveller, input(montrealTrip, { budgetLineId: org.budgetLineId }));
    await transitionMission(deps, traveller, mission.id, 'submit', {});
    expect(await failure(() => transitionMission(deps, secretariat, mission.id, 'return', {}))).toBe('400 validation.comment_required');
    await transitionMission(deps, secretariat, mission.id, 'return', { comment: 'Précisez le colloque' });
    const edited = await updateMission(deps, traveller, mission.id, { justification: 'Keynote invitée au colloque ACFAS 2027' });
    expect(edited.status).toBe('returned');
    expect((await transitionMission(deps, traveller, mission.id, 'submit', {})).status).toBe('submitted');
    const trail = (await getMission(deps, secretariat, mission.id)).audit;
    expect(trail.map((a) => `${a.action}:${a.fromStatus}→${a.toStatus}`)).toEqual([
      'create:null→draft',
      'submit:draft→submitted',
      'return:submitted→returned',
      'edit:returned→returned',
      'submit:returned→submitted',
    ]);
    expect(trail[2]!.comment).toBe('Précisez le colloque');
  });

  it('a stale version is a 409 conflict', async () => {
    const mission = await createMission(deps, traveller, input(trainTrip));
    await updateMission(deps, traveller, mission.id, { purpose: 'meeting', version: 1 });
    expect(await failure(() => updateMission(deps, traveller, mission.id, { purpose: 'research', version: 1 }))).toBe('409 mission.conflict');
  });

  it('switches a flight to rail in one call and records the avoided flight', async () => {
    const mission = await createMission(deps, traveller, input(parisFlightTrip, { budgetLineId: org.budgetLineId }));
    const flight = mission.quote.legs[0]!;
    const switched = await switchFlightLeg(deps, traveller, mission.id, 0, 'train');
    expect(switched.trip.legs[0]!.mode).toBe('train');
    expect(switched.quote.offset.required).toBe(false);
    expect(switched.quote.justificationRequired).toBe(false);
    expect(switched.co2eGrams).toBeLessThan(mission.co2eGrams);
    const avoided = await select(deps.database, 'select leg_index, replaced_by, flights, flight_co2e_grams, replacement_co2e_grams from avoided_flights');
    // A round trip for one traveller: 2 trips × 1 = 2 one-way flights avoided.
    expect(avoided).toEqual([{ leg_index: 0, replaced_by: 'train', flights: 2, flight_co2e_grams: flight.co2eGrams, replacement_co2e_grams: switched.quote.legs[0]!.co2eGrams }]);
    expect(await failure(() => switchFlightLeg(deps, traveller, mission.id, 0, 'visio'))).toBe('400 validation.not_a_flight');
  });

  it('no rail across the Atlantic; visio is always possible', async () => {
    const mission = await createMission(deps, traveller, input(montrealTrip, { budgetLineId: org.budgetLineId }));
    expect(await failure(() => switchFlightLeg(deps, traveller, mission.id, 0, 'train'))).toBe('409 mission.alternative_unavailable');
    const visio = await switchFlightLeg(deps, traveller, mission.id, 0, 'visio');
    expect(visio.trip.legs[0]).toMatchObject({ mode: 'visio' });
    expect(visio.offsetCents).toBe(0);
  });
});
