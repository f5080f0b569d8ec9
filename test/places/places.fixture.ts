import { buildPlaceIndex, type RawAirport, type RawCity } from '../../src/places/places.index.ts';

// A tiny world, so that rules are tested apart from the shipped data.
let nextId = 1;
export function city(name: string, country: string, population: number, lat: number, lon: number, adminCode = '01'): RawCity {
  return { cityId: nextId++, name, country, adminCode, population, loc: { coordinates: [lon, lat] } };
}

export function airport(iata: string, name: string, type: 'large_airport' | 'medium_airport', lat: number, lon: number, municipality: string, country: string, scheduled = true): RawAirport {
  return {
    type, name, latitude_deg: String(lat), longitude_deg: String(lon), iso_country: country,
    municipality, scheduled_service: scheduled ? 'yes' : 'no', iata_code: iata,
  };
}

export function fixtureIndex() {
  return buildPlaceIndex({
    cities: [
      city('Alès', 'FR', 42_410, 44.12, 4.08, '76'),
      city('Ales', 'IT', 1_400, 39.77, 8.82),
      city('Paris', 'FR', 2_138_551, 48.85, 2.35, '11'),
      city('Paris', 'US', 24_782, 33.66, -95.56, 'TX'),
      city('Paris', 'US', 10_150, 36.3, -88.33, 'TN'),
      city('Vienne', 'FR', 32_293, 45.52, 4.87, '84'),
      city('Vienna', 'AT', 1_691_468, 48.21, 16.37, '09'),
      city('Brussels', 'BE', 1_019_022, 50.85, 4.35, 'BRU'),
      city('Dax', 'FR', 22_305, 43.71, -1.05, '75'),
      city('Fidji Town', 'FJ', 5_000, -17.7, 179.9),
    ],
    airports: [
      airport('FNI', 'Nîmes-Arles-Camargue Airport', 'medium_airport', 43.76, 4.42, 'Nîmes/Garons', 'FR'),
      airport('MPL', 'Montpellier-Méditerranée Airport', 'medium_airport', 43.58, 3.96, 'Montpellier/Méditerranée', 'FR'),
      airport('CDG', 'Charles de Gaulle International Airport', 'large_airport', 49.01, 2.55, 'Paris', 'FR'),
      airport('ORY', 'Paris-Orly Airport', 'large_airport', 48.72, 2.38, 'Paris', 'FR'),
      airport('XXU', 'Unscheduled Field', 'medium_airport', 44.1, 4.1, 'Alès', 'FR', false),
      airport('DAX', 'Dazhou Airport', 'medium_airport', 31.13, 107.43, 'Dazhou', 'CN'),
      airport('SUV', 'Nausori International Airport', 'medium_airport', -18.04, 178.56, 'Nausori', 'FJ'),
    ],
    countries: [
      { alpha2: 'FR', alpha3: 'FRA', names: ['France'] },
      { alpha2: 'US', alpha3: 'USA', names: ["États-Unis d'Amérique", 'United States of America'] },
      { alpha2: 'AT', alpha3: 'AUT', names: ['Autriche', 'Austria'] },
      { alpha2: 'BE', alpha3: 'BEL', names: ['Belgique', 'Belgium'] },
      { alpha2: 'IT', alpha3: 'ITA', names: ['Italie', 'Italy'] },
    ],
  });
}
