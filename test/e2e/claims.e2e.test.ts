import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { openMigratedDatabase } from '../../src/shared/db.ts';
import { bearerFor, createUser, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { browserFor, expectAccessible, removeDir, screenshot, signInThroughForm, startServer, watchCspViolations, workDir, type RunningServer } from './harness.ts';

// The claim journey in a real browser: a validated Montpellier → Paris flight was made by train; the
// traveller claims it with a taxi and a receipt, the secretariat certifies (the contribution goes
// back), finance downloads the payments CSV and marks the claim paid. axe-core checks every page.

// A trip already over whatever day the suite runs (claims are submitted after the return date).
const trip = {
  departAt: '2026-11-02T07:00:00+01:00',
  returnAt: '2026-11-03T21:00:00+01:00',
  destination: { country: 'FR', city: 'Paris' },
  legs: [{ mode: 'plane', from: 'MPL', to: 'ORY', roundTrip: true, fareCents: 30_000 }],
};
const receiptPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('expense claim in the browser', () => {
  let dir: string;
  let server: RunningServer;
  let browsers: BrowserContext[] = [];
  let people: { traveller: TestUser; sfi: TestUser; finance: TestUser };
  let tokens: { traveller: string; sfi: string };
  let missionId: string;

  async function api(path: string, token: string, body: unknown) {
    const res = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { Authorization: token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, path).toBeLessThan(300);
    return (await res.json()) as { id: string; quote: { offset: { amountCents: number } } };
  }

  beforeAll(async () => {
    dir = workDir();
    const dbPath = join(dir, 'empreinte.sqlite');
    const database = openMigratedDatabase(dbPath);
    const lab = await createEntity(database, { name: 'Laboratoire des Sciences des Risques' });
    const line = await createBudgetLine(database, lab.id, { code: 'LSR-FONC', label: 'Fonctionnement' });
    people = {
      traveller: await createUser(database, { roles: ['staff'], entityId: lab.id, name: 'Camille Martin', email: 'camille.martin@mines-ales.fr' }),
      sfi: await createUser(database, { roles: ['secretariat'], name: 'Dominique Roux', email: 'sfi@mines-ales.fr' }),
      finance: await createUser(database, { roles: ['finance'], name: 'Fanny Compta', email: 'finances@mines-ales.fr' }),
    };
    tokens = { traveller: await bearerFor(database, people.traveller), sfi: await bearerFor(database, people.sfi) };
    database.sqlite.close();
    server = await startServer(dbPath);
    const mission = await api('/api/missions', tokens.traveller, { purpose: 'meeting', budgetLineId: line.id, justification: 'Réunion du consortium, présence exigée', trip });
    await api(`/api/missions/${mission.id}/submit`, tokens.traveller, {});
    await api(`/api/missions/${mission.id}/validate`, tokens.sfi, {});
    missionId = mission.id;
    browsers = await Promise.all(['staff', 'sfi', 'finance'].map((name) => browserFor(dir, name)));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.stop();
    if (dir) removeDir(dir);
  });

  async function signIn(context: BrowserContext, user: TestUser): Promise<{ page: Page; csp: () => Promise<string[]> }> {
    const page = context.pages()[0] ?? (await context.newPage());
    const csp = await watchCspViolations(page);
    await signInThroughForm(page, server.baseUrl, user);
    return { page, csp };
  }

  it('goes from the claim to payment, the contribution settled on the train actually taken', async () => {
    const { page: staff, csp: staffCsp } = await signIn(browsers[0]!, people.traveller);
    await staff.goto(`${server.baseUrl}/missions/${missionId}`);
    await staff.getByRole('link', { name: 'État de frais (après la mission)' }).click();
    await expectAccessible(staff, 'claim start');
    await staff.getByRole('button', { name: 'Établir l’état de frais' }).click();
    await staff.waitForURL(`**/missions/${missionId}/claim`);
    expect(await staff.getByRole('status').first().innerText()).toContain('État de frais créé');

    // The flight became a train: the traveller corrects the leg and adds the taxi.
    await staff.getByLabel('Mode').selectOption('train');
    await staff.getByLabel('Départ', { exact: true }).fill('Montpellier, FR');
    await staff.getByLabel('Arrivée', { exact: true }).fill('Paris, FR');
    await staff.getByLabel('Prix payé (€)').fill('180');
    await staff.getByRole('button', { name: 'Ajouter un frais' }).click();
    await staff.getByLabel('Nature').selectOption('taxi');
    await staff.getByLabel('Montant (€)').fill('42,50');
    await staff.getByLabel('Date', { exact: true }).fill('2026-11-02');
    await staff.getByLabel('Libellé', { exact: true }).fill('Taxi gare – hôtel');
    await staff.getByRole('button', { name: 'Enregistrer', exact: true }).last().click();
    await staff.waitForURL(`**/missions/${missionId}/claim`);
    expect(await staff.locator('.compare').innerText()).toContain('modifié');
    expect(await staff.locator('.compare .diff--down').first().innerText()).toMatch(/^−[\d\s  ,]+ kg CO2e$/);
    await expectAccessible(staff, 'claim form');
    await screenshot(staff, 'claims-01-form');

    await staff.getByLabel('Fichier').setInputFiles({ name: 'billets-train.pdf', mimeType: 'application/pdf', buffer: receiptPdf });
    await staff.getByLabel('Libellé du justificatif (facultatif)').fill('Billets SNCF');
    await staff.getByRole('button', { name: 'Joindre le justificatif' }).click();
    await staff.waitForURL(`**/missions/${missionId}/claim#receipts`);
    expect(await staff.locator('.receipts').innerText()).toContain('billets-train.pdf');
    await staff.getByRole('button', { name: 'Enregistrer et soumettre au secrétariat' }).click();
    await staff.waitForURL(`**/missions/${missionId}/claim`);
    expect(await staff.locator('.status').first().innerText()).toBe('Soumis au secrétariat');
    expect(await staffCsp()).toEqual([]);

    const { page: sfi } = await signIn(browsers[1]!, people.sfi);
    await sfi.getByRole('link', { name: 'États de frais à certifier' }).click();
    await expectAccessible(sfi, 'claims queue');
    await sfi.getByRole('link', { name: 'Ouvrir l’état de frais de Camille Martin pour Paris (France)' }).click();
    await expectAccessible(sfi, 'claim review');
    expect(await sfi.locator('.receipts').innerText()).toContain('Billets SNCF');
    await sfi.getByRole('button', { name: 'Certifier le service fait' }).click();
    await sfi.waitForURL('**/secretariat/claims');
    expect(await sfi.getByRole('status').first().innerText()).toContain('Service fait certifié');

    // The adjustment is the actual trip's contribution minus the booked one (the flight's): all of it back.
    const claim = (await (await fetch(`${server.baseUrl}/api/missions/${missionId}/claim`, { headers: { Authorization: tokens.traveller } })).json()) as { claim: { adjustment: { amountCents: number }; quote: { offset: { amountCents: number } }; amounts: { totalCents: number } } };
    expect(claim.claim.quote.offset.amountCents).toBe(0);
    expect(claim.claim.adjustment.amountCents).toBeLessThan(0);

    const { page: finance } = await signIn(browsers[2]!, people.finance);
    await finance.getByRole('link', { name: 'États de frais à payer' }).click();
    await finance.getByLabel('Du', { exact: true }).fill('2026-01-01');
    await finance.getByRole('button', { name: 'Afficher' }).click();
    await expectAccessible(finance, 'payments');
    await screenshot(finance, 'claims-02-payments');
    const [download] = await Promise.all([finance.waitForEvent('download'), finance.getByRole('link', { name: 'Télécharger le CSV (Excel)' }).click()]);
    const rows = parse(readFileSync((await download.path())!, 'utf8'), { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ Mission: missionId, Missionnaire: 'Camille Martin', 'Taxi (€)': '42,50' });
    await finance.getByLabel('Référence du paiement de Camille Martin pour Paris (FR)').fill('MANDAT-2026-981');
    await finance.getByRole('button', { name: 'Marquer payé' }).click();
    await finance.waitForURL('**/finance/claims');
    expect(await finance.getByRole('status').first().innerText()).toContain('marqué payé');
    await finance.goto(`${server.baseUrl}/missions/${missionId}/claim`);
    expect(await finance.locator('.status').first().innerText()).toBe('Payé');
    expect(await finance.locator('.summary').first().innerText()).toContain('MANDAT-2026-981');
    await expectAccessible(finance, 'paid claim');
  }, 120_000);
});
