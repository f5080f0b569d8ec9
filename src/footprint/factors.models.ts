import type { AppError } from '../shared/errors.ts';
import { factorErrors } from './footprint.errors.ts';
import type { CarFuel, TransitKind } from '../shared/modes.ts';
import type { FactorRow, FactorSetFile } from './factors.schemas.ts';
import { compileBands, type CompiledBand } from './factor-bands.models.ts';
import { compileFactor, type CompiledFactor, type FactorSetMeta } from './provenance.models.ts';
import { compileInternationalRail, type InternationalRailTable } from './international-rail.models.ts';

export type { CompiledFactor, FactorProvenance, FactorSetMeta } from './provenance.models.ts';

export type CompiledFactorSet = FactorSetMeta & {
  readonly rows: readonly FactorRow[];
  readonly plane: { readonly withContrails: readonly CompiledBand[]; readonly withoutContrails: readonly CompiledBand[] };
  readonly train: { readonly highspeed: CompiledFactor; readonly intercity: CompiledFactor; readonly regional: CompiledFactor };
  readonly internationalRail: InternationalRailTable;
  readonly transit: Readonly<Record<TransitKind, CompiledFactor>>;
  readonly car: Readonly<Record<CarFuel, CompiledFactor>>;
  readonly bus: CompiledFactor;
  readonly ferry: CompiledFactor;
  readonly bike: CompiledFactor;
  readonly walk: CompiledFactor;
  readonly visio: CompiledFactor;
};

export type FactorRegistry = {
  readonly sets: readonly CompiledFactorSet[];
  readonly defaultSetId: string;
  readonly defaultSet: CompiledFactorSet;
  get(setId: string): CompiledFactorSet;
};

// Indexes the rows by their selectors; a duplicate or a missing slot refuses the whole set.
function slotKey(row: FactorRow): string | null {
  switch (row.mode) {
    case 'train':
      return row.trainType === 'international' ? null : `train.${row.trainType}`;
    case 'transit':
      return `transit.${row.transitKind}`;
    case 'car':
      return `car.${row.fuel}`;
    case 'plane':
      return null;
    default:
      return row.mode;
  }
}

const requiredSlots = [
  'train.highspeed', 'train.intercity', 'train.regional',
  'transit.metro', 'transit.tram', 'transit.rer', 'transit.bus',
  'car.thermal', 'car.electric', 'bus', 'ferry', 'bike', 'walk', 'visio',
] as const;
type Slot = (typeof requiredSlots)[number];

function setError(setId: string, message: string): AppError {
  return factorErrors.setInvalid({ file: setId, problem: message }, [{ path: setId, message }]);
}

function indexSlots(file: FactorSetFile): Record<Slot, CompiledFactor> {
  const seenIds = new Set<string>();
  const slots = new Map<string, CompiledFactor>();
  for (const row of file.rows) {
    if (seenIds.has(row.id)) throw setError(file.id, `duplicate row id ${row.id}`);
    seenIds.add(row.id);
    const key = slotKey(row);
    if (key === null) continue;
    if (slots.has(key)) throw setError(file.id, `two rows select ${key} (second: ${row.id})`);
    slots.set(key, compileFactor(row, file));
  }
  const missing = requiredSlots.filter((slot) => !slots.has(slot));
  if (missing.length > 0) throw setError(file.id, `no row for ${missing.join(', ')}`);
  return Object.fromEntries(slots) as Record<Slot, CompiledFactor>;
}

export function compileFactorSet(file: FactorSetFile): CompiledFactorSet {
  const { rows, ...meta } = file;
  const s = indexSlots(file);
  const planeRows = rows.filter((r) => r.mode === 'plane');
  const failOn = (message: string) => setError(file.id, message);
  return Object.freeze({
    ...meta,
    rows: Object.freeze(rows.map((r) => Object.freeze(r))),
    plane: Object.freeze({
      withContrails: compileBands(planeRows.filter((r) => r.contrails), meta, 'plane with contrails', failOn),
      withoutContrails: compileBands(planeRows.filter((r) => !r.contrails), meta, 'plane without contrails', failOn),
    }),
    train: Object.freeze({ highspeed: s['train.highspeed'], intercity: s['train.intercity'], regional: s['train.regional'] }),
    internationalRail: compileInternationalRail(rows, meta, failOn),
    transit: Object.freeze({ metro: s['transit.metro'], tram: s['transit.tram'], rer: s['transit.rer'], bus: s['transit.bus'] }),
    car: Object.freeze({ thermal: s['car.thermal'], electric: s['car.electric'] }),
    bus: s.bus,
    ferry: s.ferry,
    bike: s.bike,
    walk: s.walk,
    visio: s.visio,
  });
}

export function createFactorRegistry(sets: readonly CompiledFactorSet[], defaultSetId: string): FactorRegistry {
  const byId = new Map(sets.map((set) => [set.id, set]));
  const known = sets.map((set) => set.id).join(', ');
  const defaultSet = byId.get(defaultSetId);
  if (!defaultSet) {
    throw factorErrors.unknownDefault({ id: defaultSetId, known }, [
      { path: 'EMPREINTE_FACTOR_SET', message: `unknown factor set; known: ${known}` },
    ]);
  }
  return Object.freeze({
    sets,
    defaultSetId,
    defaultSet,
    get(setId: string): CompiledFactorSet {
      const set = byId.get(setId);
      if (!set) throw factorErrors.setNotFound({ id: setId, known }, [{ path: 'factorSet', message: `unknown factor set; known: ${known}` }]);
      return set;
    },
  });
}
