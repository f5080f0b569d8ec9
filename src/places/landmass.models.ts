// Which rail network a place stands on. Countries sharing the continental network (and Great Britain
// through the Channel Tunnel) are not enough: Corsica, the Balearic and Canary Islands, Sardinia,
// Madeira, the Azores, Crete, Northern Ireland… belong to rail-linked countries but no train reaches
// them from the mainland. A place on one of these islands shares a network only with places of the
// same island (Corsica and Sardinia have their own lines).
//
// Each island is a box around its extreme points, drawn so that no mainland coast falls inside
// (test/places/landmass.test.ts checks the nearest mainland towns stay out). Overseas departments and
// territories have country codes of their own (RE, GP, MQ, GF, YT…) and are outside the continental
// network already (src/quote/alternatives.models.ts).

export type Landmass = 'continent' | IslandId;

type Box = { south: number; north: number; west: number; east: number };
// `rail`: the island has passenger lines of its own (Corsica's CFC, Sardinia's, Mallorca's SFM,
// Northern Ireland's NIR); on the others no train runs even between two of their towns, nor between
// the islands of a group (Tenerife–Gran Canaria is a flight or a ferry).
type Island = { id: string; country: string; rail: boolean; boxes: readonly Box[] };

export const ISLANDS = [
  { id: 'corsica', country: 'FR', rail: true, boxes: [{ south: 41.33, north: 43.03, west: 8.53, east: 9.57 }] },
  { id: 'sardinia', country: 'IT', rail: true, boxes: [{ south: 38.85, north: 41.32, west: 8.1, east: 9.85 }] },
  { id: 'mallorca', country: 'ES', rail: true, boxes: [{ south: 39.25, north: 39.97, west: 2.3, east: 3.48 }] },
  { id: 'menorca', country: 'ES', rail: false, boxes: [{ south: 39.78, north: 40.1, west: 3.78, east: 4.35 }] },
  { id: 'ibiza-formentera', country: 'ES', rail: false, boxes: [{ south: 38.6, north: 39.13, west: 1.15, east: 1.65 }] },
  { id: 'canary-islands', country: 'ES', rail: false, boxes: [{ south: 27.6, north: 29.5, west: -18.2, east: -13.3 }] },
  { id: 'madeira', country: 'PT', rail: false, boxes: [{ south: 32.3, north: 33.2, west: -17.4, east: -16.2 }] },
  { id: 'azores', country: 'PT', rail: false, boxes: [{ south: 36.9, north: 39.8, west: -31.5, east: -24.9 }] },
  { id: 'crete', country: 'GR', rail: false, boxes: [{ south: 34.8, north: 35.7, west: 23.4, east: 26.4 }] },
  { id: 'rhodes', country: 'GR', rail: false, boxes: [{ south: 35.85, north: 36.5, west: 27.6, east: 28.3 }] },
  { id: 'northern-ireland', country: 'GB', rail: true, boxes: [{ south: 54.0, north: 55.25, west: -8.2, east: -5.4 }] },
  { id: 'orkney-shetland', country: 'GB', rail: false, boxes: [{ south: 58.7, north: 60.9, west: -3.5, east: -0.7 }] },
  { id: 'outer-hebrides', country: 'GB', rail: false, boxes: [{ south: 56.8, north: 58.55, west: -7.7, east: -6.1 }] },
  { id: 'bornholm', country: 'DK', rail: false, boxes: [{ south: 54.98, north: 55.3, west: 14.68, east: 15.2 }] },
  { id: 'gotland', country: 'SE', rail: false, boxes: [{ south: 56.9, north: 58.0, west: 18.0, east: 19.4 }] },
] as const satisfies readonly Island[];

export type IslandId = (typeof ISLANDS)[number]['id'];

const inside = (lat: number, lon: number, b: Box) => lat >= b.south && lat <= b.north && lon >= b.west && lon <= b.east;

export function landmassOf(place: { lat: number; lon: number; countryCode: string | null }): Landmass {
  const island = ISLANDS.find((i) => i.country === place.countryCode && i.boxes.some((b) => inside(place.lat, place.lon, b)));
  return island?.id ?? 'continent';
}

// Whether a train can link two places of this landmass: the continent, or an island with its own lines.
export const hasRail = (landmass: Landmass): boolean => landmass === 'continent' || ISLANDS.some((i) => i.id === landmass && i.rail);
