import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { claimWorld, montrealTrip, parisByTrain, parisFlightTrip } from './support.ts';
import { count, execute } from '../helpers/sql.ts';

installLedgerAuditor();

const lodging = { kind: 'lodging', amountCents: 35_000, date: '2027-03-11', label: 'Hôtel, 3 nuits' };

describe('claims API: the lifecycle', () => {
  it('creates the claim from the mission, edits it, submits, is returned, resubmits, is certified then paid, all audited', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission();
    const created = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({}).expect(201);
    const claim = created.body.claim;
    expect(claim).toMatchObject({ status: 'draft', missionId: mission.id, adjustment: null, payment: null, expenses: [] });
    // Prefilled from the mission: the same trip, the same figures.
    expect(claim.trip.legs).toEqual([expect.objectContaining({ mode: 'plane', from: 'MPL', to: 'YUL' })]);
    expect(claim.quote.offset.amountCents).toBe(mission.quote.offset.amountCents);
    expect(claim.comparison.legs).toEqual([expect.objectContaining({ changed: false })]);

    const edited = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ expenses: [lodging, { kind: 'taxi', amountCents: 4_250, date: '2027-03-10', label: 'Taxi aéroport' }], note: 'Vol identique', version: claim.version }).expect(200);
    const amounts = edited.body.claim.amounts;
    expect(amounts.expensesCents).toMatchObject({ lodging: 35_000, taxi: 4_250, registration: 0 });
    expect(amounts.totalCents).toBe(amounts.faresCents + amounts.mileageCents + amounts.perDiemCents + 39_250);
    expect(edited.body.claim.comparison.totals.expensesCents).toEqual({ estimate: 0, actual: 39_250, difference: 39_250 });

    await w.uploadReceipt(mission.id).expect(201);
    const submitted = await request(w.app).post(`${w.claimUrl(mission.id)}/submit`).set('Authorization', w.traveller.auth).send({}).expect(200);
    expect(submitted.body.claim.status).toBe('submitted');
    const notEditable = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ note: 'oubli' }).expect(409);
    expect(notEditable.body.error.code).toBe('claim.invalid_transition');

    const noComment = await request(w.app).post(`${w.claimUrl(mission.id)}/return`).set('Authorization', w.secretariat.auth).send({}).expect(400);
    expect(noComment.body.error.details).toEqual([expect.objectContaining({ path: 'comment' })]);
    await request(w.app).post(`${w.claimUrl(mission.id)}/return`).set('Authorization', w.secretariat.auth).send({ comment: 'Joignez la facture du taxi' }).expect(200);
    await w.uploadReceipt(mission.id, undefined, 'taxi.pdf').expect(201);
    await request(w.app).post(`${w.claimUrl(mission.id)}/submit`).set('Authorization', w.traveller.auth).send({}).expect(200);
    const certified = await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.secretariat.auth).send({}).expect(200);
    expect(certified.body.claim).toMatchObject({ status: 'certified', adjustment: { amountCents: 0, transferId: null }, certifiedBy: w.secretariat.user.id });

    const noReference = await request(w.app).post(`${w.claimUrl(mission.id)}/pay`).set('Authorization', w.finance.auth).send({}).expect(400);
    expect(noReference.body.error.details[0].path).toBe('paymentReference');
    const paid = await request(w.app).post(`${w.claimUrl(mission.id)}/pay`).set('Authorization', w.finance.auth).send({ paymentReference: 'MANDAT-2027-0042' }).expect(200);
    expect(paid.body.claim).toMatchObject({ status: 'paid', payment: { reference: 'MANDAT-2027-0042', paidBy: w.finance.user.id } });
    await request(w.app).post(`${w.claimUrl(mission.id)}/pay`).set('Authorization', w.finance.auth).send({ paymentReference: 'MANDAT-2027-0043' }).expect(409);

    const audit = paid.body.claim.audit.map((a: { action: string; toStatus: string }) => `${a.action}:${a.toStatus}`);
    expect(audit).toEqual(['create:draft', 'edit:draft', 'receipt_added:draft', 'submit:submitted', 'return:returned', 'receipt_added:returned', 'submit:submitted', 'certify:certified', 'pay:paid']);
    expect(paid.body.claim.audit.find((a: { action: string }) => a.action === 'return').comment).toBe('Joignez la facture du taxi');
  });

  it('a rejected claim is final and books nothing', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission(parisFlightTrip);
    const claim = await w.submittedClaim(mission.id, { trip: parisByTrain });
    await request(w.app).post(`${w.claimUrl(mission.id)}/reject`).set('Authorization', w.secretariat.auth).send({ comment: 'Mission non effectuée' }).expect(200);
    for (const action of ['submit', 'certify', 'return'] as const) {
      const who = action === 'submit' ? w.traveller : w.secretariat;
      const res = await request(w.app).post(`${w.claimUrl(mission.id)}/${action}`).set('Authorization', who.auth).send(action === 'return' ? { comment: 'x' } : {}).expect(409);
      expect(res.body.error.code).toBe('claim.invalid_transition');
    }
    expect(await w.transfers(claim.id)).toEqual([]);
    expect(await w.balance('envelope:school')).toBe(mission.quote.offset.amountCents);
  });
});

