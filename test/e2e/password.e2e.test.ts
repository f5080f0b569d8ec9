import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestUser } from '../helpers/auth.ts';
import { browserFor, expectAccessible, removeDir, screenshot, seedAdminAndPerson, signInThroughForm, startServer, watchCspViolations, workDir, type RunningServer } from './harness.ts';

// A person changes their password from the header link (their other browser is signed out); an
// administrator edits a person and closes a budget line. axe-core finds no serious problem on each
// page and state, and the strict CSP reports no violation.

const NEW_PASSWORD = 'une toute nouvelle phrase de passe';

describe('passwords, a person’s details and budget lines in the browser', () => {
  let dir: string;
  let server: RunningServer;
  const browsers: BrowserContext[] = [];
  let admin: TestUser;
  let person: TestUser;

  beforeAll(async () => {
    dir = workDir();
    const dbPath = join(dir, 'empreinte.sqlite');
    ({ admin, person } = await seedAdminAndPerson(dbPath));
    server = await startServer(dbPath);
    for (const name of ['person', 'elsewhere', 'admin']) browsers.push(await browserFor(dir, name));
  }, 60_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
    if (dir) removeDir(dir);
  });

  const pageOf = async (b: BrowserContext) => b.pages()[0] ?? (await b.newPage());

  it('changes one’s password and manages a person and a budget line, accessibly and within the CSP', async () => {
    const [mine, elsewhere, adminPage] = [await pageOf(browsers[0]!), await pageOf(browsers[1]!), await pageOf(browsers[2]!)];
    const violations: string[] = [];
    const scriptErrors: string[] = [];
    const checkers = new Map<Page, () => Promise<string[]>>();
    for (const p of [mine, adminPage]) {
      checkers.set(p, await watchCspViolations(p));
      p.on('pageerror', (e) => scriptErrors.push(e.message));
    }
    const check = async (p: Page, label: string) => {
      violations.push(...(await checkers.get(p)!()).map((v) => `${label}: ${v}`));
      await expectAccessible(p, label);
    };

    await signInThroughForm(elsewhere, server.baseUrl, person);
    await signInThroughForm(mine, server.baseUrl, person);
    await mine.getByRole('link', { name: 'Changer de mot de passe' }).click();
    await mine.waitForURL('**/account/password');
    await check(mine, 'password form');
    await mine.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => mine.getByRole('alert').textContent()).toContain('Saisissez votre mot de passe actuel.');
    await check(mine, 'password form (errors)');
    await screenshot(mine, 'password-01-errors');
    await mine.getByLabel('Mot de passe actuel').fill(person.password);
    await mine.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await mine.getByLabel('Nouveau mot de passe, une seconde fois').fill(NEW_PASSWORD);
    await mine.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => mine.getByRole('status').textContent()).toContain('Votre mot de passe a été changé');
    await check(mine, 'password changed');
    await elsewhere.goto(`${server.baseUrl}/account/tokens`);
    await elsewhere.waitForURL('**/sign-in?next=%2Faccount%2Ftokens');
    await signInThroughForm(elsewhere, server.baseUrl, { email: person.email, password: NEW_PASSWORD });

    await signInThroughForm(adminPage, server.baseUrl, admin);
    await adminPage.getByRole('link', { name: 'Personnes' }).click();
    await adminPage.getByRole('link', { name: 'Modifier Bao Martin : nom, entité, catégorie, mot de passe' }).click();
    await adminPage.waitForURL('**/admin/people/usr_*');
    await check(adminPage, 'person');
    await adminPage.getByLabel('Nom complet').fill('Bao Martin-Roux');
    await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => adminPage.getByRole('status').textContent()).toContain('Les informations de Bao Martin-Roux sont enregistrées.');

    await adminPage.getByRole('link', { name: 'Organisation' }).click();
    await adminPage.getByRole('button', { name: 'Fermer la ligne ANR-22 de LGEI' }).click();
    await expect.poll(() => adminPage.getByRole('status').textContent()).toContain('Ligne budgétaire ANR-22 fermée');
    await check(adminPage, 'organisation (line closed)');
    await screenshot(adminPage, 'password-02-line-closed');

    expect([...violations, ...scriptErrors]).toEqual([]);
  }, 60_000);
});
