import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { claimWorld, montrealTrip, parisByTrain, parisFlightTrip, type ClaimWorld } from '../claims/support.ts';

installLedgerAuditor();

// The copil report counts what was really travelled once a claim is certified, the estimate otherwise.

type Report = {
  flights: { current: number };
  co2eGrams: { current: number };
  co2eByMode: Array<{ mode: string; current: number }>;
  offset: { flights: number; contributionsCents: number };
  basis: { actual: number; estimate: number };
};

const report = async (world: ClaimWorld): Promise<Report> =>
  (await request(world.app).get('/api/reports/copil').query({ year: 2027, reference: 2019 }).set('Authorization', world.copil.auth).expect(200)).body;
const modeGrams = (r: Report, mode: string) => r.co2eByMode.find((m) => m.mode === mode)?.current ?? 0;
const certify = (world: ClaimWorld, missionId: string) => request(world.app).post(`${world.claimUrl(missionId)}/certify`).set('Authorization', world.secretariat.auth).send({}).expect(200);

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the copil report on certified claims', () => {
  it('a flight replaced by the train on the actual trip: flights and plane emissions drop, train rises, the contribution nets to zero, and the report says 1 actual', async () => {
    const world = await claimWorld();
    const mission = await world.validatedMission(parisFlightTrip);
    await world.submittedClaim(mission.id, { trip: parisByTrain });
    const estimated = await report(world);
    // Submitted, not certified: still the estimate.
    expect(estimated).toMatchObject({ flights: { current: 2 }, basis: { actual: 0, estimate: 1 }, offset: { flights: 2, contributionsCents: mission.quote.offset.amountCents } });
    expect(modeGrams(estimated, 'plane')).toBeGreaterThan(0);
    expect(modeGrams(estimated, 'train')).toBe(0);

    const certified = (await certify(world, mission.id)).body.claim;
    const actual = await report(world);
    expect(actual).toMatchObject({ flights: { current: 0 }, basis: { actual: 1, estimate: 0 }, offset: { flights: 0, contributionsCents: 0 } });
    expect(modeGrams(actual, 'plane')).toBe(0);
    expect(modeGrams(actual, 'train')).toBe(certified.quote.totals.co2eGrams);
    expect(actual.co2eGrams.current).toBe(certified.quote.totals.co2eGrams);
  });

  it('more flights on the actual trip: more flights, and the contributions are the booked ones plus the adjustments', async () => {
    const world = await claimWorld();
    const unchanged = await world.validatedMission(montrealTrip);
    const extended = await world.validatedMission(montrealTrip);
    const estimate = await world.validatedMission(parisFlightTrip); // no claim: its estimate counts
    await world.submittedClaim(unchanged.id);
    await world.submittedClaim(extended.id, { trip: { ...montrealTrip, legs: [...montrealTrip.legs, { mode: 'plane', from: 'YUL', to: 'YYZ', roundTrip: true }] } });
    const before = await report(world);
    expect(before.flights.current).toBe(6);
    const adjustments = [];
    for (const id of [unchanged.id, extended.id]) adjustments.push((await certify(world, id)).body.claim.adjustment.amountCents as number);
    expect(adjustments[0]).toBe(0);
    expect(adjustments[1]).toBeGreaterThan(0);

    const after = await report(world);
    expect(after.flights.current).toBe(8);
    expect(after.basis).toEqual({ actual: 2, estimate: 1 });
    const booked = [unchanged, extended, estimate].reduce((sum, m) => sum + m.quote.offset.amountCents, 0);
    expect(after.offset).toEqual(expect.objectContaining({ flights: 8, contributionsCents: booked + adjustments[1]! }));
    expect(after.co2eGrams.current).toBeGreaterThan(before.co2eGrams.current);
  });

  it('the CSV and the PDF say how many missions are counted on actual figures, with the definition', async () => {
    const world = await claimWorld();
    const mission = await world.validatedMission(parisFlightTrip);
    await world.validatedMission(montrealTrip);
    await world.submittedClaim(mission.id, { trip: parisByTrain });
    await certify(world, mission.id);

    const csv = await request(world.app).get('/api/reports/copil.csv').query({ year: 2027, reference: 2019 }).set('Authorization', world.copil.auth).expect(200);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][];
    const row = (indicator: string) => rows.find((r) => r[1] === indicator);
    expect(row('Missions comptées sur l’état de frais certifié')?.slice(3, 6)).toEqual(['2027', '1', 'missions']);
    expect(row('Missions comptées sur l’estimation')?.slice(3, 6)).toEqual(['2027', '1', 'missions']);
    expect(row('Missions comptées sur l’estimation')?.[6]).toMatch(/Chiffres réels pour les missions dont l’état de frais est certifié/);

    const pdf = await request(world.app).get('/api/reports/copil.pdf').query({ year: 2027, reference: 2019 }).set('Authorization', world.copil.auth).buffer(true).parse(binary).expect(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.body as Buffer) });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain('Missions validées de 2027 : 1 comptées sur leur état de frais certifié (chiffres réels), 1 sur l’estimation de la demande.');
    } finally {
      await parser.destroy();
    }
    const page = await request(world.app).get('/copil').query({ year: 2027, reference: 2019, lang: 'en' }).set('Authorization', world.copil.auth).expect(200);
    expect(page.text).toContain('Validated missions of 2027: 1 counted on their certified expense claim (actual figures), 1 on the request’s estimate.');
  });
});
