import type { Cabin } from '../shared/modes.ts';

// Severity says what the flag does to a mission: `blocking` forbids submission, `justification_required`
// needs a written reason, `warning` and `info` only inform.
export type PolicySeverity = 'info' | 'warning' | 'justification_required' | 'blocking';
export type PolicyFlag = { code: string; severity: PolicySeverity; message: string; legIndex?: number };

export type PolicyProfile = {
  id: string;
  // Internal rule of the school: a flight needs a justification where rail takes less than this.
  railThresholdMinutes: number;
  // Décret 2023-385 (loi Climat et résilience art. 145): domestic routes closed to scheduled flights.
  bannedAirportPairs: ReadonlyArray<readonly [string, string]>;
  economyOnly: boolean;
};

export const defaultPolicyProfile = (railThresholdMinutes = 240): PolicyProfile => ({
  id: 'imt-mines-ales-2023',
  railThresholdMinutes,
  bannedAirportPairs: [
    ['ORY', 'NTE'],
    ['ORY', 'LYS'],
    ['ORY', 'BOD'],
  ],
  economyOnly: true,
});

export type FlightLegFacts = {
  legIndex: number;
  fromIata?: string;
  toIata?: string;
  cabin?: Cabin;
  railAvailable: boolean;
  railMinutes?: number;
};

export function isBannedRoute(profile: PolicyProfile, fromIata?: string, toIata?: string): boolean {
  if (!fromIata || !toIata) return false;
  return profile.bannedAirportPairs.some(([a, b]) => (a === fromIata && b === toIata) || (a === toIata && b === fromIata));
}

const hoursText = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(Math.round(minutes % 60)).padStart(2, '0')}`;

export function flightFlags(profile: PolicyProfile, leg: FlightLegFacts): PolicyFlag[] {
  const flags: PolicyFlag[] = [];
  // `legIndex` written out first in each flag rather than spread from a shared object: a spread is a
  // runtime copy, and this runs for every flight of every quote. Key order (legIndex first) is kept.
  const at = leg.legIndex;
  if (isBannedRoute(profile, leg.fromIata, leg.toIata)) {
    flags.push({ legIndex: at, code: 'flight.banned_route', severity: 'blocking', message: `Liaison aérienne ${leg.fromIata}–${leg.toIata} interdite (décret n° 2023-385, alternative ferroviaire de moins de 2 h 30) : prenez le train.` });
  }
  if (leg.railAvailable && leg.railMinutes !== undefined && leg.railMinutes < profile.railThresholdMinutes) {
    flags.push({ legIndex: at, code: 'flight.rail_under_threshold', severity: 'justification_required', message: `Le train met environ ${hoursText(leg.railMinutes)}, moins que le seuil de ${hoursText(profile.railThresholdMinutes)} : l'avion doit être justifié.` });
  }
  if (profile.economyOnly && leg.cabin !== undefined && leg.cabin !== 'economy') {
    flags.push({ legIndex: at, code: 'flight.cabin_not_economy', severity: 'justification_required', message: 'Seule la classe économique est prise en charge : une autre classe doit être justifiée.' });
  }
  flags.push({ legIndex: at, code: 'flight.offset_required', severity: 'info', message: "Ce vol donne lieu à une contribution carbone versée à l'enveloppe de compensation." });
  return flags;
}

export function needsJustification(flags: PolicyFlag[]): boolean {
  return flags.some((f) => f.severity === 'justification_required');
}

export function isBlocked(flags: PolicyFlag[]): boolean {
  return flags.some((f) => f.severity === 'blocking');
}
