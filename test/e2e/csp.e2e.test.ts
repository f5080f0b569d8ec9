import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openMigratedDatabase } from '../../src/shared/db.ts';
import { createUser, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { browserFor, removeDir, startServer, watchCspViolations, workDir, type RunningServer } from './harness.ts';

// The strict Content-Security-Policy (src/web/security.ts) must not cost a feature: a real browser
// loads the main pages, runs their scripts (the live estimate and place suggestions included), and
// reports no CSP violation and no script error.

describe('pages under the strict CSP, in a browser', () => {
  let dir: string;
  let server: RunningServer;
  let browser: BrowserContext;
  let person: TestUser;

  beforeAll(async () => {
    dir = workDir();
    const dbPath = join(dir, 'empreinte.sqlite');
    const database = openMigratedDatabase(dbPath);
    const lab = await createEntity(database, { name: 'Laboratoire' });
    await createBudgetLine(database, lab.id, { code: 'LAB-1', label: 'Fonctionnement' });
    person = await createUser(database, { roles: ['admin', 'staff', 'secretariat', 'finance', 'copil'], entityId: lab.id, email: 'tout@mines-ales.fr' });
    database.sqlite.close();
    server = await startServer(dbPath);
    browser = await browserFor(dir, 'csp');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) removeDir(dir);
  });

  it('reports no CSP violation and no script error on the main pages', async () => {
    const page: Page = browser.pages()[0] ?? (await browser.newPage());
    const problems: string[] = [];
    const cspViolations = await watchCspViolations(page);
    page.on('console', (m) => {
      // The live estimate asks /api/quote while the form is still incomplete: its 400 is expected.
      const quoteWhileTyping = m.text().includes('status of 400') && /\/api\/quote(\?|$)/.test(m.location().url);
      if (m.type() === 'error' && !quoteWhileTyping) problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const visit = async (path: string) => {
      const res = await page.goto(`${server.baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
      const violations = await cspViolations();
      problems.push(...violations.map((v) => `${path}: CSP violation ${v}`));
    };

    await visit('/sign-in');
    await page.getByLabel('Adresse électronique').fill(person.email);
    await page.getByLabel('Mot de passe').fill(person.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    for (const path of ['/', '/missions', '/secretariat', '/finance', '/admin', '/account/tokens']) await visit(path);

    // The mission form's script: suggestions from /api/places and the live estimate from /api/quote.
    await visit('/missions/new');
    await page.getByLabel('Mode').selectOption('train');
    await page.getByLabel('Départ', { exact: true }).pressSequentially('Montpel', { delay: 20 });
    await expect.poll(() => page.locator('#field-legs-0-from-suggestions option').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.getByLabel('Départ', { exact: true }).fill('Montpellier, FR');
    await page.getByLabel('Arrivée', { exact: true }).fill('Lyon, FR');
    await expect.poll(() => page.locator('#quote-panel [data-figure="co2e"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    problems.push(...(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)).map((v) => `/missions/new: CSP violation ${v}`));

    expect(problems).toEqual([]);
  }, 60_000);
});
