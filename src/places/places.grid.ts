import type { Coordinates } from './places.types.ts';

// A coarse one-degree lat/lon bucket index: "what is near this point" reads a handful of cells
// instead of scanning 135 000 cities.
export type Grid<T extends Coordinates> = Map<number, T[]>;

const KM_PER_DEGREE = 111.2;

function cellId(latCell: number, lonCell: number): number {
  const wrappedLon = ((lonCell % 360) + 360) % 360;
  return (latCell + 90) * 360 + wrappedLon;
}

export function buildGrid<T extends Coordinates>(items: readonly T[]): Grid<T> {
  const grid: Grid<T> = new Map();
  for (const item of items) {
    const id = cellId(Math.floor(item.lat), Math.floor(item.lon));
    const bucket = grid.get(id);
    if (bucket) bucket.push(item);
    else grid.set(id, [item]);
  }
  return grid;
}

// Every item in the cells that a circle of `radiusKm` around `point` touches (a superset of the
// circle: callers measure the real distance).
export function itemsNear<T extends Coordinates>(grid: Grid<T>, point: Coordinates, radiusKm: number): T[] {
  const latCell = Math.floor(point.lat);
  const latSpan = Math.ceil(radiusKm / KM_PER_DEGREE);
  // Meridians converge: near the poles one cell of longitude is only a few km wide.
  const cosLat = Math.max(0.01, Math.cos(((Math.abs(point.lat) + latSpan) * Math.PI) / 180));
  const lonSpan = Math.min(180, Math.ceil(radiusKm / (KM_PER_DEGREE * cosLat)));
  const lonCount = Math.min(360, 2 * lonSpan + 1); // never visit a wrapped cell twice
  const lonStart = Math.floor(point.lon) - lonSpan;
  const found: T[] = [];
  for (let la = Math.max(-90, latCell - latSpan); la <= Math.min(89, latCell + latSpan); la++) {
    for (let k = 0; k < lonCount; k++) {
      const bucket = grid.get(cellId(la, lonStart + k));
      if (bucket) for (const item of bucket) found.push(item);
    }
  }
  return found;
}
