import { beforeEach, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { testApp } from '../helpers/app.ts';
import { createUser, signedInAgent, type SignedInAgent } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';

// Montpellier–Orly on one day: rail is under the 4 h threshold, so the flight needs a justification.
const parisForm = (budgetLineId: string) => ({
  purpose: 'meeting', budgetLineId, departDate: '2027-03-10', departTime: '07:00', returnDate: '2027-03-10', returnTime: '21:00',
  destinationCountry: 'FR', destinationCity: 'Paris', 'legs.0.mode': 'plane', 'legs.0.from': 'MPL', 'legs.0.to': 'ORY', 'legs.0.travelers': '1', 'legs.0.cabin': 'economy',
});

describe('the quote on the missions pages speaks the page language', () => {
  let app: Express;
  let staff: SignedInAgent;
  let budgetLineId: string;

  beforeEach(async () => {
    let deps;
    ({ app, deps } = testApp());
    const entity = await createEntity(deps.database, { name: 'Laboratoire des Sciences des Risques' });
    budgetLineId = (await createBudgetLine(deps.database, entity.id, { code: 'LSR-FONC', label: 'Fonctionnement' })).id;
    staff = await signedInAgent(app, await createUser(deps.database, { roles: ['staff'], entityId: entity.id, name: 'Camille Martin' }));
  });

  const post = (url: string, form: Record<string, string>) => staff.agent.post(url).type('form').send({ _csrf: staff.csrfToken, ...form });

  it('shows the English flag on an English form and the French one in French', async () => {
    const english = await post('/missions/new?lang=en', { ...parisForm(budgetLineId), intent: 'quote' }).expect(200);
    expect(english.text).toMatch(/The train takes about 3 h \d\d, less than the threshold of 4 h 00: the flight must be justified\./);
    expect(english.text).not.toContain('doit être justifié');
    // The page remembers the last language chosen, so French is asked for by name here.
    const french = await post('/missions/new?lang=fr', { ...parisForm(budgetLineId), intent: 'quote' }).expect(200);
    expect(french.text).toMatch(/Le train met environ 3 h \d\d, moins que le seuil de 4 h 00/);
  });

  it('words the flags of a mission saved in French again on its English detail page', async () => {
    const saved = await post('/missions/new', { ...parisForm(budgetLineId), intent: 'save' }).expect(303);
    const id = /msn_[\w-]+/.exec(String(saved.headers.location))![0];
    const french = await staff.agent.get(`/missions/${id}`).expect(200);
    expect(french.text).toMatch(/Le train met environ 3 h \d\d/);
    const english = await staff.agent.get(`/missions/${id}?lang=en`).expect(200);
    expect(english.text).toMatch(/The train takes about 3 h \d\d, less than the threshold of 4 h 00/);
    expect(english.text).not.toContain('Le train met environ');
  });
});
