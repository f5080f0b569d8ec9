import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase, projectRoot } from '../../src/shared/db.ts';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { claimDeps } from '../../src/claims/claims.wiring.ts';
import { transitionClaim } from '../../src/claims/claims-workflow.usecases.ts';
import { findUserById, toAuthenticatedUser } from '../../src/auth/users.repository.ts';
import { claimWorld, montrealTrip, parisByTrain, parisFlightTrip, type ClaimWorld } from './support.ts';

installLedgerAuditor();
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'empreinte-claims-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const moreFlights = { ...montrealTrip, legs: [...montrealTrip.legs, { mode: 'plane', from: 'YUL', to: 'YYZ', roundTrip: true }] };

function claimState(world: ClaimWorld, missionId: string) {
  const sqlite = world.deps.database.sqlite;
  const claim = sqlite.prepare('select id, status, version, adjustment_cents as adjustmentCents from claims where mission_id = ?').get(missionId) as { id: string; status: string; version: number; adjustmentCents: number | null };
  const count = (sql: string) => (sqlite.prepare(sql).get(claim.id) as { n: number }).n;
  return {
    ...claim,
    adjustments: count("select count(*) as n from ledger_transfers where cause_kind = 'claim_adjustment' and cause_ref = ?"),
    certifications: count("select count(*) as n from claim_audit where claim_id = ? and action = 'certify'"),
    returns: count("select count(*) as n from claim_audit where claim_id = ? and action = 'return'"),
    avoided: count('select count(*) as n from avoided_flights where claim_id = ?'),
    entries: (sqlite.prepare('select count(*) as n from ledger_entries').get() as { n: number }).n,
  };
}

describe('certify racing return across processes', () => {
  it('two desks certify and two return the same claim at once: one wins, the others are refused, one adjustment at most', async () => {
    const dbPath = join(dir, 'race.sqlite');
    const world = await claimWorld({ database: openMigratedDatabase(dbPath) });
    const mission = await world.validatedMission(montrealTrip);
    await world.submittedClaim(mission.id, { trip: moreFlights });

    const worker = join(projectRoot, 'test/claims/claim-worker.ts');
    const actions = ['certify', 'return', 'certify', 'return'];
    const outcomes = await Promise.all(
      actions.map((action) => run(process.execPath, ['--import', 'tsx', worker, dbPath, mission.id, world.secretariat.user.id, action], { cwd: projectRoot }).then((r) => r.stdout.trim())),
    );
    const winners = outcomes.filter((o) => o === 'certify' || o === 'return');
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'claim.invalid_transition')).toHaveLength(3);

    const state = claimState(world, mission.id);
    if (winners[0] === 'certify') {
      expect(state).toMatchObject({ status: 'certified', adjustments: 1, certifications: 1, returns: 0 });
      expect(state.adjustmentCents).toBeGreaterThan(0);
    } else {
      expect(state).toMatchObject({ status: 'returned', adjustments: 0, certifications: 0, returns: 1, adjustmentCents: null });
    }
  }, 60_000);
});

describe('a failure in the middle of a certification', () => {
  const actorOf = async (world: ClaimWorld) => toAuthenticatedUser(world.deps.database.db, (await findUserById(world.deps.database.db, world.secretariat.user.id))!, 'token');

  it('after the ledger booked the adjustment: nothing of the certification remains, and it succeeds once retried', async () => {
    const world = await claimWorld();
    const mission = await world.validatedMission(parisFlightTrip);
    await world.submittedClaim(mission.id, { trip: parisByTrain });
    const before = claimState(world, mission.id);
    const deps = claimDeps(world.deps);
    const failing = { ...deps, ledger: { ...deps.ledger, settle: async (...args: Parameters<typeof deps.ledger.settle>) => { await deps.ledger.settle(...args); throw new Error('disk unplugged'); } } };

    await expect(transitionClaim(failing, await actorOf(world), mission.id, 'certify', {})).rejects.toThrow('disk unplugged');
    expect(claimState(world, mission.id)).toEqual(before);

    await transitionClaim(deps, await actorOf(world), mission.id, 'certify', {});
    expect(claimState(world, mission.id)).toMatchObject({ status: 'certified', adjustments: 1, certifications: 1, avoided: 1, adjustmentCents: -mission.quote.offset.amountCents });
  });

  it('at the very last write (the audit entry): the adjustment and the avoided flight are rolled back with the status', async () => {
    const world = await claimWorld();
    const mission = await world.validatedMission(parisFlightTrip);
    await world.submittedClaim(mission.id, { trip: parisByTrain });
    const before = claimState(world, mission.id);
    const sqlite = world.deps.database.sqlite;
    sqlite.exec("create temp trigger fail_certify_audit before insert on claim_audit when new.action = 'certify' begin select raise(abort, 'audit store unavailable'); end");

    await expect(transitionClaim(claimDeps(world.deps), await actorOf(world), mission.id, 'certify', {})).rejects.toThrow(/audit store unavailable/);
    expect(claimState(world, mission.id)).toEqual(before);
    sqlite.exec('drop trigger temp.fail_certify_audit');
  });
});
