// The modes of a leg, shared by places (a flight resolves a city to an airport), footprint, costs and quote.
export const transportModes = ['plane', 'train', 'car', 'bus', 'transit', 'ferry', 'bike', 'walk', 'visio'] as const;
export type TransportMode = (typeof transportModes)[number];

export const trainTypes = ['highspeed', 'intercity', 'regional', 'international'] as const;
export type TrainType = (typeof trainTypes)[number];

// Urban transit needs a sub-kind to pick its factor and distance correction.
export const transitKinds = ['metro', 'tram', 'rer', 'bus'] as const;
export type TransitKind = (typeof transitKinds)[number];

export const carFuels = ['thermal', 'electric'] as const;
export type CarFuel = (typeof carFuels)[number];

export const cabins = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof cabins)[number];
