import { errorMessage, isAppError } from '../shared/errors.ts';
import { roundHalfUp } from '../shared/units.ts';
import type { Place } from '../places/places.types.ts';
import type { PlaceResolver } from '../places/places.usecases.ts';
import { haversineKm } from '../footprint/distance.models.ts';
import type { CompiledFactorSet } from '../footprint/factors.models.ts';
import { computeLegFootprint } from '../footprint/footprint.models.ts';
import type { TripParams } from './import.repository.ts';
import type { NormalisedRow } from './import-row.models.ts';
import { RowProblem } from './import-values.models.ts';

// A normalised row → the stored trip: places resolved (once per distinct text in the file), the
// footprint computed by the engine with the chosen factor set, provenance recorded per row.

type Resolved = Place | RowProblem;
type Ends = { from: Place | null; to: Place | null };

const countrySuffix = (text: string): string | null => /,\s*([A-Z]{2})$/.exec(text)?.[1] ?? null;

export function tripBuilder(places: PlaceResolver, set: CompiledFactorSet, importId: string, entityIds: Map<string, string>) {
  // A flight resolves a city to its airport, any other mode to the city: one cache for each.
  const airports = new Map<string, Resolved>();
  const towns = new Map<string, Resolved>();

  function resolve(text: string, plane: boolean, field: 'from' | 'to'): Resolved {
    const cache = plane ? airports : towns;
    let hit = cache.get(text);
    if (hit === undefined) {
      try {
        hit = places.resolve(text, { mode: plane ? 'plane' : 'train', path: field });
      } catch (err) {
        if (!isAppError(err)) throw err;
        hit = new RowProblem(field, err.code, errorMessage(err));
      }
      cache.set(text, hit);
    }
    return hit;
  }

  // With a distance given, a place the gazetteer does not know is tolerated: the distance is used,
  // the label kept as typed and the country read from a ", CC" suffix when there is one. A visio
  // needs no place; one given (the other party's) only tells whether the call crossed a border.
  function ends(row: NormalisedRow): Ends {
    const visio = row.mode === 'visio';
    if (!visio && (row.from === null || row.to === null)) return { from: null, to: null };
    const plane = row.mode === 'plane';
    const from = row.from === null ? null : resolve(row.from, plane, 'from');
    const to = row.to === null ? null : resolve(row.to, plane, 'to');
    if (row.givenDistanceKm === null && !visio) {
      if (from instanceof RowProblem) throw from;
      if (to instanceof RowProblem) throw to;
    }
    return { from: from instanceof RowProblem ? null : from, to: to instanceof RowProblem ? null : to };
  }

  function greatCircle(row: NormalisedRow, from: Place | null, to: Place | null): number | undefined {
    return row.mode !== 'visio' && from && to ? haversineKm(from, to) : undefined;
  }

  return function build(row: NormalisedRow, rowKey: string): TripParams {
    const { from, to } = ends(row);
    const car = row.mode === 'car';
    const greatCircleKm = greatCircle(row, from, to);
    const fromCountry = from?.countryCode ?? (row.from ? countrySuffix(row.from) : null);
    const toCountry = to?.countryCode ?? (row.to ? countrySuffix(row.to) : null);
    let footprint;
    try {
      footprint = computeLegFootprint(
        {
          mode: row.mode,
          roundTrip: row.roundTrip,
          travelers: car ? (row.carPeople ?? row.travelers) : row.travelers,
          contrails: true,
          givenDistanceKm: row.givenDistanceKm ?? undefined,
          greatCircleKm,
          fromCountry,
          toCountry,
          transitKind: row.transitKind ?? undefined,
          hours: row.hours ?? undefined,
        },
        set,
      );
    } catch (err) {
      if (isAppError(err)) throw new RowProblem(err.details[0]?.path ?? 'row', err.code, errorMessage(err));
      throw err;
    }
    // One car listed once per agent (GES 1point5): each row carries its share, so the car counts once.
    const co2eGrams = row.carPeople ? roundHalfUp(footprint.co2eGrams / row.carPeople) : footprint.co2eGrams;
    const entityId = row.entityLabel ? (entityIds.get(row.entityLabel.toLowerCase()) ?? null) : null;
    return [
      rowKey, importId, row.line, row.missionRef, row.departOn, row.year, row.category, entityId, row.entityLabel, row.purpose,
      row.mode, row.transitKind, from?.label ?? row.from, to?.label ?? row.to, fromCountry, toCountry, greatCircleKm ?? null, row.givenDistanceKm,
      footprint.distanceKm, footprint.trips, row.travelers, row.carPeople, co2eGrams, set.id, set.version, footprint.factor.id, row.costCents, row.hours,
    ];
  };
}
