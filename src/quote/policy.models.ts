import type { Cabin } from '../shared/modes.ts';
import { HOME_COUNTRY } from '../footprint/footprint.models.ts';
import { quoteMessage, type MessageParams, type QuoteLang, type QuoteMessageCode } from './quote.messages.ts';

// Severity says what the flag does to a mission: `blocking` forbids submission, `justification_required`
// needs a written reason, `warning` and `info` only inform.
export type PolicySeverity = 'info' | 'warning' | 'justification_required' | 'blocking';
// `params` are what `message` was built from, so the flag can be worded again in another language.
export type PolicyFlag = { code: string; severity: PolicySeverity; message: string; legIndex?: number; params?: MessageParams };

export type PolicyProfile = {
  id: string;
  // Internal rule of the school: a flight needs a justification where rail takes less than this.
  railThresholdMinutes: number;
  // Décret 2023-385 (loi Climat et résilience art. 145): domestic routes closed to scheduled flights.
  bannedAirportPairs: ReadonlyArray<readonly [string, string]>;
  economyOnly: boolean;
  // The action plan's trial on domestic flights: while it runs, every flight with both ends in France
  // (Corsica and the mainland included) needs a justification, whatever the train would take.
  domesticFlightsNeedJustification: boolean;
};

export const defaultPolicyProfile = (railThresholdMinutes = 240, domesticFlightsNeedJustification = false): PolicyProfile => ({
  id: 'imt-mines-ales-2023',
  railThresholdMinutes,
  domesticFlightsNeedJustification,
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
  fromCountry?: string | null;
  toCountry?: string | null;
  railAvailable: boolean;
  railMinutes?: number;
};

export function isBannedRoute(profile: PolicyProfile, fromIata?: string, toIata?: string): boolean {
  if (!fromIata || !toIata) return false;
  return profile.bannedAirportPairs.some(([a, b]) => (a === fromIata && b === toIata) || (a === toIata && b === fromIata));
}

export function flightFlags(profile: PolicyProfile, leg: FlightLegFacts, lang: QuoteLang = 'fr'): PolicyFlag[] {
  const flags: PolicyFlag[] = [];
  // `legIndex` written out first in each flag rather than spread from a shared object: a spread is a
  // runtime copy, and this runs for every flight of every quote. Key order (legIndex first) is kept.
  const at = leg.legIndex;
  if (isBannedRoute(profile, leg.fromIata, leg.toIata)) {
    flags.push(flightFlag(at, 'flight.banned_route', 'blocking', lang, { from: leg.fromIata ?? '', to: leg.toIata ?? '' }));
  }
  if (leg.railAvailable && leg.railMinutes !== undefined && leg.railMinutes < profile.railThresholdMinutes) {
    flags.push(flightFlag(at, 'flight.rail_under_threshold', 'justification_required', lang, { railMinutes: leg.railMinutes, thresholdMinutes: profile.railThresholdMinutes }));
  }
  if (profile.domesticFlightsNeedJustification && leg.fromCountry === HOME_COUNTRY && leg.toCountry === HOME_COUNTRY) {
    flags.push(flightFlag(at, 'flight.domestic', 'justification_required', lang, {}));
  }
  if (profile.economyOnly && leg.cabin !== undefined && leg.cabin !== 'economy') {
    flags.push(flightFlag(at, 'flight.cabin_not_economy', 'justification_required', lang, {}));
  }
  flags.push(flightFlag(at, 'flight.offset_required', 'info', lang, {}));
  return flags;
}

// A literal of fixed keys, legIndex first (see above): the message and the params it was built from.
function flightFlag(legIndex: number, code: QuoteMessageCode, severity: PolicySeverity, lang: QuoteLang, params: MessageParams): PolicyFlag {
  return { legIndex, code, severity, message: quoteMessage(lang, code, params), params };
}

export function needsJustification(flags: PolicyFlag[]): boolean {
  return flags.some((f) => f.severity === 'justification_required');
}

export function isBlocked(flags: PolicyFlag[]): boolean {
  return flags.some((f) => f.severity === 'blocking');
}