describe('claims API: who and when', () => {
  it('a claim needs a validated mission (409), and a cancelled mission has none', async () => {
    const w = await claimWorld();
    const draft = await request(w.app).post('/api/missions').set('Authorization', w.traveller.auth).send({ purpose: 'conference', budgetLineId: w.budgetLine.id, trip: montrealTrip }).expect(201);
    const refused = await request(w.app).put(w.claimUrl(draft.body.id)).set('Authorization', w.traveller.auth).send({}).expect(409);
    expect(refused.body.error.code).toBe('claim.mission_not_validated');
    const mission = await w.validatedMission();
    await request(w.app).post(`/api/missions/${mission.id}/cancel`).set('Authorization', w.secretariat.auth).send({ comment: 'Colloque annulé' }).expect(200);
    expect((await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({}).expect(409)).body.error.code).toBe('claim.mission_not_validated');
    await request(w.app).get(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).expect(404);
  });

  it('a mission whose claim is submitted can no longer be cancelled; a draft claim does not prevent it and then goes no further', async () => {
    const w = await claimWorld();
    const busy = await w.validatedMission();
    await w.submittedClaim(busy.id);
    const refused = await request(w.app).post(`/api/missions/${busy.id}/cancel`).set('Authorization', w.secretariat.auth).send({ comment: 'Erreur' }).expect(409);
    expect(refused.body.error.code).toBe('mission.has_claim');
    const idle = await w.validatedMission();
    await request(w.app).put(w.claimUrl(idle.id)).set('Authorization', w.traveller.auth).send({}).expect(201);
    await request(w.app).post(`/api/missions/${idle.id}/cancel`).set('Authorization', w.secretariat.auth).send({ comment: 'Erreur' }).expect(200);
    await w.uploadReceipt(idle.id).expect(201);
    expect((await request(w.app).post(`${w.claimUrl(idle.id)}/submit`).set('Authorization', w.traveller.auth).send({}).expect(409)).body.error.code).toBe('claim.mission_not_validated');
  });

  it("someone else's mission is a 404, as for the copil; only the traveller edits; four-eyes for certification and payment", async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission();
    await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.other.auth).send({}).expect(404);
    await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({}).expect(201);
    for (const who of [w.other, w.copil]) {
      expect((await request(w.app).get(w.claimUrl(mission.id)).set('Authorization', who.auth).expect(404)).body.error.code).toBe('mission.not_found');
      await request(w.app).post(`${w.claimUrl(mission.id)}/submit`).set('Authorization', who.auth).send({}).expect(404);
    }
    for (const who of [w.secretariat, w.finance]) {
      await request(w.app).get(w.claimUrl(mission.id)).set('Authorization', who.auth).expect(200);
      expect((await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', who.auth).send({}).expect(403)).body.error.code).toBe('claim.forbidden');
    }
    await w.uploadReceipt(mission.id).expect(201);
    await request(w.app).post(`${w.claimUrl(mission.id)}/submit`).set('Authorization', w.traveller.auth).send({}).expect(200);
    await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.traveller.auth).send({}).expect(403);
    await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.finance.auth).send({}).expect(403);
    await request(w.app).get('/api/missions/msn_doesnotexist/claim').set('Authorization', w.traveller.auth).expect(404);
    await request(w.app).get('/api/missions/not-an-id/claim').set('Authorization', w.traveller.auth).expect(404);
    await request(w.app).get(w.claimUrl(mission.id)).expect(401);
  });

  it('a secretariat member cannot certify their own claim, nor a finance member pay theirs; an admin may', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission(montrealTrip, w.secretariat);
    await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.secretariat.auth).send({}).expect(201);
    await w.uploadReceipt(mission.id, undefined, undefined, w.secretariat).expect(201);
    await request(w.app).post(`${w.claimUrl(mission.id)}/submit`).set('Authorization', w.secretariat.auth).send({}).expect(200);
    expect((await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.secretariat.auth).send({}).expect(403)).body.error.code).toBe('claim.forbidden');
    await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.admin.auth).send({}).expect(200);

    const own = await w.validatedMission(montrealTrip, w.finance);
    await request(w.app).put(w.claimUrl(own.id)).set('Authorization', w.finance.auth).send({}).expect(201);
    await w.uploadReceipt(own.id, undefined, undefined, w.finance).expect(201);
    await request(w.app).post(`${w.claimUrl(own.id)}/submit`).set('Authorization', w.finance.auth).send({}).expect(200);
    await request(w.app).post(`${w.claimUrl(own.id)}/certify`).set('Authorization', w.secretariat.auth).send({}).expect(200);
    await request(w.app).post(`${w.claimUrl(own.id)}/pay`).set('Authorization', w.finance.auth).send({ paymentReference: 'M-1' }).expect(403);
  });

  it('submission waits for the end of the trip, and for a receipt when fares or expenses are claimed', async () => {
    const early = await claimWorld({ clock: fixedClock('2027-03-12T09:00:00Z') });
    const during = await early.validatedMission();
    await request(early.app).put(early.claimUrl(during.id)).set('Authorization', early.traveller.auth).send({}).expect(201);
    const tooEarly = await request(early.app).post(`${early.claimUrl(during.id)}/submit`).set('Authorization', early.traveller.auth).send({}).expect(409);
    expect(tooEarly.body.error).toMatchObject({ code: 'claim.submission_incomplete' });
    expect(tooEarly.body.error.details.map((d: { path: string }) => d.path)).toEqual(['trip.returnAt', 'receipts']);

    const w = await claimWorld();
    const mission = await w.validatedMission();
    await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({}).expect(201);
    const noReceipt = await request(w.app).post(`${w.claimUrl(mission.id)}/submit`).set('Authorization', w.traveller.auth).send({}).expect(409);
    expect(noReceipt.body.error.details).toEqual([expect.objectContaining({ path: 'receipts' })]);
    // Per diem only (no fare, no expense): nothing to prove, no receipt needed.
    const perDiemOnly = { ...montrealTrip, legs: [{ ...montrealTrip.legs[0]!, fareCents: undefined }] };
    await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ trip: perDiemOnly }).expect(200);
    await request(w.app).post(`${w.claimUrl(mission.id)}/submit`).set('Authorization', w.traveller.auth).send({}).expect(200);
  });

  it('warns when a hotel is claimed on top of night allowances', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission();
    const res = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ expenses: [lodging] }).expect(201);
    expect(res.body.claim.flags).toEqual([expect.objectContaining({ code: 'claim.lodging_with_night_allowance', severity: 'warning' })]);
    const provided = { ...montrealTrip, perDiem: { nightsProvided: 10 } };
    const fixed = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ trip: provided }).expect(200);
    expect(fixed.body.claim.flags).toEqual([]);
  });
});

