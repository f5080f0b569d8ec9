import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRecords, detectSeparator, readCsv } from '../../src/reports/import-csv.models.ts';
import { headerKey, planColumns } from '../../src/reports/import-columns.models.ts';
import { countryCode } from '../../src/reports/import-countries.data.ts';
import { parseCategory, parseEurosToCents, parsePurpose } from '../../src/reports/import-values.models.ts';
import { reportDeps, runImport, trips } from './support.ts';

// GES 1point5's travel export, column names as in the reference note §2, tab-separated.
const gesHeader = [
  '# mission', 'Date de départ', 'Ville de départ', 'Pays de départ', 'Ville de destination', 'Pays de destination', 'Mode de déplacement',
  'Nb de personnes dans la voiture', 'Aller Retour (OUI si identiques, NON si différents)', 'Motif du déplacement (optionnel)', "Statut de l'agent (optionnel)",
];
const gesRows = [
  ['1', '14/03/2019', 'Paris', 'France', 'Bruxelles', 'Belgique', 'train', '', 'OUI', 'Colloques, congrès', 'Chercheur.e-EC'],
  ['2', '02/04/2019', 'Montpellier', 'France', 'Montréal', 'Canada', 'avion', '', 'NON', 'Étude terrain', 'Doctorant.e'],
  // Three agents in one car: one row each, as GES 1point5 lists them.
  ['3', '10/05/2019', 'Nîmes', 'France', 'Lyon', 'France', 'voiture', '3', 'OUI', 'Réunion', 'ITA'],
  ['3', '10/05/2019', 'Nîmes', 'France', 'Lyon', 'France', 'voiture', '3', 'OUI', 'Réunion', 'ITA'],
  ['3', '10/05/2019', 'Nîmes', 'France', 'Lyon', 'France', 'voiture', '3', 'OUI', 'Réunion', 'ITA'],
  ['4', '01/06/2019', 'Paris', 'France', 'Versailles', 'France', 'RER', '', 'NON', '', 'Étudiant'],
  ['5', '02/06/2019', 'Paris', 'France', 'Lyon', 'France', 'taxi', '', 'NON', 'Autre', ''],
  ['6', '03/06/2019', 'Paris', 'Atlantide', 'Lyon', 'France', 'train', '', 'NON', '', ''],
];
const gesFile = (separator: string, quote = (s: string) => s) => [gesHeader, ...gesRows].map((r) => r.map(quote).join(separator)).join('\r\n');

