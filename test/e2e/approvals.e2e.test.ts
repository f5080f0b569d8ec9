import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { montrealTrip } from '../missions/fixtures.ts';
import { screenshot, signInThroughForm, startLabSession, type LabSession } from './harness.ts';

// The approval chain in a real browser: the admin sets the lab's chain and names its head on
// /admin/approvals, a traveller submits, the head finds the mission on /approvals and approves it
// from its page, which then shows who approved. axe-core finds no serious problem on any of them.

describe('approval chain in the browser', () => {
  let lab: LabSession;

  beforeAll(async () => {
    lab = await startLabSession();
  }, 60_000);

  afterAll(() => lab?.stop());

  const api = async (path: string, body: unknown) => {
    const answer = await fetch(`${lab.server.baseUrl}${path}`, { method: 'POST', headers: { Authorization: lab.travellerToken, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(answer.status).toBeLessThan(300);
    return (await answer.json()) as { id: string };
  };

  it('configures a chain, and the head approves from the pages', async () => {
    const { page, check, server, admin, head, budgetLineId } = lab;
    await signInThroughForm(page, server.baseUrl, admin);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Circuits d’approbation et approbateurs' }).click();
    await page.waitForURL('**/admin/approvals');
    await check('approvals admin');
    await page.getByLabel('Circuit de LGEI', { exact: true }).selectOption('head');
    await page.getByRole('button', { name: 'Enregistrer le circuit de LGEI' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Circuit enregistré');
    await page.getByRole('combobox', { name: 'Ajouter un responsable à LGEI' }).selectOption({ label: `${head.name} (${head.email})` });
    await page.getByRole('button', { name: 'Ajouter' }).first().click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Approbateur ajouté');
    await expect.poll(() => page.getByRole('button', { name: `Retirer ${head.name}` }).count()).toBe(1);
    await check('approvals admin (head named)');
    await screenshot(page, 'approvals-01-admin');

    const mission = await api('/api/missions', { purpose: 'conference', budgetLineId, justification: 'Communication invitée au congrès annuel', trip: montrealTrip });
    await api(`/api/missions/${mission.id}/submit`, {});
    // The notice to the head waits in the outbox (no SMTP server here), shown to the admin.
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Messages envoyés et en attente' }).click();
    await page.waitForURL('**/admin/notifications');
    await expect.poll(() => page.getByText('Mission à approuver', { exact: false }).count()).toBeGreaterThan(0);
    await check('outbox');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInThroughForm(page, server.baseUrl, head);
    await page.getByRole('link', { name: 'Approbations' }).click();
    await page.waitForURL('**/approvals');
    await check('approvals queue');
    await page.getByRole('link', { name: /Montréal/ }).click();
    await page.waitForURL(`**/missions/${mission.id}`);
    await expect.poll(() => page.getByText('en attente').count()).toBe(1);
    await check('mission awaiting approval');
    await page.getByLabel('Commentaire').fill('Prévu au budget du laboratoire');
    await page.getByRole('button', { name: 'Approuver' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Approbation enregistrée');
    await expect.poll(() => page.getByText(/approuvée par Camille Directrice/).count()).toBe(1);
    await check('mission approved');
    await screenshot(page, 'approvals-02-approved');
    await page.getByRole('link', { name: 'Approbations' }).click();
    await expect.poll(() => page.getByText('Aucune mission n’attend votre approbation.').count()).toBe(1);
  }, 120_000);
});
