import { databaseOn } from '../../src/shared/db.ts';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import BetterSqlite3 from 'better-sqlite3';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { claimWorld, montrealTrip, parisByTrain, parisFlightTrip, trainTrip, type ClaimWorld } from './support.ts';
import { execute, select } from '../helpers/sql.ts';

installLedgerAuditor();

// The rule, in every case: the adjustment booked at certification is the actual trip's
// contribution minus the one booked at validation, as one transfer between the same two accounts.

type Case = { world: ClaimWorld; missionId: string; booked: number; claim: { id: string; status: string; quote: { offset: { amountCents: number; co2eGrams: number } }; adjustment: { amountCents: number; transferId: string | null } | null } };

async function certified(world: ClaimWorld, missionTrip: unknown, actualTrip?: unknown): Promise<Case> {
  const mission = await world.validatedMission(missionTrip);
  await world.submittedClaim(mission.id, actualTrip ? { trip: actualTrip } : {});
  const res = await request(world.app).post(`${world.claimUrl(mission.id)}/certify`).set('Authorization', world.secretariat.auth).send({}).expect(200);
  return { world, missionId: mission.id, booked: mission.quote.offset.amountCents, claim: res.body.claim };
}

async function expectSettled({ world, missionId, booked, claim }: Case): Promise<number> {
  const delta = claim.quote.offset.amountCents - booked;
  expect(claim.status).toBe('certified');
  expect(claim.adjustment?.amountCents).toBe(delta);
  const adjustments = await world.transfers(claim.id);
  if (delta === 0) {
    expect(claim.adjustment?.transferId).toBeNull();
    expect(adjustments).toEqual([]);
    return delta;
  }
  const [contribution] = await world.transfers(missionId);
  expect(adjustments).toEqual([expect.objectContaining({ key: `claim:${claim.id}:adjustment`, causeKind: 'claim_adjustment', amountCents: Math.abs(delta) })]);
  const up = delta > 0;
  if (contribution) {
    // The same two accounts as the contribution, in its direction when the trip cost more carbon.
    expect(adjustments[0]!.debit).toBe(up ? contribution.debit : contribution.credit);
    expect(adjustments[0]!.credit).toBe(up ? contribution.credit : contribution.debit);
  }
  expect(claim.adjustment?.transferId).toBeTruthy();
  return delta;
}

describe('certification settles the contribution on the actual trip', () => {
  it('unchanged trip: nothing more is booked, the envelope keeps the contribution', async () => {
    const world = await claimWorld();
    const c = await certified(world, montrealTrip);
    expect(await expectSettled(c)).toBe(0);
    expect(await world.balance('envelope:school')).toBe(c.booked);
  });

  it('more flights: the budget line pays the difference into the envelope', async () => {
    const world = await claimWorld();
    const actual = { ...montrealTrip, legs: [...montrealTrip.legs, { mode: 'plane', from: 'YUL', to: 'YYZ', roundTrip: true }] };
    const c = await certified(world, montrealTrip, actual);
    const delta = await expectSettled(c);
    expect(delta).toBeGreaterThan(0);
    expect(await world.balance('envelope:school')).toBe(c.booked + delta);
    expect(await world.balance(`budget_line:${world.budgetLine.id}`)).toBe(-(c.booked + delta));
  });

  it('fewer flights: a one-way flight instead of the round trip gives part back', async () => {
    const world = await claimWorld();
    const actual = { ...montrealTrip, legs: [{ ...montrealTrip.legs[0]!, roundTrip: false }, { mode: 'train', from: 'Montréal, CA', to: 'Toronto, CA' }] };
    const c = await certified(world, montrealTrip, actual);
    const delta = await expectSettled(c);
    expect(delta).toBeLessThan(0);
    expect(await world.balance('envelope:school')).toBe(c.booked + delta);
  });

  it('no flight at all (the train was taken): the whole contribution goes back and the avoided flight is recorded for the copil', async () => {
    const world = await claimWorld();
    const c = await certified(world, parisFlightTrip, parisByTrain);
    const delta = await expectSettled(c);
    expect(delta).toBe(-c.booked);
    expect(await world.balance('envelope:school')).toBe(0);
    const avoided = await select(world.deps.database, 'select replaced_by as "replacedBy", flights as "flights", claim_id as "claimId" from avoided_flights where mission_id = ?', c.missionId);
    expect(avoided).toEqual([{ replacedBy: 'train', flights: 2, claimId: c.claim.id }]);
    const audit = (await request(world.app).get(world.claimUrl(c.missionId)).set('Authorization', world.traveller.auth).expect(200)).body.claim.audit;
    expect(audit.at(-1).comment).toMatch(/non pris sur le voyage réel, remplacé par le train/);
  });

  it('a flight where none was validated: the budget line pays the whole actual contribution', async () => {
    const world = await claimWorld();
    const c = await certified(world, trainTrip, parisFlightTrip);
    expect(c.booked).toBe(0);
    expect(await world.transfers(c.missionId)).toEqual([]);
    const delta = await expectSettled(c);
    expect(delta).toBe(c.claim.quote.offset.amountCents);
    expect(delta).toBeGreaterThan(0);
    expect(await world.balance('envelope:school')).toBe(delta);
  });

  it('a different carbon price year: the actual trip is priced at its own year, the booked part never recomputed', async () => {
    const world = await claimWorld();
    const setPrice = (year: number, cents: number) => request(world.app).post('/api/admin/carbon-prices').set('Authorization', world.admin.auth).send({ year, pricePerTonneCents: cents }).expect(201);
    await setPrice(2026, 5_000);
    await setPrice(2027, 20_000);
    const december = { ...montrealTrip, departAt: '2026-12-20T07:00:00+01:00', returnAt: '2026-12-23T21:00:00-05:00' };
    const january = { ...montrealTrip, departAt: '2027-01-04T07:00:00+01:00', returnAt: '2027-01-07T21:00:00-05:00' };
    const mission = await world.validatedMission(december);
    expect(mission.quote.offset).toMatchObject({ amountCents: expect.any(Number) });
    // The price of 2026 changes after validation: the booked contribution stays as it was.
    await setPrice(2026, 9_000);
    await world.submittedClaim(mission.id, { trip: january });
    const res = await request(world.app).post(`${world.claimUrl(mission.id)}/certify`).set('Authorization', world.secretariat.auth).send({}).expect(200);
    const claim = res.body.claim;
    expect(claim.quote.offset).toMatchObject({ year: 2027, pricePerTonneCents: 20_000 });
    const c: Case = { world, missionId: mission.id, booked: mission.quote.offset.amountCents, claim };
    const delta = await expectSettled(c);
    // Same flights, four times the price per tonne: the adjustment is three times the booked amount, give or take the cent rounding.
    expect(Math.abs(delta - 3 * c.booked)).toBeLessThanOrEqual(3);
  });

  it('the envelope statement shows the adjustment with the claim it comes from', async () => {
    const world = await claimWorld();
    const c = await certified(world, parisFlightTrip, parisByTrain);
    const [envelope] = await select<{ id: string }>(world.deps.database, "select id from ledger_accounts where ref = 'envelope:school'");
    const statement = await request(world.app).get('/api/ledger/statement').query({ account: envelope!.id, from: '2027-01-01', to: '2027-12-31' }).set('Authorization', world.finance.auth).expect(200);
    const line = statement.body.lines.find((l: { causeKind: string }) => l.causeKind === 'claim_adjustment');
    expect(line).toMatchObject({ causeRef: c.claim.id, amountCents: -c.booked });
    expect(line.memo).toContain(c.claim.id);
    expect(line.memo).toContain(c.missionId);
  });
});

