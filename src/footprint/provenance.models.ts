import type { FactorRow, FactorSetFile } from './factors.schemas.ts';

// Where a figure of CO2e comes from. One frozen object per row (or per derived pair), built once at
// load and shared by every result, so the hot path allocates none.
export type FactorProvenance = {
  id: string;
  label: string;
  value: number;
  unit: string;
  source: string;
  version: string;
  setId: string;
  verified?: boolean; // false: the value is derived or NOT VERIFIED (see the data file's notes)
};

// `gramsPerUnit` is the value converted once to grams (per pkm, per vkm or per hour), so a leg is
// one multiplication away from integer grams.
export type CompiledFactor = { readonly gramsPerUnit: number; readonly provenance: FactorProvenance };

export type FactorSetMeta = Omit<FactorSetFile, 'rows'>;

// Strips binary noise such as 0.2586 * 1000 = 258.59999999999997 once, at load.
export function cleanDecimal(value: number): number {
  return Number(value.toPrecision(12));
}

export function gramsPerUnit(row: Pick<FactorRow, 'value' | 'unit'>): number {
  return cleanDecimal(row.unit.startsWith('kg') ? row.value * 1000 : row.value);
}

export function freezeProvenance(p: Required<FactorProvenance>): FactorProvenance {
  return Object.freeze({ id: p.id, label: p.label, value: p.value, unit: p.unit, source: p.source, version: p.version, setId: p.setId, verified: p.verified });
}

export function compileFactor(row: FactorRow, set: FactorSetMeta): CompiledFactor {
  const provenance = freezeProvenance({
    id: row.id,
    label: row.label,
    value: row.value,
    unit: row.unit,
    source: row.source,
    version: row.version ?? set.version,
    setId: set.id,
    verified: row.verified,
  });
  return Object.freeze({ gramsPerUnit: gramsPerUnit(row), provenance });
}
