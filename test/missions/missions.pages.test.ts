import { beforeEach, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { testApp } from '../helpers/app.ts';
import { createUser, signedInAgent, type SignedInAgent, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';

// The form as a browser without JavaScript sends it: flat field names, strings only.
const montrealForm = (budgetLineId: string) => ({
  purpose: 'conference',
  budgetLineId,
  departDate: '2027-03-10',
  departTime: '07:00',
  returnDate: '2027-03-14',
  returnTime: '21:00',
  destinationCountry: 'CA',
  destinationCity: 'Montréal',
  'legs.0.mode': 'plane',
  'legs.0.from': 'MPL',
  'legs.0.to': 'YUL',
  'legs.0.roundTrip': 'on',
  'legs.0.travelers': '1',
  'legs.0.fareEuros': '950',
  'legs.0.cabin': 'economy',
});

const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error">([^<]+)<`).exec(html)?.[1];

describe('missions pages', () => {
  let app: Express;
  let deps: Awaited<ReturnType<typeof testApp>>['deps'];
  let budgetLineId: string;
  let traveller: TestUser;
  let staff: SignedInAgent;
  let secretariat: SignedInAgent;

  beforeEach(async () => {
    ({ app, deps } = testApp());
    const entity = await createEntity(deps.database, { name: 'Laboratoire des Sciences des Risques' });
    budgetLineId = (await createBudgetLine(deps.database, entity.id, { code: 'LSR-FONC', label: 'Fonctionnement' })).id;
    traveller = await createUser(deps.database, { roles: ['staff'], entityId: entity.id, name: 'Camille Martin' });
    staff = await signedInAgent(app, traveller);
    secretariat = await signedInAgent(app, await createUser(deps.database, { roles: ['secretariat'], name: 'Dominique SFI' }));
  });

  const post = (who: SignedInAgent, url: string, form: Record<string, string>) => who.agent.post(url).type('form').send({ _csrf: who.csrfToken, ...form });
  const missionCount = () => (deps.database.sqlite.prepare('select count(*) as n from missions').get() as { n: number }).n;

  it('adds and removes legs without JavaScript, keeping what was typed', async () => {
    const added = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), intent: 'add_leg' }).expect(200);
    expect(added.text).toContain('name="legs.1.mode"');
    expect(added.text).toContain('value="YUL"');
    const removed = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), 'legs.1.mode': 'train', 'legs.1.from': 'Alès, FR', intent: 'remove_leg:0' }).expect(200);
    expect(removed.text).not.toContain('name="legs.1.mode"');
    expect(removed.text).toContain('value="Alès, FR"');
    expect(missionCount()).toBe(0);
  });

  it('shows the estimate with the rail and visio alternatives beside the flight', async () => {
    const res = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), intent: 'quote' }).expect(200);
    expect(res.text).toMatch(/data-figure="co2e">[\d\s  ,]+ kg CO2e</);
    expect(res.text).toContain('data-alternative="train"');
    expect(res.text).toContain('Pas de liaison ferroviaire');
    expect(res.text).toContain('value="switch:0:visio"');
  });

  it('puts each error next to its field, in the page language', async () => {
    const res = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), 'legs.0.to': 'Nullepartville', destinationCountry: '', intent: 'save' }).expect(400);
    expect(fieldError(res.text, 'field-destinationCountry')).toBeDefined();
    expect(res.text).toContain('class="error-summary"');
    const english = await staff.agent.post('/missions/new?lang=en').type('form').send({ _csrf: staff.csrfToken, ...montrealForm(budgetLineId), departDate: '', intent: 'save' }).expect(400);
    expect(english.text).toContain('<html lang="en">');
    expect(fieldError(english.text, 'field-departDate')).toBe('This field is required.');
    // The agent remembers English from the request above: the place error is worded in English too.
    const unknownPlace = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), 'legs.0.to': 'Nullepartville', intent: 'quote' }).expect(200);
    expect(fieldError(unknownPlace.text, 'field-legs-0-to')).toMatch(/Unknown place: “Nullepartville”/);
    const inFrench = await post(staff, '/missions/new?lang=fr', { ...montrealForm(budgetLineId), 'legs.0.to': 'Nullepartville', intent: 'quote' }).expect(200);
    expect(fieldError(inFrench.text, 'field-legs-0-to')).toMatch(/Lieu inconnu : « Nullepartville »/);
    expect(missionCount()).toBe(0);
  });

  it('keeps the draft and asks the justification next to its field when the flight needs one', async () => {
    const paris = { ...montrealForm(budgetLineId), destinationCountry: 'FR', destinationCity: 'Paris', 'legs.0.to': 'ORY', returnDate: '2027-03-10' };
    const res = await post(staff, '/missions/new', { ...paris, intent: 'submit' }).expect(400);
    expect(fieldError(res.text, 'field-justification')).toBe('Justifiez le vol en au moins 20 caractères.');
    expect(missionCount()).toBe(1);
    expect(res.text).toMatch(/action="\/missions\/msn_[\w-]+\/edit"/);
  });

  it('a double click on "save" creates one mission', async () => {
    const form = { ...montrealForm(budgetLineId), intent: 'save', _idem: 'form-render-1' };
    const first = await post(staff, '/missions/new', form).expect(303);
    const second = await post(staff, '/missions/new', form).expect(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(missionCount()).toBe(1);
  });

  it('switches the flight to visio in one click from the form', async () => {
    const res = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), intent: 'switch:0:visio' }).expect(303);
    const edit = await staff.agent.get(String(res.headers.location)).expect(200);
    expect(edit.text).toContain('Le vol a été remplacé');
    expect(edit.text).toMatch(/<option value="visio" selected>/);
    const avoided = deps.database.sqlite.prepare('select replaced_by from avoided_flights').all();
    expect(avoided).toEqual([{ replaced_by: 'visio' }]);
  });

  it('the secretariat filters its queue, needs a comment to return, and the traveller sees it', async () => {
    const created = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), justification: 'Communication invitée au congrès', intent: 'submit' }).expect(303);
    const missionPath = created.headers.location as string;
    const queue = await secretariat.agent.get('/secretariat').expect(200);
    expect(queue.text).toContain('Camille Martin');
    const empty = await secretariat.agent.get('/secretariat?from=2027-04-01').expect(200);
    expect(empty.text).toContain('Aucune mission ne correspond');

    const id = missionPath.split('/').pop()!;
    const noComment = await post(secretariat, `/missions/${id}/action`, { intent: 'return', comment: '' }).expect(400);
    expect(fieldError(noComment.text, 'field-comment')).toBe('Saisissez un commentaire pour le missionnaire.');
    await post(secretariat, `/missions/${id}/action?from=queue`, { intent: 'return', comment: 'Joignez le programme' }).expect(303);
    const edit = await staff.agent.get(`/missions/${id}/edit`).expect(200);
    expect(edit.text).toContain('« Joignez le programme »');
  });

  it('guards the pages: queue for the secretariat, another person’s mission is not found, CSRF on forms', async () => {
    await staff.agent.get('/secretariat').expect(403);
    const created = await post(staff, '/missions/new', { ...montrealForm(budgetLineId), intent: 'save' }).expect(303);
    const path = String(created.headers.location).replace('/edit', '');
    const other = await signedInAgent(app, await createUser(deps.database, { roles: ['staff'] }));
    await other.agent.get(path).expect(404);
    await other.agent.get(`${path}/edit`).expect(404);
    await staff.agent.post('/missions/new').type('form').send({ ...montrealForm(budgetLineId), intent: 'save' }).expect(403);
    await staff.agent.get('/missions').expect(200).then((r) => expect(r.text).toContain('Montréal (Canada)'));
  });
});
