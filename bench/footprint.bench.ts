import { loadFactorRegistry } from '../src/footprint/factors.loader.ts';
import { computeLegFootprint, type FootprintLegInput } from '../src/footprint/footprint.models.ts';

// A mix of the legs a quote sends: every mode, given and great-circle distances, inferred train types.
export function sampleLegs(): FootprintLegInput[] {
  const base = { roundTrip: false, travelers: 1, contrails: true } as const;
  return [
    { ...base, mode: 'plane', greatCircleKm: 5505.15, roundTrip: true },
    { ...base, mode: 'plane', greatCircleKm: 620, contrails: false },
    { ...base, mode: 'plane', givenDistanceKm: 1800, travelers: 3 },
    { ...base, mode: 'train', greatCircleKm: 32.5, fromCountry: 'FR', toCountry: 'FR', roundTrip: true },
    { ...base, mode: 'train', greatCircleKm: 580, fromCountry: 'FR', toCountry: 'FR' },
    { ...base, mode: 'train', greatCircleKm: 480, fromCountry: 'FR', toCountry: 'DE' },
    { ...base, mode: 'train', greatCircleKm: 900, fromCountry: 'FR', toCountry: 'PL', trainType: 'international' },
    { ...base, mode: 'car', givenDistanceKm: 42, fuel: 'thermal', travelers: 2 },
    { ...base, mode: 'car', greatCircleKm: 120, fuel: 'electric', roundTrip: true },
    { ...base, mode: 'bus', greatCircleKm: 200 },
    { ...base, mode: 'transit', greatCircleKm: 6, transitKind: 'metro' },
    { ...base, mode: 'transit', greatCircleKm: 8 },
    { ...base, mode: 'ferry', greatCircleKm: 180 },
    { ...base, mode: 'bike', greatCircleKm: 4 },
    { ...base, mode: 'walk', greatCircleKm: 1.2 },
    { ...base, mode: 'visio', hours: 3, travelers: 4 },
  ];
}

export function benchFootprint(legs = 3_000_000) {
  const set = loadFactorRegistry().defaultSet;
  const inputs = sampleLegs();
  const mask = inputs.length - 1; // 16 inputs: a power of two
  let checksum = 0;
  for (let i = 0; i < 200_000; i++) checksum += computeLegFootprint(inputs[i & mask]!, set).co2eGrams; // JIT warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < legs; i++) checksum += computeLegFootprint(inputs[i & mask]!, set).co2eGrams;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const legsPerSecond = Math.round(legs / seconds);
  return { name: 'computeLegFootprint in process', target: '≥ 1,000,000 legs/s', legsPerSecond, ok: legsPerSecond >= 1_000_000, checksum };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(benchFootprint());
}