describe('GES 1point5 travel layout, as is', () => {
  it('reads the tab-separated export: French dates, countries and modes, OUI/NON, shared cars', async () => {
    const deps = await reportDeps();
    const summary = await runImport(deps, gesFile('\t'));
    expect(summary).toMatchObject({ layout: 'ges1point5', separator: '\t', rowsRead: 8, imported: 7, bad: 1 });
    expect(summary.errors.map((e) => [e.line, e.field, e.code])).toEqual([[9, 'from_country', 'country.unknown']]);
    const rows = await trips(deps);
    // l.2 Paris–Brussels train OUI: 317.2 km × 2 × 3.97 g = 2 518.6 → 2 519 g; "Colloques, congrès" → conference.
    expect(rows[0]).toMatchObject({ mode: 'train', trips: 2, co2e_grams: 2519, purpose: 'conference', traveller_category: 'staff', mission_ref: '1', depart_on: '2019-03-14', from_country: 'FR', to_country: 'BE' });
    // l.3 MPL–YUL NON: 5 910.95 + 95 = 6 006.0 km × 152 g = 912 912 g; "Étude terrain" → research; a PhD student is staff.
    expect(rows[1]).toMatchObject({ mode: 'plane', trips: 1, travelers: 1, co2e_grams: 912_912, purpose: 'research', traveller_category: 'staff' });
    // l.4–6 Nîmes–Lyon by car, 3 in it: 216.34 × 1.3 = 281.2 km × 2 × 217.6 g = 122 378.2 → 122 378 g for the car;
    // each agent's row carries a third: 40 792.7 → 40 793 g, so the car counts once (3 × 40 793 = 122 379, 1 g of rounding).
    expect(rows.slice(2, 5).map((r) => [r.mode, r.car_people, r.co2e_grams])).toEqual([['car', 3, 40_793], ['car', 3, 40_793], ['car', 3, 40_793]]);
    // l.7 RER → urban transit (RER kind), student; l.8 taxi → a thermal car.
    expect(rows[5]).toMatchObject({ mode: 'transit', transit_kind: 'rer', factor_id: 'transit.rer', traveller_category: 'student', purpose: 'other' });
    expect(rows[6]).toMatchObject({ mode: 'car', factor_id: 'car.thermal' });
  });

  it('detects `;` and `,` separators too (the comma inside a column name is quoted)', async () => {
    const quote = (s: string) => (/[,;"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    for (const separator of [';', ','] as const) {
      const deps = await reportDeps();
      const summary = await runImport(deps, gesFile(separator, quote));
      expect(summary).toMatchObject({ layout: 'ges1point5', separator, imported: 7, bad: 1 });
      expect((await trips(deps)).map((r) => r.co2e_grams)).toEqual([2519, 912_912, 40_793, 40_793, 40_793, expect.any(Number), expect.any(Number)]);
    }
  });
});

describe('separator detection', () => {
  it('picks the separator most frequent in the header line, outside quotes', () => {
    expect(detectSeparator('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(detectSeparator('a\tb\tc, d\n')).toBe('\t');
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(',');
    expect(detectSeparator('date\n2019-01-01\n')).toBe(',');
  });
});

describe('plain split and csv-parse agree on quote-free files', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '1', ',', ';', '\t', '-', 'Z'), maxLength: 6 });
  // One kind of line break per file (csv-parse keeps a stray \r of a mixed file in the cell).
  it('gives the same records and line numbers for random tables', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom(';', '\t', ','), (table, eol, separator) => {
        const text = `h1${separator}h2${separator}h3${eol}${table.map((r) => r.join(separator)).join(eol)}${eol}`;
        const plain = readCsv(text);
        const parsed = readCsv(text, { forceCsvParse: true });
        expect([plain.separator, plain.header, allRecords(plain)]).toEqual([parsed.separator, parsed.header, allRecords(parsed)]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cell values', () => {
  it('maps header names whatever their accents, case, apostrophes and remarks', () => {
    expect(headerKey("Statut de l’agent (optionnel)")).toBe('statut de l agent');
    expect(planColumns(gesHeader).columns).toMatchObject({ mission: 0, date: 1, from_city: 2, to_country: 5, car_people: 7, round_trip: 8, purpose: 9, category: 10 });
  });

  it('reads French country names and ISO codes', () => {
    expect(['France', 'Belgique', 'Royaume-Uni', 'États-Unis', 'Allemagne', 'fr', 'Canada', 'Suisse'].map(countryCode)).toEqual(['FR', 'BE', 'GB', 'US', 'DE', 'FR', 'CA', 'CH']);
    expect(countryCode('Atlantide')).toBeNull();
  });

  it('reads euros to the exact cent, half up', () => {
    expect(['12', '12,5', '1 234,56', '0,005', '0,004', '99,999 €'].map(parseEurosToCents)).toEqual([1200, 1250, 123_456, 1, 0, 10_000]);
  });

  it('maps categories and free-text purposes', () => {
    expect(['Étudiante', 'student', 'Stagiaire', 'ITA', '', 'Doctorant.e'].map(parseCategory)).toEqual(['student', 'student', 'student', 'staff', 'staff', 'staff']);
    expect(['Colloques, congrès', 'Jury de thèse', 'Enseignement', 'student_mobility', 'Visite', 'Pique-nique'].map(parsePurpose)).toEqual([
      'conference', 'recruitment', 'teaching', 'student_mobility', 'meeting', 'other',
    ]);
  });
});
