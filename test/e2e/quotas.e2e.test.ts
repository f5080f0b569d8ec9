import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { montrealTrip } from '../missions/fixtures.ts';
import { screenshot, signInThroughForm, startLabSession, type LabSession } from './harness.ts';

// The carbon quota in a real browser: the admin sets the lab's 2027 quota on /admin/quotas, the
// traveller's mission shows the quota box and the over-quota flag, the form offers the "video
// conference not possible" box, a recruitment by visio is recorded from My missions (and withdrawn), the admin turns
// the domestic flights trial on from /admin/policies, and the copil page sets the quota against the year's emissions.
// axe-core finds no serious problem on any of them, and the strict CSP reports no violation.

describe('carbon quota in the browser', () => {
  let lab: LabSession;

  beforeAll(async () => {
    lab = await startLabSession();
  }, 60_000);

  afterAll(() => lab?.stop());

  it('sets a quota, shows it beside a mission and in the copil report', async () => {
    const { page, check, server, admin, traveller, travellerToken, budgetLineId } = lab;
    await signInThroughForm(page, server.baseUrl, admin);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Quotas carbone des entités' }).click();
    await page.waitForURL('**/admin/quotas');
    await check('quotas admin');
    await page.getByRole('button', { name: 'Enregistrer le quota' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    await check('quotas admin (refused)');
    await page.getByLabel('Entité', { exact: true }).selectOption({ label: 'LGEI' });
    await page.getByLabel('Année').fill('2027');
    await page.getByLabel('Quota (kg CO2e)').fill('1000');
    await page.getByRole('button', { name: 'Enregistrer le quota' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Quota de 2027 enregistré');
    await expect.poll(() => page.getByRole('row', { name: /LGEI/ }).first().textContent()).toMatch(/1\s000,0 kg CO2e/u);
    await check('quotas admin (set)');
    await screenshot(page, 'quotas-01-admin');

    // The action plan's switches, set in the application.
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Règles du plan d’action (vols intérieurs, recrutement)' }).click();
    await page.waitForURL('**/admin/policies');
    await check('policies admin');
    const trial = page.getByRole('region', { name: 'Expérimentation sur les vols intérieurs' });
    await trial.getByLabel('Raison du changement (facultatif)').fill('Décision du copil');
    await trial.getByRole('button', { name: 'Activer la règle' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Règle activée : Expérimentation sur les vols intérieurs');
    await expect.poll(() => page.getByRole('row', { name: /Décision du copil/ }).count()).toBe(1);
    await check('policies admin (trial on)');

    const created = await fetch(`${server.baseUrl}/api/missions`, { method: 'POST', headers: { Authorization: travellerToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ purpose: 'recruitment', budgetLineId, trip: montrealTrip }) });
    const mission = (await created.json()) as { id: string };
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInThroughForm(page, server.baseUrl, traveller);
    await page.goto(`${server.baseUrl}/missions/${mission.id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Quota carbone 2027 de l’entité' }).count()).toBe(1);
    await expect.poll(() => page.getByText(/dépasse le quota carbone 2027/).count()).toBe(1);
    await expect.poll(() => page.getByText(/recrutement à l’étranger se fait en visioconférence/).count()).toBe(1);
    await check('mission over quota');
    await screenshot(page, 'quotas-02-mission');
    await page.goto(`${server.baseUrl}/missions/${mission.id}/edit`);
    await page.getByLabel('La visioconférence n’est pas possible pour ce déplacement').check();
    await check('mission form with quota');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Mission enregistrée');
    await page.goto(`${server.baseUrl}/missions/${mission.id}`);
    await expect.poll(() => page.getByText(/recrutement à l’étranger se fait en visioconférence/).count()).toBe(0);

    // A recruitment held by video conference, in two clicks from My missions.
    await page.getByRole('link', { name: 'Mes missions' }).click();
    await page.waitForURL('**/missions');
    await page.getByRole('button', { name: 'Enregistrer le recrutement en visio' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    await check('visio recruitment (refused)');
    await page.getByLabel('Pays du candidat').selectOption('CN');
    await page.getByRole('button', { name: 'Enregistrer le recrutement en visio' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Recrutement en visioconférence enregistré');
    await expect.poll(() => page.getByText(/— Chine/).count()).toBe(1);
    await check('visio recruitment (recorded)');
    // Recorded by mistake: withdrawn from the same list, kept there as withdrawn.
    await page.getByRole('button', { name: /Retirer le recrutement du .* \(Chine\)/ }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Recrutement en visioconférence retiré');
    await expect.poll(() => page.getByText(/— Chine \(retiré, ne compte plus\)/).count()).toBe(1);
    await check('visio recruitment (withdrawn)');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInThroughForm(page, server.baseUrl, admin);
    await page.goto(`${server.baseUrl}/copil?year=2027`);
    await expect.poll(() => page.getByRole('table', { name: /Quota 2027/ }).count()).toBe(1);
    await check('copil with quotas');
  }, 120_000);
});
