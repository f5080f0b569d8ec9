import { itemsNear } from './places.grid.ts';
import type { AirportRecord, CityRecord, PlaceIndex } from './places.index.ts';
import { byPopulationDesc, AIRPORT_SEARCH_KM, chooseAirport, haversineKm, type NearbyAirport } from './places.models.ts';
import type { Coordinates, Place } from './places.types.ts';

// Queries over the index and the records → Place conversions. No errors thrown here: callers decide.

export function airportPlace(a: AirportRecord): Place {
  const place: Place = { kind: 'airport', label: `${a.name} (${a.iata})`, lat: a.lat, lon: a.lon, countryCode: a.country || null, iata: a.iata };
  if (a.city) place.city = a.city;
  return place;
}

// `withAdmin` gives "Paris, TX, US" so that each candidate of an ambiguous name can be typed back.
export function cityPlace(c: CityRecord, withAdmin = false): Place {
  const label = withAdmin && c.admin ? `${c.name}, ${c.admin}, ${c.country}` : `${c.name}, ${c.country}`;
  return { kind: 'city', label, lat: c.lat, lon: c.lon, countryCode: c.country, city: c.name, population: c.population };
}

// Cities that bear a name (or, with `viaAlias`, an alias such as "Bruxelles"), largest first,
// optionally inside one country and one GeoNames admin area ("TX").
export function citiesNamed(index: PlaceIndex, key: string, country: string | null, admin: string | null, viaAlias = false): CityRecord[] {
  const source = (viaAlias ? index.aliasesByKey : index.citiesByKey).get(key) ?? [];
  const wanted = admin?.toUpperCase() ?? null;
  const found = source.filter((c) => (country === null || c.country === country) && (wanted === null || c.admin.toUpperCase() === wanted));
  return viaAlias ? found.sort(byPopulationDesc) : found;
}

export const COUNTRY_OF_POINT_MAX_KM = 50;

// The nearest city within `maxKm`: how a bare point learns its country (a border may fool it).
export function nearestCity(index: PlaceIndex, point: Coordinates, maxKm = COUNTRY_OF_POINT_MAX_KM): CityRecord | null {
  let best: CityRecord | null = null;
  let bestKm = maxKm;
  for (const c of itemsNear(index.cityGrid, point, maxKm)) {
    const km = haversineKm(point, c);
    if (km <= bestKm) [best, bestKm] = [c, km];
  }
  return best;
}

export function coordinatesPlace(index: PlaceIndex, point: Coordinates): Place {
  const near = nearestCity(index, point);
  return { kind: 'coordinates', label: `${point.lat.toFixed(4)}, ${point.lon.toFixed(4)}`, lat: point.lat, lon: point.lon, countryCode: near?.country ?? null };
}

// The scheduled airport a flight from this point uses (rules in chooseAirport). `cityKey` names the
// city the traveller typed, so that its own airport counts as nearer.
export function airportNear(index: PlaceIndex, point: Coordinates, cityKey: string | null): AirportRecord | null {
  const nearby: NearbyAirport<AirportRecord>[] = [];
  for (const airport of itemsNear(index.scheduledGrid, point, AIRPORT_SEARCH_KM)) {
    const distanceKm = haversineKm(point, airport);
    if (distanceKm > AIRPORT_SEARCH_KM) continue;
    nearby.push({ airport, size: airport.size, servesCity: cityKey !== null && airport.cityKeys.includes(cityKey), distanceKm });
  }
  return chooseAirport(nearby)?.airport ?? nearestScheduledAirport(index, point);
}

// Remote places only (nothing within 200 km): a scan of ~3 200 scheduled airports.
function nearestScheduledAirport(index: PlaceIndex, point: Coordinates): AirportRecord | null {
  let best: AirportRecord | null = null;
  let bestKm = Infinity;
  for (const a of index.scheduledAirports) {
    const km = haversineKm(point, a);
    if (km < bestKm) [best, bestKm] = [a, km];
  }
  return best;
}
