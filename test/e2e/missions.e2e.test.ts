import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { openMigratedDatabase } from '../../src/shared/db.ts';
import { createUser, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { browserFor, expectAccessible, removeDir, screenshot, startServer, workDir, type RunningServer } from './harness.ts';

// The scenario in a real browser: a staff member asks for a Montpellier → Montréal flight,
// sees the alternatives, submits; the secretariat returns it; the traveller edits and resubmits; the
// secretariat validates. axe-core checks every page on the way.

describe('mission workflow in the browser', () => {
  let dir: string;
  let dbPath: string;
  let server: RunningServer;
  let staffBrowser: BrowserContext;
  let sfiBrowser: BrowserContext;
  let traveller: TestUser;
  let sfi: TestUser;

  beforeAll(async () => {
    dir = workDir();
    dbPath = join(dir, 'empreinte.sqlite');
    const database = openMigratedDatabase(dbPath);
    const lab = await createEntity(database, { name: 'Laboratoire des Sciences des Risques' });
    await createBudgetLine(database, lab.id, { code: 'LSR-FONC', label: 'Fonctionnement' });
    traveller = await createUser(database, { roles: ['staff'], entityId: lab.id, name: 'Camille Martin', email: 'camille.martin@mines-ales.fr' });
    sfi = await createUser(database, { roles: ['secretariat'], name: 'Dominique Roux', email: 'sfi@mines-ales.fr' });
    database.sqlite.close();
    server = await startServer(dbPath);
    [staffBrowser, sfiBrowser] = await Promise.all([browserFor(dir, 'staff'), browserFor(dir, 'sfi')]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([staffBrowser?.close(), sfiBrowser?.close()]);
    await server?.stop();
    if (dir) removeDir(dir);
  });

  async function signIn(context: BrowserContext, user: TestUser): Promise<Page> {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.baseUrl}/sign-in`);
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('Adresse électronique').fill(user.email);
    await page.getByLabel('Mot de passe').fill(user.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    return page;
  }

  it('goes from request to validation, returned once on the way', async () => {
    const staff = await signIn(staffBrowser, traveller);
    await screenshot(staff, '01-home');
    await staff.getByRole('link', { name: 'Mes missions' }).click();
    await staff.getByRole('link', { name: 'Demander une mission' }).click();
    await staff.waitForURL('**/missions/new');

    // The form, filled as a person would; JavaScript prices it live.
    await staff.getByLabel('Ligne budgétaire').selectOption({ label: 'Laboratoire des Sciences des Risques — LSR-FONC Fonctionnement' });
    await staff.getByLabel('Date de départ *').fill('2027-03-10');
    await staff.getByLabel('Heure de départ').fill('07:00');
    await staff.getByLabel('Date de retour *').fill('2027-03-14');
    await staff.getByLabel('Pays de destination *').selectOption('CA');
    await staff.getByLabel('Ville de destination').fill('Montréal');
    await staff.getByLabel('Mode').selectOption('plane');
    const from = staff.getByLabel('Départ', { exact: true });
    await from.pressSequentially('Montpel', { delay: 20 });
    await expect.poll(() => staff.locator('#field-legs-0-from-suggestions option').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await from.fill('MPL');
    await staff.getByLabel('Arrivée', { exact: true }).fill('YUL');
    await staff.getByLabel('Tarif (€)').fill('950');
    await staff.getByLabel('Justification du déplacement').fill('Communication invitée au congrès de l’ACFAS');

    const panel = staff.locator('#quote-panel');
    await expect.poll(() => panel.locator('[data-alternative="visio"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator('[data-alternative="train"]').innerText()).toContain('Non disponible');
    expect(await panel.locator('[data-figure="co2e"]').innerText()).toMatch(/kg CO2e$/);
    await expect.poll(() => panel.getByRole('button', { name: 'Remplacer le vol 1 par une visioconférence' }).count()).toBe(1);
    await expectAccessible(staff, 'new mission form');
    await screenshot(staff, '02-new-mission-with-alternatives');

    await staff.getByRole('button', { name: 'Enregistrer et soumettre' }).click();
    await staff.waitForURL(/\/missions\/msn_[\w-]+$/);
    const missionUrl = staff.url();
    expect(await staff.locator('.status').first().innerText()).toBe('Soumise');
    await expectAccessible(staff, 'mission detail (submitted)');
    await screenshot(staff, '03-mission-submitted');

    // The secretariat returns it with a comment.
    const desk = await signIn(sfiBrowser, sfi);
    await desk.getByRole('link', { name: 'Demandes à traiter' }).click();
    await desk.waitForURL('**/secretariat');
    await expect.poll(() => desk.getByRole('row', { name: /Camille Martin/ }).count()).toBe(1);
    await expectAccessible(desk, 'secretariat queue');
    await screenshot(desk, '04-secretariat-queue');
    await desk.goto(missionUrl);
    await desk.getByLabel('Commentaire').fill('Merci de joindre le programme du congrès.');
    await desk.getByRole('button', { name: 'Renvoyer pour correction' }).click();
    await desk.waitForURL(missionUrl);
    expect(await desk.locator('.notice').first().innerText()).toContain('Mission renvoyée au missionnaire.');

    // The traveller sees the comment, edits, resubmits.
    await staff.goto(`${server.baseUrl}/missions`);
    expect(await staff.getByRole('row', { name: /Montréal/ }).innerText()).toContain('Renvoyée pour correction');
    await expectAccessible(staff, 'my missions');
    await screenshot(staff, '05-my-missions-returned');
    await staff.goto(missionUrl);
    await staff.getByRole('link', { name: 'Modifier la mission' }).click();
    await staff.waitForURL('**/edit');
    expect(await staff.locator('.notice--info').innerText()).toContain('Merci de joindre le programme du congrès.');
    await staff.getByLabel('Justification du déplacement').fill('Communication invitée au congrès de l’ACFAS (programme en pièce jointe)');
    await expectAccessible(staff, 'edit returned mission');
    await staff.getByRole('button', { name: 'Enregistrer et soumettre' }).click();
    await staff.waitForURL(missionUrl);
    expect(await staff.locator('.status').first().innerText()).toBe('Soumise');

    // The secretariat validates from its queue.
    await desk.goto(`${server.baseUrl}/secretariat`);
    await desk.getByRole('row', { name: /Camille Martin/ }).getByRole('button', { name: 'Valider' }).click();
    await desk.waitForURL('**/secretariat');
    expect(await desk.locator('.notice').first().innerText()).toContain('Mission validée.');
    await desk.goto(missionUrl);
    expect(await desk.locator('.status').first().innerText()).toBe('Validée');
    const trail = await desk.locator('table tbody tr').allInnerTexts();
    expect(trail.map((row) => row.split('\t')[2])).toEqual(['Création', 'Soumission', 'Renvoi pour correction', 'Modification', 'Soumission', 'Validation']);
    await expectAccessible(desk, 'mission detail (validated)');
    await screenshot(desk, '06-mission-validated');

    // English on request.
    await staff.goto(`${server.baseUrl}/missions?lang=en`);
    expect(await staff.getByRole('heading', { level: 1 }).innerText()).toBe('My missions');
    await expectAccessible(staff, 'my missions (English)');

    // The validation booked the flight's contribution, once.
    const check = new BetterSqlite3(dbPath, { readonly: true });
    const booked = check.prepare("select count(*) as n from ledger_transfers where cause_kind = 'mission_contribution'").get() as { n: number };
    check.close();
    expect(booked.n).toBe(1);
  }, 90_000);
});
