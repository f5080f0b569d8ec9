import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { signedInAgent, type SignedInAgent } from '../helpers/auth.ts';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { claimFormFromBody, claimInputFromForm, claimFormField, editRows, parseClaimIntent } from '../../src/claims/claim-form.models.ts';
import { putClaimSchema } from '../../src/claims/claims.schemas.ts';
import { claimWorld, files, parisFlightTrip } from './support.ts';

installLedgerAuditor();

const post = (who: SignedInAgent, url: string, form: Record<string, string>) => who.agent.post(url).type('form').send({ _csrf: who.csrfToken, ...form });
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error">([^<]+)<`).exec(html)?.[1];

// The claim form as the browser sends it for the Paris trip made by train, with a hotel night.
const parisByTrainForm = {
  departDate: '2027-02-02', departTime: '07:00', returnDate: '2027-02-03', returnTime: '21:00', destinationCountry: 'FR', destinationCity: 'Paris',
  'legs.0.mode': 'train', 'legs.0.from': 'Montpellier, FR', 'legs.0.to': 'Paris, FR', 'legs.0.roundTrip': 'on', 'legs.0.travelers': '1', 'legs.0.fareEuros': '180', 'legs.0.cabin': 'economy',
  'expenses.0.kind': 'taxi', 'expenses.0.amountEuros': '42,50', 'expenses.0.date': '2027-02-02', 'expenses.0.label': 'Taxi gare – hôtel',
  note: 'Train au lieu de l’avion',
};

describe('claim form model', () => {
  it('reads French euros into cents, maps API paths back to fields, and edits rows without saving', () => {
    const form = claimFormFromBody(parisByTrainForm);
    const input = putClaimSchema.parse(claimInputFromForm(form));
    expect(input.expenses).toEqual([{ kind: 'taxi', amountCents: 4_250, date: '2027-02-02', label: 'Taxi gare – hôtel' }]);
    expect(input.trip?.legs[0]).toMatchObject({ mode: 'train', fareCents: 18_000 });
    const bad = putClaimSchema.safeParse(claimInputFromForm(claimFormFromBody({ ...parisByTrainForm, 'expenses.0.amountEuros': '-3' })));
    expect(bad.success).toBe(false);
    expect(claimFormField(bad.error!.issues[0]!.path.join('.'))).toBe('expenses.0.amountEuros');
    expect(claimFormField('trip.legs.0.from')).toBe('legs.0.from');
    expect(claimFormField('trip.returnAt')).toBe('returnDate');
    expect(editRows(form, parseClaimIntent('add_expense')).expenses).toHaveLength(2);
    expect(editRows(form, parseClaimIntent('remove_expense:0')).expenses).toHaveLength(0);
    expect(parseClaimIntent('remove_leg:x')).toEqual({ kind: 'save' });
  });
});

