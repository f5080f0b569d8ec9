import request from 'supertest';
import { expect } from 'vitest';
import { engineApp } from '../helpers/app.ts';
import { select } from '../helpers/sql.ts';
import { bearerFor, createUser, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { trackLedger } from '../helpers/ledger-auditor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { testConfig, type Config } from '../../src/config.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { Database } from '../../src/shared/db.ts';

// After the trips of the fixtures (spring 2027): claims are submitted once the trip is over.
export const AFTER_TRIPS = '2027-06-15T09:00:00Z';

// Montpellier → Montréal and back, economy: the flight of the missions fixtures.
export const montrealTrip = {
  departAt: '2027-03-10T07:00:00+01:00',
  returnAt: '2027-03-14T21:00:00-04:00',
  destination: { country: 'CA', city: 'Montréal' },
  legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true, cabin: 'economy', fareCents: 95_000 }],
};

// Montpellier → Paris by air, the trip a traveller then made by train.
export const parisFlightTrip = {
  departAt: '2027-02-02T07:00:00+01:00',
  returnAt: '2027-02-03T21:00:00+01:00',
  destination: { country: 'FR', city: 'Paris' },
  legs: [{ mode: 'plane', from: 'MPL', to: 'ORY', roundTrip: true, fareCents: 30_000 }],
};
export const parisByTrain = { ...parisFlightTrip, legs: [{ mode: 'train', from: 'Montpellier, FR', to: 'Paris, FR', roundTrip: true, fareCents: 18_000 }] };

export const trainTrip = {
  departAt: '2027-02-02T07:00:00+01:00',
  returnAt: '2027-02-02T21:00:00+01:00',
  destination: { country: 'FR', city: 'Lyon' },
  legs: [{ mode: 'train', from: 'Montpellier, FR', to: 'Lyon, FR', roundTrip: true }],
};

// The smallest files each sniffer recognises, and a "PDF" that is not one.
export const files = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  html: Buffer.from('<html><script>alert(1)</script></html>'),
};

export type ClaimWorld = Awaited<ReturnType<typeof claimWorld>>;

export async function claimWorld(options: { clock?: Clock; config?: Partial<Config>; database?: Database } = {}) {
  const config = { ...testConfig(), ...options.config };
  const { app, deps } = await engineApp({ clock: options.clock ?? fixedClock(AFTER_TRIPS), config, ...(options.database ? { database: options.database } : {}) }, config);
  trackLedger(deps.database, { allowNegativeEnvelope: config.EMPREINTE_ENVELOPE_ALLOW_NEGATIVE });
  const entity = await createEntity(deps.database, { name: 'Laboratoire des Sciences des Risques' });
  const budgetLine = await createBudgetLine(deps.database, entity.id, { code: 'LSR-FONC', label: 'Fonctionnement' });
  const person = async (roles: TestUser['roles'], fields: { entityId?: string; name?: string } = {}) => {
    const user = await createUser(deps.database, { roles, entityId: fields.entityId ?? null, name: fields.name });
    return { user, auth: await bearerFor(deps.database, user) };
  };
  const traveller = await person(['staff'], { entityId: entity.id, name: 'Camille Martin' });
  const other = await person(['staff'], { entityId: entity.id, name: 'Autre Personne' });
  const secretariat = await person(['staff', 'secretariat'], { name: 'Dominique Roux' });
  const finance = await person(['staff', 'finance'], { name: 'Fanny Compta' });
  const copil = await person(['copil']);
  const admin = await person(['admin']);

  // A mission through the real workflow: created, submitted, validated by the secretariat.
  async function validatedMission(trip: unknown = montrealTrip, who = traveller): Promise<{ id: string; quote: { offset: { amountCents: number; co2eGrams: number } } }> {
    const created = await request(app).post('/api/missions').set('Authorization', who.auth).send({ purpose: 'conference', budgetLineId: budgetLine.id, justification: 'Communication invitée au congrès annuel du domaine', trip }).expect(201);
    await request(app).post(`/api/missions/${created.body.id}/submit`).set('Authorization', who.auth).send({}).expect(200);
    // Four-eyes: the secretariat's own missions are validated by an admin.
    const validator = who === secretariat ? admin : secretariat;
    const validated = await request(app).post(`/api/missions/${created.body.id}/validate`).set('Authorization', validator.auth).send({}).expect(200);
    expect(validated.body.status).toBe('validated');
    return { id: created.body.id, quote: created.body.quote };
  }

  const claimUrl = (missionId: string) => `/api/missions/${missionId}/claim`;

  function uploadReceipt(missionId: string, bytes = files.pdf, name = 'facture.pdf', who = traveller) {
    return request(app).post(`${claimUrl(missionId)}/receipts`).set('Authorization', who.auth).attach('file', bytes, name);
  }

  // A claim submitted by the traveller with its receipt: ready for the secretariat.
  async function submittedClaim(missionId: string, body: Record<string, unknown> = {}) {
    await request(app).put(claimUrl(missionId)).set('Authorization', traveller.auth).send(body).expect(201);
    await uploadReceipt(missionId).expect(201);
    return (await request(app).post(`${claimUrl(missionId)}/submit`).set('Authorization', traveller.auth).send({}).expect(200)).body.claim;
  }

  type Transfer = { key: string; causeKind: string; amountCents: number; co2eGrams: number; debit: string; credit: string };
  // In booking order: the place of each transfer's debit entry in its account's chain.
  const transfers = (causeRef: string) =>
    select<Transfer>(deps.database, `select t.key as "key", t.cause_kind as "causeKind", t.amount_cents as "amountCents", t.co2e_grams as "co2eGrams",
        t.debit_account_id as "debit", t.credit_account_id as "credit"
      from ledger_transfers t join ledger_entries e on e.transfer_id = t.id and e.account_id = t.debit_account_id
      where t.cause_ref = ? order by t.created_at, e.account_seq`, causeRef);

  const balance = async (ref: string) =>
    (await select<{ cents: number }>(deps.database, 'select coalesce(sum(e.amount_cents), 0) as "cents" from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.ref = ?', ref))[0]!.cents;

  return { app, deps, entity, budgetLine, traveller, other, secretariat, finance, copil, admin, validatedMission, claimUrl, uploadReceipt, submittedClaim, transfers, balance };
}
