import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { computeQuote } from '../../src/quote/quote.usecases.ts';
import { quoteRequestSchema } from '../../src/quote/quote.schemas.ts';
import { quoteMessageOr } from '../../src/quote/quote.messages.ts';
import { testApp } from '../helpers/app.ts';

const { app, deps } = testApp();
// Montpellier–Orly, one day: rail (≈ 3 h 20 with the ×1.2 distance) is under the 4 h threshold.
// 07:00–20:00 is 13 h = 0.5417 mission day × 7 h = 3.79 → a 4 h visio.
const dayTrip = { departAt: '2027-03-10T07:00:00+01:00', returnAt: '2027-03-10T20:00:00+01:00', legs: [{ mode: 'plane', from: 'MPL', to: 'ORY' }] };
const quote = (body: unknown, lang?: 'fr' | 'en') => computeQuote(quoteRequestSchema.parse(body), deps.quote, lang);
const messageOf = (q: Awaited<ReturnType<typeof quote>>, code: string) => q.policy.find((p) => p.code === code)?.message;

describe('quote texts in the reader language', () => {
  it('words flags and alternative notes in English when asked, with the same figures', () => {
    const en = quote(dayTrip, 'en');
    const fr = quote(dayTrip);
    expect(messageOf(en, 'flight.offset_required')).toBe('This flight gives rise to a carbon contribution paid into the offset envelope.');
    expect(messageOf(en, 'flight.rail_under_threshold')).toMatch(/^The train takes about 3 h \d\d, less than the threshold of 4 h 00: the flight must be justified\.$/);
    const visio = en.alternatives.find((a) => a.mode === 'visio');
    expect(visio).toMatchObject({ available: true, note: 'Video conference of 4 h (7 h per mission day) for each participant.' });
    expect(en.alternatives.find((a) => a.mode === 'train')).toMatchObject({ note: 'Time and fare estimated from the distance (average speed per train type, €0.12/km): check on the carrier’s website.' });
    // French stays the default.
    expect(messageOf(fr, 'flight.offset_required')).toBe("Ce vol donne lieu à une contribution carbone versée à l'enveloppe de compensation.");
    expect(fr.alternatives.find((a) => a.mode === 'visio')).toMatchObject({ note: 'Visioconférence de 4 h (7 h par jour de mission) pour chaque participant.' });
    expect(en.totals).toEqual(fr.totals);
    expect(en.policy.map((p) => [p.code, p.severity, p.params])).toEqual(fr.policy.map((p) => [p.code, p.severity, p.params]));
  });

  it('gives the reason there is no rail in English, and a code to word it again', () => {
    const en = quote({ legs: [{ mode: 'plane', from: 'MPL', to: 'YUL' }] }, 'en');
    expect(en.alternatives.find((a) => a.mode === 'train')).toMatchObject({ available: false, reasonCode: 'no_rail_link', reason: 'No rail link between these places (intercontinental, or to an island such as Corsica).' });
  });

  it('words a stored French flag again in English from its code and params, or keeps an older text', () => {
    const stored = quote({ legs: [{ mode: 'plane', from: 'ORY', to: 'NTE' }] }).policy.find((p) => p.code === 'flight.banned_route')!;
    expect(stored.message).toMatch(/^Liaison aérienne ORY–NTE interdite/);
    expect(quoteMessageOr('en', stored.code, stored.params, stored.message)).toBe('Flights between ORY and NTE are banned (décret n° 2023-385, rail alternative under 2 h 30): take the train.');
    expect(quoteMessageOr('en', stored.code, undefined, 'texte ancien')).toBe('texte ancien');
    expect(quoteMessageOr('en', 'flight.unheard_of', {}, 'texte ancien')).toBe('texte ancien');
  });
});

describe('POST /api/quote?lang=', () => {
  it('answers in English with ?lang=en and in French without it', async () => {
    const en = await request(app).post('/api/quote?lang=en').send(dayTrip).expect(200);
    expect(en.body.policy.find((p: { code: string }) => p.code === 'flight.offset_required').message).toBe('This flight gives rise to a carbon contribution paid into the offset envelope.');
    const fr = await request(app).post('/api/quote').send(dayTrip).expect(200);
    expect(fr.body.policy.find((p: { code: string }) => p.code === 'flight.offset_required').message).toMatch(/^Ce vol donne lieu/);
  });

  it('refuses an unknown language with a 400 naming lang', async () => {
    const res = await request(app).post('/api/quote?lang=de').send(dayTrip).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('lang');
  });

  it('does not serve a cached French answer to an English request', async () => {
    const { app: fresh } = testApp();
    const french = await request(fresh).post('/api/quote').send(dayTrip).expect(200);
    const english = await request(fresh).post('/api/quote?lang=en').send(dayTrip).expect(200);
    expect(french.headers['x-quote-cache']).toBe('miss');
    expect(english.headers['x-quote-cache']).toBe('miss');
    expect(english.body.policy.at(-1).message).toBe('This flight gives rise to a carbon contribution paid into the offset envelope.');
    await request(fresh).post('/api/quote?lang=en').send(dayTrip).expect(200); // admitted to the cache
    const again = await request(fresh).post('/api/quote?lang=en').send(dayTrip).expect(200);
    expect(again.headers['x-quote-cache']).toBe('hit');
    expect(again.body).toEqual(english.body);
  });
});