describe('the ledger auditor ties claims to their adjustments', () => {
  // Tampering past the database's own guards, without touching the tracked database (the after-each
  // audit must still find it sound): on SQLite a copy with its triggers dropped; on PostgreSQL a
  // transaction with triggers off (session_replication_role) that is rolled back after the audit.
  async function auditTampered(world: ClaimWorld, tamper: string, ...params: unknown[]): Promise<string[]> {
    const checks = (problems: Array<{ check: string }>) => problems.map((p) => p.check).sort();
    if (world.deps.database.engine === 'sqlite') {
      const copy = new BetterSqlite3(world.deps.database.sqlite.serialize());
      for (const { name } of copy.prepare("select name from sqlite_master where type = 'trigger'").all() as Array<{ name: string }>) copy.exec(`drop trigger "${name}"`);
      const database = databaseOn(copy);
      await execute(database, tamper, ...params);
      const found = checks((await auditLedger(database)).problems);
      await database.close();
      return found;
    }
    const rolledBack = new Error('tampering rolled back');
    let found: string[] = [];
    await expect(world.deps.database.transaction(async () => {
      await execute(world.deps.database, 'set local session_replication_role = replica');
      await execute(world.deps.database, tamper, ...params);
      found = checks((await auditLedger(world.deps.database)).problems);
      throw rolledBack;
    })).rejects.toBe(rolledBack);
    return found;
  }

  it('finds an adjustment whose amount or direction differs from its claim, and a settled claim without its transfer', async () => {
    const world = await claimWorld();
    const actual = { ...montrealTrip, legs: [...montrealTrip.legs, { mode: 'plane', from: 'YUL', to: 'YYZ', roundTrip: true }] };
    const c = await certified(world, montrealTrip, actual);
    const delta = await expectSettled(c);
    expect((await auditLedger(world.deps.database)).problems).toEqual([]);
    const setAdjustment = 'update claims set adjustment_cents = ? where id = ?';
    expect(await auditTampered(world, setAdjustment, delta + 1, c.claim.id)).toEqual(['claim_adjustment_matches_claim']);
    expect(await auditTampered(world, setAdjustment, -delta, c.claim.id)).toEqual(['claim_adjustment_matches_claim']);
    expect(await auditTampered(world, 'update claims set adjustment_transfer_id = null where id = ?', c.claim.id)).toEqual(['claim_adjustment_matches_claim', 'settled_claim_has_its_adjustment']);
    // Nothing of it stayed.
    expect((await auditLedger(world.deps.database)).problems).toEqual([]);
  });
});