describe('claims API: bad input changes nothing', () => {
  it('refuses bad expenses and unknown fields with 400 naming the field', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission();
    const bad = [
      [{ expenses: [{ ...lodging, amountCents: -100 }] }, 'expenses.0.amountCents'],
      [{ expenses: [{ ...lodging, amountCents: 2_000_001 }] }, 'expenses.0.amountCents'],
      [{ expenses: [{ ...lodging, amountCents: 12.5 }] }, 'expenses.0.amountCents'],
      [{ expenses: [{ ...lodging, amountCents: '100' }] }, 'expenses.0.amountCents'],
      [{ expenses: [{ ...lodging, kind: 'champagne' }] }, 'expenses.0.kind'],
      [{ expenses: [{ ...lodging, date: '2027-02-30' }] }, 'expenses.0.date'],
      [{ expenses: [{ ...lodging, label: '   ' }] }, 'expenses.0.label'],
      [{ expenses: Array.from({ length: 101 }, () => lodging) }, 'expenses'],
      [{ trip: { ...montrealTrip, departAt: undefined } }, 'trip.departAt'],
      [{ trip: { ...montrealTrip, legs: [{ mode: 'rocket', from: 'MPL', to: 'YUL' }] } }, 'trip.legs.0.mode'],
      [{ extra: true }, 'extra'],
    ] as const;
    for (const [payload, path] of bad) {
      const res = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send(payload);
      expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await count(w.deps.database, 'claims')).toBe(0);
    const unknownPlace = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ trip: { ...montrealTrip, legs: [{ mode: 'plane', from: 'Nowhere-sur-Mer, FR', to: 'YUL' }] } });
    expect(unknownPlace.status).toBe(400);
    expect(await count(w.deps.database, 'claims')).toBe(0);
  });

  it('a stale version is a 409 and keeps the claim as it was', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission();
    const created = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({}).expect(201);
    await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ note: 'première', version: created.body.claim.version }).expect(200);
    const stale = await request(w.app).put(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth).send({ note: 'seconde', version: created.body.claim.version }).expect(409);
    expect(stale.body.error.code).toBe('claim.conflict');
    expect((await request(w.app).get(w.claimUrl(mission.id)).set('Authorization', w.traveller.auth)).body.claim.note).toBe('première');
  });

  it('certifying twice books one adjustment; the same Idempotency-Key replays the answer', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission(parisFlightTrip);
    const claim = await w.submittedClaim(mission.id, { trip: parisByTrain });
    const first = await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.secretariat.auth).set('Idempotency-Key', 'certify-1').send({}).expect(200);
    const replay = await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.secretariat.auth).set('Idempotency-Key', 'certify-1').send({}).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.claim.adjustment).toEqual(first.body.claim.adjustment);
    const again = await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.admin.auth).send({}).expect(409);
    expect(again.body.error.code).toBe('claim.invalid_transition');
    expect(await w.transfers(claim.id)).toHaveLength(1);
    expect(await count(w.deps.database, 'claim_audit', "action = 'certify'")).toBe(1);
  });

  it('the database keeps a certified claim as certified: no edit, no expense line, no receipt withdrawn', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission();
    const claim = await w.submittedClaim(mission.id);
    await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.secretariat.auth).send({}).expect(200);
    const refused = (text: string, ...params: unknown[]) => expect(execute(w.deps.database, text, ...params)).rejects;
    await refused('update claims set total_cents = 1 where id = ?', claim.id).toThrow(/certified claim is fixed/);
    await refused("insert into claim_expenses (claim_id, line_index, kind, amount_cents, spent_on, label) values (?, 9, 'taxi', 100, '2027-03-10', 'x')", claim.id).toThrow(/fixed/);
    await refused('delete from claim_receipts where claim_id = ?', claim.id).toThrow(/kept/);
    await refused('delete from claim_audit').toThrow(/append-only/);
    // SQLite words it "never deleted", PostgreSQL's shared refusal "append-only".
    await refused('delete from claims').toThrow(/never deleted|append-only/);
  });
});
