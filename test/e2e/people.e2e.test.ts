import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { TestUser } from '../helpers/auth.ts';
import { browserFor, expectAccessible, removeDir, screenshot, seedAdminAndPerson, signInThroughForm, startServer, watchCspViolations, workDir, type RunningServer } from './harness.ts';

// An administrator disables a person from /admin/people in a real browser (the person, signed in
// in another browser, is thrown out), then enables them again: axe-core finds no serious problem on
// the page in each state, and the strict CSP reports no violation.

describe('/admin/people in the browser', () => {
  let dir: string;
  let server: RunningServer;
  let adminBrowser: BrowserContext;
  let personBrowser: BrowserContext;
  let admin: TestUser;
  let person: TestUser;

  beforeAll(async () => {
    dir = workDir();
    const dbPath = join(dir, 'empreinte.sqlite');
    ({ admin, person } = await seedAdminAndPerson(dbPath));
    server = await startServer(dbPath);
    adminBrowser = await browserFor(dir, 'admin');
    personBrowser = await browserFor(dir, 'person');
  }, 60_000);

  afterAll(async () => {
    await adminBrowser?.close();
    await personBrowser?.close();
    await server?.stop();
    if (dir) removeDir(dir);
  });

  it('disables and re-enables a person, accessibly and within the CSP', async () => {
    const theirs = personBrowser.pages()[0] ?? (await personBrowser.newPage());
    await signInThroughForm(theirs, server.baseUrl, person);

    const page = adminBrowser.pages()[0] ?? (await adminBrowser.newPage());
    const cspViolations = await watchCspViolations(page);
    const scriptErrors: string[] = [];
    page.on('pageerror', (e) => scriptErrors.push(e.message));
    // axe is injected by expectAccessible (its inline script and styles are refused by the CSP, by
    // design): each page's own violations are read before axe touches it.
    const violations: string[] = [];
    const check = async (label: string) => {
      violations.push(...(await cspViolations()).map((v) => `${label}: ${v}`));
      await expectAccessible(page, label);
    };
    await signInThroughForm(page, server.baseUrl, admin);
    await page.getByRole('link', { name: 'Personnes' }).click();
    await page.waitForURL('**/admin/people');
    const row = page.getByRole('row', { name: /Bao Martin/ });
    await expect.poll(() => row.getByRole('cell', { name: 'Actif' }).count()).toBe(1);
    await check('people');
    await screenshot(page, 'people-01-list');

    await page.getByRole('button', { name: 'Désactiver Bao Martin' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Bao Martin est désactivé·e');
    await expect.poll(() => row.getByRole('cell', { name: 'Désactivé' }).count()).toBe(1);
    await check('people (after disabling)');
    await screenshot(page, 'people-02-disabled');
    // Their session was ended: the next page they ask for sends them to sign in.
    await theirs.goto(`${server.baseUrl}/account/tokens`);
    await theirs.waitForURL('**/sign-in?next=%2Faccount%2Ftokens');

    // A refused action is shown with its reason, in an alert the page still passes axe with.
    await page.getByRole('button', { name: 'Retirer le rôle Administration à Alix Admin' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('dernier compte admin actif');
    await check('people (refusal shown)');

    await page.getByRole('button', { name: 'Réactiver Bao Martin' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Bao Martin est réactivé·e');
    await expect.poll(() => row.getByRole('cell', { name: 'Actif' }).count()).toBe(1);
    await signInThroughForm(theirs, server.baseUrl, person);

    await page.getByRole('link', { name: 'Organisation' }).click();
    await page.waitForURL('**/admin/organisation');
    await check('organisation');

    expect([...violations, ...scriptErrors]).toEqual([]);
  }, 60_000);
});