describe('claim pages', () => {
  async function world() {
    const w = await claimWorld();
    const mission = await w.validatedMission(parisFlightTrip);
    const staff = await signedInAgent(w.app, w.traveller.user);
    const secretariat = await signedInAgent(w.app, w.secretariat.user);
    const finance = await signedInAgent(w.app, w.finance.user);
    return { ...w, mission, staff, secretariat, finance, page: `/missions/${mission.id}/claim` };
  }

  it('takes a claim from the mission to payment through the pages', async () => {
    const w = await world();
    const detail = await w.staff.agent.get(`/missions/${w.mission.id}`).expect(200);
    expect(detail.text).toContain(`href="${w.page}"`);
    const empty = await w.staff.agent.get(w.page).expect(200);
    expect(empty.text).toContain('value="create"');
    await post(w.staff, w.page, { intent: 'create' }).expect(303);
    const prefilled = await w.staff.agent.get(w.page).expect(200);
    expect(prefilled.text).toContain('value="ORY"');

    await post(w.staff, w.page, { ...parisByTrainForm, intent: 'save' }).expect(303);
    const saved = await request(w.app).get(w.claimUrl(w.mission.id)).set('Authorization', w.traveller.auth).expect(200);
    expect(saved.body.claim.trip.legs[0].mode).toBe('train');
    expect(saved.body.claim.expenses).toEqual([expect.objectContaining({ amountCents: 4_250 })]);
    const page = await w.staff.agent.get(w.page).expect(200);
    // Estimate beside actual: the flight gave way to a train, fewer kg, the contribution goes back.
    expect(page.text).toContain('compare__changed');
    expect(page.text).toMatch(/diff diff--down">−[\d\s  ,]+ kg CO2e/);

    // Submission without a receipt is refused next to the upload field; the save stays.
    const refused = await post(w.staff, w.page, { ...parisByTrainForm, version: String(saved.body.claim.version), intent: 'submit' }).expect(409);
    expect(fieldError(refused.text, 'field-file')).toContain('justificatifs');
    await w.staff.agent.post(`${w.page}/receipts`).field('_csrf', w.staff.csrfToken).field('label', 'Billets').attach('file', files.pdf, 'billets.pdf').expect(303);
    const current = await request(w.app).get(w.claimUrl(w.mission.id)).set('Authorization', w.traveller.auth).expect(200);
    expect(current.body.claim.receipts).toEqual([expect.objectContaining({ fileName: 'billets.pdf', label: 'Billets' })]);
    await post(w.staff, w.page, { ...parisByTrainForm, version: String(current.body.claim.version), intent: 'submit' }).expect(303);

    const queue = await w.secretariat.agent.get('/secretariat/claims').expect(200);
    expect(queue.text).toContain(`${w.page}?from=queue`);
    const review = await w.secretariat.agent.get(`${w.page}?from=queue`).expect(200);
    expect(review.text).toContain('billets.pdf');
    expect(review.text).toContain('value="certify"');
    expect(review.text).not.toContain('name="expenses.0.amountEuros"');
    const noComment = await post(w.secretariat, `${w.page}/action?from=queue`, { intent: 'return' }).expect(400);
    expect(fieldError(noComment.text, 'field-comment')).toBeTruthy();
    const certified = await post(w.secretariat, `${w.page}/action?from=queue`, { intent: 'certify' }).expect(303);
    expect(certified.headers.location).toBe('/secretariat/claims');
    const afterCertify = await request(w.app).get(w.claimUrl(w.mission.id)).set('Authorization', w.traveller.auth).expect(200);
    expect(afterCertify.body.claim.adjustment.amountCents).toBe(afterCertify.body.claim.quote.offset.amountCents - w.mission.quote.offset.amountCents);

    const toPay = await w.finance.agent.get('/finance/claims?from=2027-06-01&to=2027-06-30').expect(200);
    expect(toPay.text).toContain('/api/payments?from=2027-06-01&amp;to=2027-06-30&amp;status=certified&amp;format=csv');
    expect(toPay.text).toContain(`/missions/${w.mission.id}/claim/action?from=finance`);
    const noReference = await post(w.finance, `${w.page}/action?from=finance`, { intent: 'pay' }).expect(400);
    expect(fieldError(noReference.text, 'field-paymentReference')).toBeTruthy();
    await post(w.finance, `${w.page}/action?from=finance`, { intent: 'pay', paymentReference: 'MANDAT-12' }).expect(303);
    const paid = await w.finance.agent.get('/finance/claims?from=2027-06-01&to=2027-06-30&status=paid').expect(200);
    expect(paid.text).toContain('MANDAT-12');
  });

  it('shows bad amounts next to their field and saves nothing', async () => {
    const w = await world();
    await post(w.staff, w.page, { intent: 'create' }).expect(303);
    const before = await request(w.app).get(w.claimUrl(w.mission.id)).set('Authorization', w.traveller.auth).expect(200);
    const bad = await post(w.staff, w.page, { ...parisByTrainForm, 'expenses.0.amountEuros': 'douze', intent: 'save' }).expect(400);
    expect(fieldError(bad.text, 'field-expenses-0-amountEuros')).toBeTruthy();
    expect(bad.text).toContain('value="douze"');
    const after = await request(w.app).get(w.claimUrl(w.mission.id)).set('Authorization', w.traveller.auth).expect(200);
    expect(after.body.claim.version).toBe(before.body.claim.version);
    const added = await post(w.staff, w.page, { ...parisByTrainForm, intent: 'add_expense' }).expect(200);
    expect(added.text).toContain('name="expenses.1.amountEuros"');
  });

  it('refuses posts without the CSRF token, and hides claims from the copil and from other staff', async () => {
    const w = await world();
    await w.staff.agent.post(w.page).type('form').send({ intent: 'create' }).expect(403);
    await post(w.staff, w.page, { intent: 'create' }).expect(303);
    const other = await signedInAgent(w.app, w.other.user);
    await other.agent.get(w.page).expect(404);
    const copil = await signedInAgent(w.app, w.copil.user);
    await copil.agent.get(w.page).expect(404);
    await copil.agent.get('/finance/claims').expect(403);
    await w.staff.agent.get('/secretariat/claims').expect(403);
  });

  it('speaks English when asked', async () => {
    const w = await world();
    await post(w.staff, w.page, { intent: 'create' }).expect(303);
    const page = await w.staff.agent.get(`${w.page}?lang=en`).expect(200);
    expect(page.text).toContain('Estimate and actual');
  });
});
