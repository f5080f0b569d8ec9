import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { agentWith, countRows, eurFr, fieldError, pagesApp, postForm } from './pages-support.ts';

installLedgerAuditor();

// 1 000 km of medium-haul flight in 2027: 1 000 × 187.6 g = 187 600 g CO2e (see test/quote).
const trip2027 = { departAt: '2027-03-10T07:00:00+01:00', returnAt: '2027-03-10T20:00:00+01:00', legs: [{ mode: 'plane', distanceKm: 1000 }] };

describe('/admin', () => {
  it('is for admin only, sign-in first when anonymous', async () => {
    const ctx = pagesApp();
    const anonymous = await request(ctx.app).get('/admin').expect(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fadmin');
    for (const role of ['staff', 'finance', 'copil', 'secretariat'] as const) {
      const res = await (await agentWith(ctx, [role])).agent.get('/admin').expect(403);
      expect(res.text).toContain('Accès refusé');
    }
    const admin = (await (await agentWith(ctx, ['admin'])).agent.get('/admin').expect(200)).text;
    expect(admin).toMatch(/href="\/admin" aria-current="page"/);
    // No price set yet: this year (2026, Paris) shows the configured default of 100 €/t.
    expect(admin).toMatch(new RegExp(`<th scope="row">2026</th>\\s*<td class="num">${eurFr('100,00 €')}</td>\\s*<td>Prix par défaut</td>`));
    expect(admin).toContain('Aucun prix n’a encore été fixé');
    expect(admin).toContain('href="/finance"');
  });

  it('sets a price through the form: one more history row, and the quote of that year uses it', async () => {
    const ctx = pagesApp();
    const admin = await agentWith(ctx, ['admin'], 'Alix Admin');
    // At the default 100 €/t: 0.1876 t × 100 € = 18.76 € → 1 876 c.
    expect((await request(ctx.app).post('/api/quote').send(trip2027).expect(200)).body.offset).toMatchObject({ pricePerTonneCents: 10_000, amountCents: 1_876 });

    const set = await postForm(admin, '/admin/carbon-prices', { year: '2027', price: '85,50', note: 'CA du <b>12 mars</b>' }).expect(303);
    expect(set.headers.location).toBe('/admin#carbon-prices');
    expect(countRows(ctx, 'carbon_prices')).toBe(1);
    expect(ctx.deps.database.sqlite.prepare('select year, price_per_tonne_cents as cents, set_by as setBy from carbon_prices').get()).toEqual({ year: 2027, cents: 8_550, setBy: admin.userId });

    // At 85.50 €/t: 0.1876 × 85.50 = 16.0398 € → rounded up to the cent, 1 604 c.
    expect((await request(ctx.app).post('/api/quote').send(trip2027).expect(200)).body.offset).toMatchObject({ pricePerTonneCents: 8_550, amountCents: 1_604 });

    const page = (await admin.agent.get('/admin').expect(200)).text;
    expect(page).toContain(`Le prix du carbone pour 2027 est fixé à ${eurFr('85,50 €')} la tonne.`);
    expect(page).toMatch(new RegExp(`<th scope="row">2027</th>\\s*<td class="num">${eurFr('85,50 €')}</td>\\s*<td>Fixé par l’administration</td>`));
    expect(page).toMatch(/<td>27 nov\. 2026, 11:00<\/td>\s*<td>2027<\/td>\s*<td class="num">85,50\u00a0€<\/td>\s*<td>Alix Admin<\/td>\s*<td>CA du &lt;b&gt;12 mars&lt;\/b&gt;<\/td>/);

    // A second price for the same year is a new row; the history keeps both, newest first.
    await postForm(admin, '/admin/carbon-prices', { year: '2027', price: '120' }).expect(303);
    expect(countRows(ctx, 'carbon_prices')).toBe(2);
    const history = (await admin.agent.get('/admin?lang=en').expect(200)).text;
    expect(history.indexOf('€120.00')).toBeLessThan(history.lastIndexOf('€85.50'));
  });

  it('shows a bad price or year next to its field and records nothing', async () => {
    const ctx = pagesApp();
    const admin = await agentWith(ctx, ['admin']);
    const price = await postForm(admin, '/admin/carbon-prices', { year: '2027', price: 'douze' }).expect(400);
    expect(fieldError(price.text, 'price-price')).toMatch(/^Saisissez un prix en euros par tonne/);
    expect(price.text).toContain('value="douze"');
    const year = await postForm(admin, '/admin/carbon-prices', { year: '1800', price: '80' }).expect(400);
    expect(fieldError(year.text, 'price-year')).toBeDefined();
    const empty = await postForm(admin, '/admin/carbon-prices', { year: '2027', price: '' }).expect(400);
    expect(fieldError(empty.text, 'price-price')).toBe('Ce champ est obligatoire.');
    const english = await admin.agent.post('/admin/carbon-prices?lang=en').type('form').send({ _csrf: admin.csrfToken, year: '2027', price: '1.234' }).expect(400);
    expect(fieldError(english.text, 'price-price')).toMatch(/^Enter a price in euros per tonne/);
    const finance = await agentWith(ctx, ['finance']);
    await postForm(finance, '/admin/carbon-prices', { year: '2027', price: '80' }).expect(403);
    expect(countRows(ctx, 'carbon_prices')).toBe(0);
  });
});
