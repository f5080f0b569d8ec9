import type { AppError } from '../shared/errors.ts';
import type { FactorRow } from './factors.schemas.ts';
import { compileFactor, type CompiledFactor, type FactorSetMeta } from './provenance.models.ts';

type PlaneRow = Extract<FactorRow, { mode: 'plane' }>;

// A distance band reduced to its upper edge: bands are sorted and tile [0, ∞), so walking at most
// four thresholds with plain comparisons picks the factor without searching or allocating.
export type CompiledBand = { readonly maxKm: number; readonly maxInclusive: boolean; readonly factor: CompiledFactor };

function describe(row: PlaneRow): string {
  const b = row.band;
  return `${row.id} ${b.minInclusive ? '[' : '('}${b.minKm}, ${b.maxKm ?? '∞'}${b.maxInclusive ? ']' : ')'}`;
}

// Refuses gaps, overlaps and edges counted twice or never: each km must fall in exactly one band.
function checkTiling(sorted: PlaneRow[], what: string, failOn: (m: string) => AppError): void {
  if (sorted.length === 0) throw failOn(`no row for ${what}`);
  const first = sorted[0]!;
  if (first.band.minKm !== 0 || !first.band.minInclusive) throw failOn(`${what}: the first band must start at [0 km (${describe(first)})`);
  sorted.forEach((row, i) => {
    const next = sorted[i + 1];
    const { maxKm } = row.band;
    if (maxKm !== null && maxKm <= row.band.minKm) throw failOn(`${what}: empty band ${describe(row)}`);
    if (!next) {
      if (maxKm !== null) throw failOn(`${what}: the last band must have no upper bound (${describe(row)})`);
      return;
    }
    if (maxKm !== next.band.minKm) throw failOn(`${what}: gap or overlap between ${describe(row)} and ${describe(next)}`);
    if (row.band.maxInclusive === next.band.minInclusive) throw failOn(`${what}: the edge ${maxKm} km must belong to exactly one of ${describe(row)} and ${describe(next)}`);
  });
}

export function compileBands(rows: PlaneRow[], set: FactorSetMeta, what: string, failOn: (m: string) => AppError): readonly CompiledBand[] {
  const sorted = [...rows].sort((a, b) => a.band.minKm - b.band.minKm);
  checkTiling(sorted, what, failOn);
  return Object.freeze(
    sorted.map((row) => Object.freeze({ maxKm: row.band.maxKm ?? Number.POSITIVE_INFINITY, maxInclusive: row.band.maxInclusive, factor: compileFactor(row, set) })),
  );
}

export function pickBand(bands: readonly CompiledBand[], km: number): CompiledFactor {
  const last = bands.length - 1;
  for (let i = 0; i < last; i++) {
    const band = bands[i]!;
    if (km < band.maxKm || (band.maxInclusive && km === band.maxKm)) return band.factor;
  }
  return bands[last]!.factor;
}
