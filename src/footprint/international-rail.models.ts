import type { AppError } from '../shared/errors.ts';
import type { FactorRow } from './factors.schemas.ts';
import { cleanDecimal, compileFactor, freezeProvenance, type CompiledFactor, type FactorSetMeta } from './provenance.models.ts';

// International rail is priced by country (grid mix and traction differ widely: CH 0.5 g, DE 17.21 g
// per pkm). A trip across a border uses the mean of the two countries' intensities, as if half of
// the distance ran in each; "*" stands for any country the set does not list (a documented fallback).
export const OTHER_COUNTRY = '*';

// from → to → factor, every pair of listed countries (and "*") precomputed at load.
export type InternationalRailTable = ReadonlyMap<string, ReadonlyMap<string, CompiledFactor>>;

type TrainRow = Extract<FactorRow, { mode: 'train' }>;
type CountryFactor = { row: TrainRow; factor: CompiledFactor };

const display = (grams: number) => String(cleanDecimal(grams)).replace('.', ',');
const codeOf = (country: string) => (country === OTHER_COUNTRY ? 'other' : country);
const nameOf = (country: string) => (country === OTHER_COUNTRY ? 'autre pays' : country);

function pairFactor(a: string, ca: CountryFactor, b: string, cb: CountryFactor, set: FactorSetMeta): CompiledFactor {
  const grams = cleanDecimal((ca.factor.gramsPerUnit + cb.factor.gramsPerUnit) / 2);
  const sameSource = ca.row.source === cb.row.source;
  const versionA = ca.factor.provenance.version;
  const versionB = cb.factor.provenance.version;
  const provenance = freezeProvenance({
    id: `train.international.${codeOf(a)}-${codeOf(b)}`,
    label: `Train international ${nameOf(a)} → ${nameOf(b)} : moyenne de ${display(ca.factor.gramsPerUnit)} (${nameOf(a)}) et ${display(cb.factor.gramsPerUnit)} (${nameOf(b)}) gCO2e/pkm`,
    value: grams,
    unit: 'gCO2e/pkm',
    source: sameSource
      ? `Moyenne arithmétique (choix Empreinte) des lignes ${ca.row.id} et ${cb.row.id} ; ${ca.row.source}`
      : `Moyenne arithmétique (choix Empreinte) de ${ca.row.id} (${ca.row.source}) et ${cb.row.id} (${cb.row.source})`,
    version: versionA === versionB ? versionA : `${versionA} ; ${versionB}`,
    setId: set.id,
    verified: ca.row.verified && cb.row.verified,
  });
  return Object.freeze({ gramsPerUnit: grams, provenance });
}

export function compileInternationalRail(rows: readonly FactorRow[], set: FactorSetMeta, failOn: (m: string) => AppError): InternationalRailTable {
  const byCountry = new Map<string, CountryFactor>();
  for (const row of rows) {
    if (row.mode !== 'train' || row.trainType !== 'international' || row.country === undefined) continue;
    if (byCountry.has(row.country)) throw failOn(`two international train rows for country ${row.country}`);
    byCountry.set(row.country, { row, factor: compileFactor(row, set) });
  }
  if (!byCountry.has(OTHER_COUNTRY)) throw failOn('no international train row for country "*" (fallback for unlisted countries)');
  const table = new Map<string, ReadonlyMap<string, CompiledFactor>>();
  for (const [a, ca] of byCountry) {
    const toMap = new Map<string, CompiledFactor>();
    for (const [b, cb] of byCountry) toMap.set(b, a === b ? ca.factor : pairFactor(a, ca, b, cb, set));
    table.set(a, toMap);
  }
  return table;
}

// A missing end takes the other end's country (a trip inside one country); both missing: "*".
export function internationalRailFactor(table: InternationalRailTable, fromCountry: string | null, toCountry: string | null): CompiledFactor {
  const from = fromCountry ?? toCountry ?? OTHER_COUNTRY;
  const to = toCountry ?? fromCountry ?? OTHER_COUNTRY;
  const row = table.get(from) ?? table.get(OTHER_COUNTRY)!;
  return row.get(to) ?? row.get(OTHER_COUNTRY)!;
}
