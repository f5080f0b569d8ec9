import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { exportPayments } from '../../src/claims/payments.cli.ts';
import { paymentKinds, paymentTotals, type PaymentLine } from '../../src/claims/payments.models.ts';
import { createBudgetLine } from '../helpers/org.ts';
import { claimWorld, montrealTrip, parisByTrain, parisFlightTrip, type ClaimWorld } from './support.ts';

installLedgerAuditor();

const lodging = { kind: 'lodging', amountCents: 35_000, date: '2027-03-11', label: 'Hôtel, 3 nuits' };
const taxi = { kind: 'taxi', amountCents: 4_250, date: '2027-03-10', label: 'Taxi aéroport' };

async function certifiedClaim(w: ClaimWorld, trip: unknown, body: Record<string, unknown>) {
  const mission = await w.validatedMission(trip);
  await w.submittedClaim(mission.id, body);
  return (await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.secretariat.auth).send({}).expect(200)).body.claim;
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

const cents = (frenchEuros: string) => Math.round(Number(frenchEuros.replace(/\s/g, '').replace(',', '.')) * 100);

describe('payments model', () => {
  it('totals add every kind of every line', () => {
    const line = (n: number): PaymentLine => ({
      claimId: `clm_${n}`, missionId: `msn_${n}`, travellerName: null, budgetLine: null, destination: 'FR', certifiedAt: null, paidAt: null, paymentReference: null,
      amountsCents: Object.fromEntries(paymentKinds.map((k, i) => [k, n * (i + 1)])) as PaymentLine['amountsCents'],
      totalCents: n * 100,
    });
    const totals = paymentTotals([line(1), line(2), line(5)]);
    expect(totals.claims).toBe(3);
    expect(totals.totalCents).toBe(800);
    paymentKinds.forEach((k, i) => expect(totals.amountsCents[k]).toBe(8 * (i + 1)));
    expect(paymentTotals([]).totalCents).toBe(0);
  });
});

