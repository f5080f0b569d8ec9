import type { Role } from '../../src/auth/auth.types.ts';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser, signedInAgent } from '../helpers/auth.ts';
import { seedSchool } from './school.ts';
import { select } from '../helpers/sql.ts';

// The hand-built school of test/reports/school.ts behind the real app: 2026 has 7 flights and
// 2 105 635 g, the reference 2019 has 8 flights and 4 376 759 g.
async function app() {
  const { app, deps } = await engineApp();
  await seedSchool(deps);
  const bearer = async (roles: Role[]) => bearerFor(deps.database, await createUser(deps.database, { roles }));
  return { app, deps, bearer };
}

async function pdfText(pdf: Buffer): Promise<{ text: string; total: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    // Cells wrap inside the table: compare text with its runs of blanks squeezed.
    return { text: result.text.replace(/\s+/g, ' '), total: result.total };
  } finally {
    await parser.destroy();
  }
}

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('GET /api/reports/copil', () => {
  it('answers copil and finance with the figures and their definitions', async () => {
    const { app: server, bearer } = await app();
    for (const roles of [['copil'], ['finance'], ['admin']] as const) {
      const res = await request(server).get('/api/reports/copil?year=2026&reference=2019').set('Authorization', await bearer([...roles])).expect(200);
      expect(res.body).toMatchObject({
        year: 2026,
        reference: 2019,
        flights: { current: 7, reference: 8, avoided: 1, replaced: 3 },
        co2eGrams: { current: 2_105_635, reference: 4_376_759 },
      });
      expect(res.body.definitions.flights.en).toContain('4 flights');
    }
    // The splits added beside the existing fields (counted in test/reports/indicators.test.ts): the
    // recruitment share is null by purpose, the students' share null by category.
    const res = await request(server).get('/api/reports/copil?year=2026').set('Authorization', await bearer(['copil'])).expect(200);
    const mobility = res.body.breakdowns.purpose.find((r: { key: string }) => r.key === 'student_mobility');
    expect(mobility).toMatchObject({ recruitmentByVisio: null, studentRailPreRouting: { current: { numerator: 1, denominator: 1 }, reference: { numerator: 1, denominator: 2 } } });
    expect(res.body.breakdowns.category[0]).toMatchObject({ key: 'staff', domestic: { current: 2, reference: 4 }, studentRailPreRouting: null, offset: { flights: 2, contributionsCents: 3518 } });
    expect(res.body.definitions.recruitmentByVisio.en).toContain('“—” by purpose');
    // Flight trips beside the flights (a round trip once), overall and by group.
    expect(res.body.flights.trips).toEqual({ current: 4, reference: 5 });
    expect(res.body.breakdowns.entity[0]).toMatchObject({ key: 'LGEI', flights: { current: 2, reference: 6, avoided: 4 }, trips: { current: 1, reference: 3 } });
    expect(res.body.definitions.trips.en).toContain('2 trips (and 4 flights)');
  });

  it('refuses staff (403), strangers (401) and a bad year (400)', async () => {
    const { app: server, bearer } = await app();
    await request(server).get('/api/reports/copil').set('Authorization', await bearer(['staff', 'secretariat'])).expect(403);
    await request(server).get('/api/reports/copil').expect(401);
    const bad = await request(server).get('/api/reports/copil?year=19').set('Authorization', await bearer(['copil'])).expect(400);
    expect(bad.body.error.details[0].path).toBe('year');
  });

  it('exports the figures as a French CSV (BOM, `;`, decimal comma)', async () => {
    const { app: server, bearer } = await app();
    const res = await request(server).get('/api/reports/copil.csv?year=2026').set('Authorization', await bearer(['copil'])).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('copil_2026_ref2019.csv');
    expect(res.text.startsWith('\ufeffSection;Indicateur;Groupe;Année;Valeur;Unité;Définition;Mode\r\n')).toBe(true);
    const rows = parse(res.text, { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
    const value = (section: string, indicator: string, year: string, group = '', mode = '') =>
      rows.find((r) => r.Section === section && r.Indicateur === indicator && r.Année === year && r.Groupe === group && (r.Mode === mode || section === 'Par mode'))?.Valeur;
    expect(value('Synthèse', 'Vols', '2026')).toBe('7');
    expect(value('Synthèse', 'Vols', '2019')).toBe('8');
    expect(value('Synthèse', 'Déplacements en avion', '2026')).toBe('4');
    expect(value('Synthèse', 'Déplacements en avion', '2019')).toBe('5');
    expect(value('Par motif', 'Déplacements en avion', '2019', 'Colloque, congrès')).toBe('2');
    // 2 105 635 g = 2 105,635 kg; 115,18 € in the envelope.
    expect(value('Synthèse', 'Émissions', '2026')).toBe('2105,635');
    expect(value('Synthèse', 'Solde de l’enveloppe', '2026')).toBe('115,18');
    expect(value('Série', 'Objectif de vols', '2025')).toBe('6');
    expect(value('Par mode', 'Émissions', '2019', 'Train')).toBe('7,148');
    // Emissions by group and mode (test/reports/indicators.test.ts): LGEI's 2019 planes 2 529 423 g, its
    // 2019 train 2 519 g; LSR's 2026 car 21 760 g; no line for a mode the group never used (LGEI car).
    expect(value('Par entité', 'Émissions par mode', '2019', 'LGEI', 'Avion')).toBe('2529,423');
    expect(value('Par entité', 'Émissions par mode', '2019', 'LGEI', 'Train')).toBe('2,519');
    expect(value('Par entité', 'Émissions par mode', '2026', 'LSR', 'Voiture')).toBe('21,760');
    expect(value('Par entité', 'Émissions par mode', '2026', 'LGEI', 'Voiture')).toBeUndefined();
    expect(value('Par catégorie', 'Émissions par mode', '2026', 'Personnel', 'Visioconférence')).toBe('0,171');
    expect(rows.filter((r) => r.Indicateur === 'Émissions').every((r) => r.Mode === '' || r.Section === 'Par mode')).toBe(true);
    expect(value('Par entité', 'Vols évités', '2026', 'LSR')).toBe('-3');
    expect(value('Par catégorie', 'Vols', '2026', 'Étudiant ou étudiante')).toBe('5');
    // Splits: LSR's students abroad with a flight, 1 of 2 with a train in 2026; conference offset m1 + m6
    // = 6 flights, 115,18 €; no recruitment line by purpose nor students' line by category (meaningless).
    const student = 'Déplacements internationaux d’étudiants avec pré-acheminement en train';
    expect(value('Par entité', student, '2026', 'LSR')).toBe('50');
    expect(value('Par entité', 'Vols intérieurs', '2019', 'LGEI')).toBe('4');
    expect(value('Par motif', 'Vols compensés', '2026', 'Colloque, congrès')).toBe('6');
    expect(value('Par motif', 'Contributions versées à l’enveloppe', '2026', 'Colloque, congrès')).toBe('115,18');
    expect(value('Par catégorie', 'Recrutements internationaux en visio', '2019', 'Personnel')).toBe('0');
    expect(rows.some((r) => r.Section === 'Par motif' && r.Indicateur === 'Recrutements internationaux en visio')).toBe(false);
    expect(rows.some((r) => r.Section === 'Par catégorie' && r.Indicateur === student)).toBe(false);
  });

  it('renders the PDF report, parsed back: heading, figures, definitions, charts pages', async () => {
    const { app: server, bearer } = await app();
    const res = await request(server).get('/api/reports/copil.pdf?year=2026').set('Authorization', await bearer(['copil'])).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text, total } = await pdfText(res.body as Buffer);
    expect(total).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Indicateurs du copil RES : 2026 (référence 2019)');
    expect(text).toContain('Vols 7 8 Un vol = une personne');
    expect(text).toContain('un aller-retour de deux personnes compte 4 vols');
    expect(text).toContain('Déplacements en avion 4 5 Un déplacement en avion = une personne');
    expect(text).toContain('Émissions (tCO2e) 2,11 4,38');
    expect(text).toContain('Recrutements internationaux en visio 100 % (1 sur 1) 0 % (0 sur 1)');
    expect(text).toContain('Vols par année, référence et objectif');
    expect(text).toContain('Par entité');
    expect(text).toContain('Par entité : vols intérieurs, parts et compensation');
    expect(text).toContain('Par entité : émissions par mode');
    expect(text).toContain('LGEI Avion 0,35 2,53');
    expect(text).toContain('« — » : découpage sans objet');
    expect(text).toContain('Mobilité étudiante 0 0 — — 100 % (1/1) 50 % (1/2) 0 0,00 €');
    expect(text).toContain('Recrutements en visio 2026');
    expect(text).toContain(`Page 1 / ${total}`);
    const english = await request(server).get('/api/reports/copil.pdf?year=2026&lang=en').set('Authorization', await bearer(['copil'])).buffer(true).parse(binary).expect(200);
    expect((await pdfText(english.body as Buffer)).text).toContain('RES steering committee indicators: 2026 (reference 2019)');
  });
});

describe('reference year and targets', () => {
  it('lets admin change them (kept with history) and refuses copil', async () => {
    const { app: server, bearer } = await app();
    const admin = await bearer(['admin']);
    const body = { referenceYear: 2022, ghgReductionPercentPerYear: 4, flightTargets: [{ year: 2027, reductionPercent: 30 }] };
    await request(server).put('/api/reports/settings').set('Authorization', await bearer(['copil'])).send(body).expect(403);
    await request(server).put('/api/reports/settings').set('Authorization', admin).send({ ...body, flightTargets: [{ year: 2020, reductionPercent: 10 }] }).expect(400);
    const saved = await request(server).put('/api/reports/settings').set('Authorization', admin).send(body).expect(200);
    expect(saved.body.settings).toMatchObject({ referenceYear: 2022, ghgReductionPercentPerYear: 4 });
    const read = await request(server).get('/api/reports/settings').set('Authorization', await bearer(['copil'])).expect(200);
    expect(read.body.history).toHaveLength(1);
    // The report now defaults to the reference year 2022 (no flight recorded that year).
    const report = await request(server).get('/api/reports/copil?year=2026').set('Authorization', admin).expect(200);
    expect(report.body).toMatchObject({ reference: 2022, flights: { reference: 0, current: 7, avoided: -7 } });
  });
});

describe('recompute under another factor set', () => {
  it('shows recorded and recomputed figures per mode, changing nothing (admin only)', async () => {
    const { app: server, deps, bearer } = await app();
    await request(server).get('/api/reports/recompute?year=2019&factorSet=impact-co2-2025-series-b').set('Authorization', await bearer(['copil'])).expect(403);
    const res = await request(server).get('/api/reports/recompute?year=2019&factorSet=impact-co2-2025-series-b').set('Authorization', await bearer(['admin'])).expect(200);
    // Series B's planes (bands 0–1000, 1000–2000, 2000–5000, > 5000 km on the raw GCD):
    //   MPL–ORY 680.2 × 2 × 2 × 224.6 = 611 091.7 → 611 092; MRS–YUL 6 100.5 × 177.9 = 1 085 279.0 → 1 085 279;
    //   MPL–YUL 6 006.0 × 177.9 = 1 068 467.4 → 1 068 467; and × 2 = 2 136 934.8 → 2 136 935.
    //   Total 611 092 + 1 085 279 + 1 068 467 + 2 136 935 = 4 901 773 g against 4 369 611 recorded.
    // Trains use the same factors in both sets: 7 148 g either way.
    expect(res.body.rows).toEqual([
      { mode: 'plane', recordedGrams: 4_369_611, recomputedGrams: 4_901_773, differenceGrams: 532_162 },
      { mode: 'train', recordedGrams: 7148, recomputedGrams: 7148, differenceGrams: 0 },
    ]);
    expect(res.body).toMatchObject({ importedRows: 6, missions: 0, factorSet: { id: 'impact-co2-2025-series-b' } });
    const stored = (await select(deps.database, "SELECT sum(co2e_grams) AS g FROM historical_trips WHERE year = 2019"))[0];
    expect(stored).toEqual({ g: 4_376_759 });
  });
});

describe('import API', () => {
  const csv = 'date;mode;distance_km\n2018-05-01;bus;30\n2018-05-02;bus;x\n';

  it('takes a text/csv body from an admin token and answers a summary; ?errors=csv gives the error file', async () => {
    const { app: server, bearer } = await app();
    const admin = await bearer(['admin']);
    await request(server).post('/api/reports/import').set('Authorization', await bearer(['copil'])).type('text/csv').send(csv).expect(403);
    const res = await request(server).post('/api/reports/import?fileName=t.csv').set('Authorization', admin).type('text/csv').send(csv).expect(200);
    expect(res.body).toMatchObject({ rowsRead: 2, imported: 1, duplicates: 0, bad: 1, errors: [{ line: 3, field: 'distance_km', code: 'distance_km.invalid' }] });
    const errors = await request(server).post('/api/reports/import?errors=csv').set('Authorization', admin).type('text/csv').send(csv).expect(200);
    expect(errors.text).toContain('3;distance_km;distance_km.invalid;');
    await request(server).post('/api/reports/import?strict=1').set('Authorization', admin).type('text/csv').send(csv).expect(422);
    const list = await request(server).get('/api/reports/imports').set('Authorization', admin).expect(200);
    expect(list.body.imports.map((r: { status: string }) => r.status).sort()).toEqual(['done', 'done', 'refused', 'done'].sort());
    await request(server).post('/api/reports/import').set('Authorization', admin).type('json').send({ csv }).expect(400);
  });

  it('needs the CSRF header from a signed-in browser', async () => {
    const { app: server, deps } = await app();
    const admin = await createUser(deps.database, { roles: ['admin'] });
    const { agent, csrfToken } = await signedInAgent(server, admin);
    await agent.post('/api/reports/import').type('text/csv').send(csv).expect(403);
    const res = await agent.post('/api/reports/import').set('X-CSRF-Token', csrfToken).type('text/csv').send(csv).expect(200);
    expect(res.body.imported).toBe(1);
  });
});
