import type { Role } from '../../src/auth/auth.types.ts';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { engineApp } from '../helpers/app.ts';
import { createUser, signedInAgent } from '../helpers/auth.ts';
import { catalogue } from '../../src/shared/i18n/index.ts';
import { reportsFr } from '../../src/reports/reports.i18n.ts';
import { seedSchool } from './school.ts';
import { select } from '../helpers/sql.ts';

async function signedIn(roles: Role[]) {
  const { app, deps } = await engineApp();
  await seedSchool(deps);
  const user = await createUser(deps.database, { roles });
  return { app, deps, ...(await signedInAgent(app, user)) };
}

describe('/copil page', () => {
  it('shows the indicators with their definitions and three server-drawn charts with text alternatives', async () => {
    const { agent } = await signedIn(['copil']);
    const res = await agent.get('/copil?year=2026').expect(200);
    const html = res.text;
    expect(res.headers['content-security-policy']).toContain("style-src 'self'");
    expect(html).toMatch(/<tr id="ind-flights">\s*<th scope="row">Vols<\/th>\s*<td class="report-value">7<\/td>\s*<td class="report-value">8<\/td>/);
    expect(html).toContain('un aller-retour de deux personnes compte 4 vols');
    expect(html).toMatch(/<tr id="ind-trips">\s*<th scope="row">Déplacements en avion<\/th>\s*<td class="report-value">4<\/td>\s*<td class="report-value">5<\/td>/);
    expect(html).toContain('un aller-retour de deux personnes compte 2 déplacements');
    // Three charts: role="img", named by their <title> and <desc>, each followed by its data table.
    const svgs = html.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(3);
    for (const id of ['chart-flights', 'chart-trajectory', 'chart-modes']) {
      expect(html).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(html).toContain(`<title id="${id}-title">`);
      expect(html).toContain(`<desc id="${id}-desc">`);
    }
    // Flights per year: 8 bars (2019–2026), the 2026 bar titled with its 7 flights; the data table lists them.
    const flightsChart = html.slice(html.indexOf('aria-labelledby="chart-flights-title'), html.indexOf('</svg>'));
    expect(flightsChart.match(/<rect [^>]*fill="#000091"><title>/g)).toHaveLength(8);
    expect(html).toContain('<title>2026 : 7</title>');
    expect(html).toMatch(/<th scope="row">2026<\/th>\s*<td class="num">7<\/td>\s*<td class="num">6<\/td>/);
    // No inline style anywhere (the CSP would block it), no script needed.
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toContain('<script');
    expect(html).toContain('href="/api/reports/copil.pdf?year=2026&amp;reference=2019&amp;lang=fr"');
    // Breakdowns, with labels in French.
    expect(html).toContain('Étudiant ou étudiante');
    expect(html).toContain('<caption class="report-caption">Par entité</caption>');
    // Domestic flights, shares and offset by group (figures counted in test/reports/indicators.test.ts).
    // LGEI: domestic 2 / 4, recruitment by visio 1 of 1 / 0 of 1, no student trip, m1's 2 flights offset for 35,18 €.
    const cells = (...values: string[]) => new RegExp(values.map((v) => `<td class="num">${v}</td>`).join('\\s*'));
    // LGEI's flights 2 / 6, flight trips 1 / 3, avoided 4, replaced 2, then tCO2e 0,35 / 2,53.
    expect(html).toMatch(new RegExp(`<th scope="row">LGEI</th>\\s*${cells('2', '6', '1', '3', '4', '2', '0,35', '2,53').source}`));
    expect(html).toContain('<div class="table-wrap" tabindex="0" role="region" aria-label="Par entité">');
    // Emissions by group and mode, both heading the row: LGEI's planes 351 799 g / 2 529 423 g = 0,35 / 2,53 t,
    // its visio 171 g / 0 g; LSR's cars 21 760 g / 0 g (test/reports/indicators.test.ts).
    expect(html).toContain('<caption class="report-caption">Par entité : émissions par mode</caption>');
    const modeRow = (group: string, mode: string, ...values: string[]) => new RegExp(`<th scope="row">${group}</th>\\s*<th scope="row">${mode}</th>\\s*${cells(...values).source}`);
    expect(html).toMatch(modeRow('LGEI', 'Avion', '0,35', '2,53'));
    expect(html).toMatch(modeRow('LGEI', 'Visioconférence', '0,00', '0,00'));
    expect(html).toMatch(modeRow('LSR', 'Voiture', '0,02', '0,00'));
    expect(html).toMatch(/<th scope="col">Groupe<\/th>\s*<th scope="col">Mode<\/th>\s*<th scope="col" class="num">tCO2e 2026<\/th>/);
    expect(html).toContain('<caption class="report-caption">Par entité : vols intérieurs, parts et compensation</caption>');
    expect(html).toMatch(new RegExp(`<th scope="row">LGEI</th>\\s*${cells('2', '4', '100 % \\(1/1\\)', '0 % \\(0/1\\)', 'aucun', 'aucun', '2', '35,18\\s€').source}`));
    // By purpose the recruitment share is meaningless: "—". Student mobility: m2 with train 1 of 1, 2019 M2/M3 1 of 2.
    expect(html).toMatch(new RegExp(`<th scope="row">Mobilité étudiante</th>\\s*${cells('0', '0', '—', '—', '100 % \\(1/1\\)', '50 % \\(1/2\\)', '0', '0,00\\s€').source}`));
    expect(html).toContain('« — » : découpage sans objet');
    // Nine columns may scroll sideways: a labelled region that the keyboard can reach (axe's scrollable-region-focusable).
    expect(html).toContain('<div class="table-wrap" tabindex="0" role="region" aria-label="Par motif : vols intérieurs, parts et compensation">');
    // The copil is no admin: no settings form.
    expect(html).not.toContain('action="/copil/settings"');
  });

  it('speaks English on ?lang=en', async () => {
    const { agent } = await signedIn(['finance']);
    const res = await agent.get('/copil?year=2026&lang=en').expect(200);
    expect(res.text).toContain('round trip of two people counts 4 flights');
    expect(res.text).toContain('Flights per year, reference and target');
    expect(res.text).toContain('<caption class="report-caption">By entity: emissions by mode</caption>');
  });

  it('falls back to the default period on a nonsense year', async () => {
    const { agent } = await signedIn(['copil']);
    const res = await agent.get('/copil?year=abc').expect(200);
    expect(res.text).toContain('name="year" type="number" value="2026"');
  });

  it('refuses staff (403 page) and sends strangers to sign in', async () => {
    const { agent, app } = await signedIn(['staff']);
    const res = await agent.get('/copil').expect(403);
    expect(res.text).toContain('Accès refusé');
    const anonymous = await request(app).get('/copil').set('Accept', 'text/html').expect(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fcopil');
  });
});

describe('admin forms on /copil', () => {
  it('saves the reference year and targets, and shows the errors of a bad form next to its fields', async () => {
    const { agent, csrfToken, deps } = await signedIn(['admin']);
    const page = await agent.get('/copil').expect(200);
    expect(page.text).toContain('action="/copil/settings"');
    expect(page.text).toContain('name="target1Year" type="number" value="2024"');

    const bad = await agent.post('/copil/settings').type('form').send({ _csrf: csrfToken, referenceYear: '2019', rate: 'cinq', target1Year: '2024', target1Percent: '20' }).expect(400);
    expect(bad.text).toContain('error-summary');
    expect(bad.text).toMatch(/id="field-rate-error">Saisissez un nombre.</);
    expect(bad.text).toContain('name="rate" type="text" value="cinq"');
    // A target before the reference year is refused next to its field.
    const early = await agent.post('/copil/settings').type('form').send({ _csrf: csrfToken, referenceYear: '2019', rate: '5', target1Year: '2018', target1Percent: '20' }).expect(400);
    expect(early.text).toMatch(/id="field-target1Year-error">Valeur invalide.</);

    const ok = await agent.post('/copil/settings').type('form').send({ _csrf: csrfToken, referenceYear: '2022', rate: '4,5', target1Year: '2025', target1Percent: '15', target2Year: '', target2Percent: '' }).expect(303);
    expect(ok.headers.location).toBe('/copil');
    const after = await agent.get('/copil?year=2026').expect(200);
    expect(after.text).toContain('Année de référence et objectifs enregistrés.');
    expect(after.text).toContain('référence 2022, trajectoire −4,5 % par an, objectifs de vols −15 % en 2025');
    expect((await select(deps.database, 'SELECT reference_year, ghg_reduction_percent_per_year, flight_targets_json FROM report_settings'))).toEqual([
      { reference_year: 2022, ghg_reduction_percent_per_year: 4.5, flight_targets_json: '[{"year":2025,"reductionPercent":15}]' },
    ]);
  });

  it('refuses the settings form to the copil and without the CSRF token', async () => {
    const copil = await signedIn(['copil']);
    await copil.agent.post('/copil/settings').type('form').send({ _csrf: copil.csrfToken, referenceYear: '2020', rate: '5' }).expect(403);
    const admin = await signedIn(['admin']);
    await admin.agent.post('/copil/settings').type('form').send({ referenceYear: '2020', rate: '5' }).expect(403);
  });

  it('shows a recomputation side by side', async () => {
    const { agent, deps } = await signedIn(['admin']);
    const res = await agent.get('/copil/recompute?year=2019&set=impact-co2-2025-series-b').expect(200);
    // Planes 4 369 611 g recorded, 4 901 773 g under series B (see reports.http.test.ts): +0,53 t, +12,2 %.
    expect(res.text).toMatch(/<th scope="row">Avion<\/th><td class="num">4,37<\/td><td class="num">4,90<\/td><td class="num">\+0,53<\/td><td class="num">\+12,2 %<\/td>/);
    expect(res.text).toContain(`ademe-base-carbone-series-a ${deps.factors.get('ademe-base-carbone-series-a').version}`);
  });
});

describe('/admin/import page', () => {
  it('imports pasted CSV text and lists bad rows by line', async () => {
    const { agent, csrfToken, deps } = await signedIn(['admin']);
    const form = await agent.get('/admin/import').expect(200);
    expect(form.text).toContain('<script src="/assets/reports-import.js" defer></script>');
    const res = await agent
      .post('/admin/import')
      .type('form')
      .send({ _csrf: csrfToken, csv: 'date;mode;distance_km\n2018-01-02;bus;30\n2018-01-03;teleport;30\n', factorSet: 'ademe-base-carbone-series-a', map: '', entity: 'LSR' })
      .expect(200);
    expect(res.text).toContain('2 lignes lues, 1 importées, 0 déjà présentes, 1 en erreur.');
    expect(res.text).toMatch(/<td class="num">3<\/td><td>mode<\/td><td>mode inconnu « teleport »/);
    expect((await select(deps.database, 'SELECT entity_label, year FROM historical_trips WHERE year = 2018'))).toEqual([{ entity_label: 'LSR', year: 2018 }]);
    const empty = await agent.post('/admin/import').type('form').send({ _csrf: csrfToken, csv: '  ' }).expect(400);
    expect(empty.text).toContain('Collez le contenu d’un fichier CSV.');
    const header = await agent.post('/admin/import').type('form').send({ _csrf: csrfToken, csv: 'a;b\n1;2\n' }).expect(400);
    expect(header.text).toContain('En-tête non reconnu');
  });

  it('is for admin only', async () => {
    const { agent } = await signedIn(['copil', 'finance']);
    await agent.get('/admin/import').expect(403);
  });
});

describe('catalogues', () => {
  it('has every French report key in English, none empty', () => {
    for (const key of Object.keys(reportsFr)) {
      expect(catalogue('en')[key], key).toBeTruthy();
      expect(catalogue('fr')[key], key).toBeTruthy();
    }
  });
});
