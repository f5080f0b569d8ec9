// The contract of place resolution, shared by quote, missions and import.
export type Coordinates = { lat: number; lon: number };

// What a traveller typed: an IATA code ("MPL"), a city with its country ("Alès, FR"), or coordinates.
export type PlaceInput = string | Coordinates;

export type Place = {
  kind: 'airport' | 'city' | 'coordinates';
  label: string; // human label, e.g. "Montpellier-Méditerranée (MPL)" or "Alès, FR"
  lat: number;
  lon: number;
  countryCode: string | null; // ISO 3166-1 alpha-2, null only for bare coordinates
  iata?: string; // airports only
  city?: string; // city name (for an airport: the municipality it serves)
  population?: number; // cities only, GeoNames population
};

export type PlaceSuggestion = Place & { score: number };