describe('payments API', () => {
  it('lists certified claims to pay with their amounts per kind, then paid ones by payment date', async () => {
    const w = await claimWorld();
    const montreal = await certifiedClaim(w, montrealTrip, { expenses: [lodging, taxi] });
    const paris = await certifiedClaim(w, parisFlightTrip, { trip: parisByTrain });
    const list = await request(w.app).get('/api/payments').query({ from: '2027-06-15', to: '2027-06-15' }).set('Authorization', w.finance.auth).expect(200);
    expect(list.body.status).toBe('certified');
    expect(list.body.lines.map((l: PaymentLine) => l.claimId).sort()).toEqual([montreal.id, paris.id].sort());
    const line = list.body.lines.find((l: PaymentLine) => l.claimId === montreal.id);
    expect(line).toMatchObject({ missionId: montreal.missionId, travellerName: 'Camille Martin', budgetLine: { code: 'LSR-FONC' }, destination: 'Montréal (CA)', paidAt: null });
    expect(line.amountsCents).toMatchObject({ fares: montreal.amounts.faresCents, perDiem: montreal.amounts.perDiemCents, lodging: 35_000, taxi: 4_250, tolls: 0 });
    expect(line.totalCents).toBe(montreal.amounts.totalCents);
    expect(list.body.totals).toMatchObject({ claims: 2, totalCents: montreal.amounts.totalCents + paris.amounts.totalCents });

    // Outside the period: nothing. Paid: only once finance marked it.
    const before = await request(w.app).get('/api/payments').query({ from: '2027-06-01', to: '2027-06-14' }).set('Authorization', w.finance.auth).expect(200);
    expect(before.body.lines).toEqual([]);
    await request(w.app).post(`${w.claimUrl(paris.missionId)}/pay`).set('Authorization', w.finance.auth).send({ paymentReference: 'MANDAT-77' }).expect(200);
    const paid = await request(w.app).get('/api/payments').query({ from: '2027-06-15', to: '2027-06-15', status: 'paid' }).set('Authorization', w.finance.auth).expect(200);
    expect(paid.body.lines).toEqual([expect.objectContaining({ claimId: paris.id, paymentReference: 'MANDAT-77' })]);
    const toPay = await request(w.app).get('/api/payments').query({ from: '2027-06-15', to: '2027-06-15' }).set('Authorization', w.admin.auth).expect(200);
    expect(toPay.body.lines.map((l: PaymentLine) => l.claimId)).toEqual([montreal.id]);
  });

  it('filters by budget line, by id or by code', async () => {
    const w = await claimWorld();
    await certifiedClaim(w, montrealTrip, {});
    const other = await createBudgetLine(w.deps.database, w.entity.id, { code: 'LSR-PROJ', label: 'Projet' });
    const byCode = await request(w.app).get('/api/payments').query({ from: '2027-06-15', to: '2027-06-15', budgetLine: 'LSR-FONC' }).set('Authorization', w.finance.auth).expect(200);
    expect(byCode.body.lines).toHaveLength(1);
    expect(byCode.body.budgetLine).toMatchObject({ id: w.budgetLine.id });
    const byId = await request(w.app).get('/api/payments').query({ from: '2027-06-15', to: '2027-06-15', budgetLine: other.id }).set('Authorization', w.finance.auth).expect(200);
    expect(byId.body.lines).toEqual([]);
    const unknown = await request(w.app).get('/api/payments').query({ from: '2027-06-15', to: '2027-06-15', budgetLine: 'NOPE' }).set('Authorization', w.finance.auth).expect(404);
    expect(unknown.body.error.code).toMatch(/budget_line/);
  });

  it('exports an Excel-FR CSV whose figures are the list, and a PDF naming each claim', async () => {
    const w = await claimWorld();
    const claim = await certifiedClaim(w, montrealTrip, { expenses: [lodging] });
    const csv = await request(w.app).get('/api/payments').query({ from: '2027-06-01', to: '2027-06-30', format: 'csv' }).set('Authorization', w.finance.auth).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('etats-de-frais_a-payer_2027-06-01_2027-06-30.csv');
    const rows = parse((csv.body as Buffer).toString('utf8'), { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ Mission: claim.missionId, 'État de frais': claim.id, Missionnaire: 'Camille Martin', 'Ligne budgétaire': 'LSR-FONC', 'Certifié le': '2027-06-15' });
    expect(cents(rows[0]!['Hébergement (€)']!)).toBe(35_000);
    expect(cents(rows[0]!['Total (€)']!)).toBe(claim.amounts.totalCents);
    expect(rows[1]!.Mission).toBe('Total');
    expect(cents(rows[1]!['Total (€)']!)).toBe(claim.amounts.totalCents);

    const pdf = await request(w.app).get('/api/payments').query({ from: '2027-06-01', to: '2027-06-30', format: 'pdf' }).set('Authorization', w.finance.auth).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain(claim.missionId);
    expect(text).toContain('Camille Martin');
    expect(text).toContain('Hébergement');
    expect(text).not.toContain('…');
  });

  it('is for finance and admin only, and names the bad fields', async () => {
    const w = await claimWorld();
    for (const who of [w.traveller, w.secretariat, w.copil]) await request(w.app).get('/api/payments').query({ from: '2027-06-01', to: '2027-06-30' }).set('Authorization', who.auth).expect(403);
    await request(w.app).get('/api/payments').query({ from: '2027-06-01', to: '2027-06-30' }).expect(401);
    const bad = await request(w.app).get('/api/payments').query({ from: '2027-13-01', to: '2027-06-30', format: 'xls' }).set('Authorization', w.finance.auth).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['format', 'from']);
    const reversed = await request(w.app).get('/api/payments').query({ from: '2027-06-30', to: '2027-06-01' }).set('Authorization', w.finance.auth).expect(400);
    expect(reversed.body.error.details[0].path).toBe('to');
    const missing = await request(w.app).get('/api/payments').set('Authorization', w.finance.auth).expect(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['from', 'to']);
  });
});

describe('empreinte export payments', () => {
  async function world() {
    const w = await claimWorld();
    const claim = await certifiedClaim(w, montrealTrip, { expenses: [taxi] });
    const out: Array<string | Buffer> = [];
    const err: string[] = [];
    const io = { database: w.deps.database, clock: fixedClock('2027-06-20T10:00:00Z'), stdout: (d: string | Buffer) => out.push(d), stderr: (l: string) => err.push(l) };
    return { claim, io, out, err };
  }

  it('writes the CSV to stdout and the count and total on stderr', async () => {
    const { claim, io, out, err } = await world();
    expect(await exportPayments(['--from', '2027-06-01', '--to', '2027-06-30'], io)).toBe(0);
    const rows = parse(String(out[0]), { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows[0]!['État de frais']).toBe(claim.id);
    expect(cents(rows[0]!['Taxi (€)']!)).toBe(4_250);
    expect(err.join('\n')).toContain('1 état(s) de frais');
  });

  it('writes a PDF, and refuses bad options with the usage', async () => {
    const { io, out, err } = await world();
    expect(await exportPayments(['--from', '2027-06-01', '--to', '2027-06-30', '--format', 'pdf'], io)).toBe(0);
    expect(Buffer.from(out[0] as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    err.length = 0;
    expect(await exportPayments(['--from', '2027-06-01', '--format', 'xls'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Saisie invalide : to, format/);
    expect(await exportPayments(['--from', '2027-06-01', '--to', '2027-06-30', '--colour'], io)).toBe(2);
    expect(err.join('\n')).toContain('Usage: empreinte export payments');
  });
});
