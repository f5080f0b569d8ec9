import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { openMigratedDatabase } from '../../src/shared/db.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { bookMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { createProject } from '../../src/ledger/finance.usecases.ts';
import { defaultLedgerPolicy } from '../../src/ledger/ledger.models.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import { createUser, type TestUser } from '../helpers/auth.ts';
import { contribution } from '../ledger/fixture.ts';
import { browserFor, expectAccessible, removeDir, screenshot, startServer, workDir, type RunningServer } from './harness.ts';

// The finance and admin pages in a real browser, with axe-core: filled tables, a form error shown
// next to its field, and the carbon price page.

describe('finance and admin pages in the browser', () => {
  let dir: string;
  let dbPath: string;
  let server: RunningServer;
  let browser: BrowserContext;
  let admin: TestUser;

  beforeAll(async () => {
    dir = workDir();
    dbPath = join(dir, 'empreinte.sqlite');
    const database = openMigratedDatabase(dbPath);
    admin = await createUser(database, { roles: ['admin'], name: 'Alix Admin', email: 'admin@mines-ales.fr' });
    await bookMissionContribution(database, contribution('m1', { amountCents: 18_259 }));
    await createProject({ database, clock: fixedClock('2026-03-01T09:00:00Z'), policy: defaultLedgerPolicy }, { name: 'Vélos cargo', scope: 'territory', description: 'Flotte partagée' }, null);
    database.sqlite.close();
    server = await startServer(dbPath);
    browser = await browserFor(dir, 'admin');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dbPath) {
      const database = openMigratedDatabase(dbPath);
      expect((await auditLedger(database)).problems).toEqual([]);
      database.sqlite.close();
    }
    if (dir) removeDir(dir);
  });

  it('shows /finance and /admin with no serious accessibility problem, errors included', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Adresse électronique').fill(admin.email);
    await page.getByLabel('Mot de passe').fill(admin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${server.baseUrl}/`);

    await page.getByRole('link', { name: 'Enveloppe de compensation' }).click();
    await page.waitForURL('**/finance');
    await expectAccessible(page, 'finance');
    await screenshot(page, 'ledger-01-finance');

    // 182,59 € in the envelope: asking 500 € shows the refusal next to the amount, without JavaScript.
    await page.getByLabel('Projet', { exact: true }).selectOption({ label: 'Vélos cargo' });
    await page.getByLabel('Montant (€)').fill('500');
    await page.getByLabel('Libellé').fill('Achat');
    await page.getByRole('button', { name: 'Enregistrer le versement' }).click();
    await expect.poll(() => page.locator('#disbursement-amount-error').textContent()).toContain('Solde insuffisant');
    await expectAccessible(page, 'finance (overdraft refused)');
    await screenshot(page, 'ledger-02-finance-error');

    await page.getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL('**/admin');
    await page.getByLabel('Prix (€ par tonne de CO2e)').fill('87,50');
    await page.getByRole('button', { name: 'Fixer le prix' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('87,50');
    await expectAccessible(page, 'admin');
    await screenshot(page, 'ledger-03-admin');
  });
});
