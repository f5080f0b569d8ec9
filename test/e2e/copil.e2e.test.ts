import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { buildDeps } from '../../src/deps.ts';
import { testConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openMigratedDatabase } from '../../src/shared/db.ts';
import { createUser, type TestUser } from '../helpers/auth.ts';
import { seedSchool } from '../reports/school.ts';
import { browserFor, expectAccessible, removeDir, screenshot, signInThroughForm, startServer, watchCspViolations, workDir, type RunningServer } from './harness.ts';

// The copil pages in a real browser with axe-core: /copil with its server-drawn charts (no CSP
// violation), the recomputation, and the import page sending a chosen file through its script.

describe('copil pages in the browser', () => {
  let dir: string;
  let server: RunningServer;
  let browser: BrowserContext;
  let admin: TestUser;

  beforeAll(async () => {
    dir = workDir();
    const dbPath = join(dir, 'empreinte.sqlite');
    const database = openMigratedDatabase(dbPath);
    await seedSchool(buildDeps({ config: testConfig(), database, clock: fixedClock('2026-11-27T10:00:00Z') }));
    admin = await createUser(database, { roles: ['admin', 'copil'], name: 'Camille Copil', email: 'copil@mines-ales.fr' });
    database.sqlite.close();
    server = await startServer(dbPath);
    browser = await browserFor(dir, 'copil');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) removeDir(dir);
  });


  it('shows /copil, its charts and tables, with no serious accessibility problem and no CSP violation', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const violations = await watchCspViolations(page);
    await signInThroughForm(page, server.baseUrl, admin);

    await page.getByRole('link', { name: 'Copil' }).click();
    await page.waitForURL('**/copil');
    await page.getByLabel('Année', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL('**/copil?year=2026&reference=2019');
    await expect.poll(() => page.getByRole('img', { name: 'Vols par année, référence et objectif' }).count()).toBe(1);
    const chart = page.getByRole('img', { name: 'Vols par année, référence et objectif' });
    expect((await chart.boundingBox())!.height).toBeGreaterThan(150);
    await page.getByText('Données du graphique').first().click();
    // Checked before axe is injected: its inline <script> attempt is itself a (expected) violation.
    expect(await violations()).toEqual([]);
    await expectAccessible(page, 'copil');
    await screenshot(page, 'reports-01-copil');

    await page.goto(`${server.baseUrl}/copil/recompute?year=2019&set=impact-co2-2025-series-b`);
    // Planes +12,2 % under series B, and the total too (trains do not move): 532 162 g on 4 376 759 g.
    await expect.poll(() => page.getByRole('row', { name: /^Avion 4,37 4,90 \+0,53 \+12,2 %$/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /^Total 4,38 4,91 \+0,53 \+12,2 %$/ }).count()).toBe(1);
    await expectAccessible(page, 'recompute');
    await screenshot(page, 'reports-02-recompute');
  }, 60_000);

  it('imports a chosen file through the page script, bad rows listed by line', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const file = join(dir, 'inventaire.csv');
    writeFileSync(file, 'date;mode;distance_km\n2018-03-01;bus;40\n2018-03-02;soucoupe;40\n');
    await page.goto(`${server.baseUrl}/admin/import`);
    await expectAccessible(page, 'import');
    await page.getByLabel('Ou fichier CSV').setInputFiles(file);
    await page.getByRole('button', { name: 'Importer' }).click();
    await expect.poll(() => page.locator('#import-result').textContent()).toContain('ligne 3 : mode inconnu « soucoupe »');
    expect(await page.locator('#import-result').textContent()).toContain('2 / 1 / 0 / 1');
    await screenshot(page, 'reports-03-import');
  }, 60_000);
});
