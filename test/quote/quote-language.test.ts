import { describe, expect, it } from 'vitest';
import { computeQuote } from '../../src/quote/quote.usecases.ts';
import { quoteRequestSchema } from '../../src/quote/quote.schemas.ts';
import { quoteInLanguage } from '../../src/quote/quote-language.models.ts';
import { testApp } from '../helpers/app.ts';

const { deps } = testApp();
const quote = (body: unknown, lang: 'fr' | 'en') => computeQuote(quoteRequestSchema.parse(body), deps.quote, lang);
const day = { departAt: '2027-03-10T07:00:00+01:00', returnAt: '2027-03-12T20:00:00+01:00' };

// Trips that raise every kind of text: each flag code, both rail outcomes and the visio note.
const trips: Record<string, unknown> = {
  'Orly–Nantes, business class (banned route, rail under threshold, cabin)': { ...day, legs: [{ mode: 'plane', from: 'ORY', to: 'NTE', cabin: 'business' }] },
  'Montpellier–Montréal with a per diem in dollars (no rail link, foreign currency)': { ...day, destination: { country: 'CA', city: 'Montréal' }, legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true }] },
  'a flight given by distance to a country without a known rate (places unknown, rate unknown)': { ...day, destination: { country: 'KZ' }, legs: [{ mode: 'plane', distanceKm: 5200 }] },
  'Montpellier–Paris by train then a visio (no flight)': { ...day, legs: [{ mode: 'train', from: 'Montpellier, FR', to: 'Paris, FR' }, { mode: 'visio', hours: 2 }] },
};

describe('a stored quote worded again in the reader language', () => {
  for (const [name, trip] of Object.entries(trips)) {
    it(`French quote read in English is the English quote: ${name}`, () => {
      const french = quote(trip, 'fr');
      const english = quote(trip, 'en');
      expect(quoteInLanguage(french, 'en')).toEqual(english);
      expect(quoteInLanguage(english, 'fr')).toEqual(french);
    });
  }

  it('raises the texts it is meant to reword (the trips above are not trivially equal)', () => {
    const codes = Object.values(trips).flatMap((trip) => quote(trip, 'fr').policy.map((p) => p.code));
    expect(new Set(codes)).toEqual(new Set(['flight.banned_route', 'flight.rail_under_threshold', 'flight.cabin_not_economy', 'flight.offset_required', 'per_diem.foreign_currency', 'per_diem.rate_unknown']));
    const french = quote(trips['Orly–Nantes, business class (banned route, rail under threshold, cabin)'], 'fr');
    expect(quoteInLanguage(french, 'en')).not.toEqual(french);
  });

  it('keeps a text whose code it does not know, as stored', () => {
    const french = quote(trips['Orly–Nantes, business class (banned route, rail under threshold, cabin)'], 'fr');
    const older = { ...french, policy: [{ code: 'flight.retired_rule', severity: 'info' as const, message: 'Texte ancien' }, ...french.policy] };
    expect(quoteInLanguage(older, 'en').policy[0]).toEqual({ code: 'flight.retired_rule', severity: 'info', message: 'Texte ancien' });
  });
});
