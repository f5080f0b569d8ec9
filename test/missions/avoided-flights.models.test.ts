import { describe, expect, it } from 'vitest';
import { withdrawalComment, withdrawnAvoidedFlights, type AvoidedFlightRecord, type CurrentLeg } from '../../src/missions/avoided-flights.models.ts';

// Places as the engine resolves them: airports serve a town, towns are their own town.
const MPL = { label: 'Montpellier-Méditerranée (MPL)', city: 'Montpellier', countryCode: 'FR' };
const ORY = { label: 'Paris-Orly (ORY)', city: 'Paris', countryCode: 'FR' };
const CDG = { label: 'Paris-Charles de Gaulle (CDG)', city: 'Paris', countryCode: 'FR' };
const YUL = { label: 'Montréal-Trudeau (YUL)', city: 'Montréal', countryCode: 'CA' };
const montpellier = { label: 'Montpellier, FR', city: 'Montpellier', countryCode: 'FR' };
const paris = { label: 'Paris, FR', city: 'Paris', countryCode: 'FR' };
const lyon = { label: 'Lyon, FR', city: 'Lyon', countryCode: 'FR' };
type Place = typeof MPL;

// MPL → ORY round trip switched to rail Montpellier → Paris (713,6 km), as the switch records it.
const railSwitch = (over: Partial<AvoidedFlightRecord> = {}): AvoidedFlightRecord => ({
  id: 'r1', legIndex: 0, replacedBy: 'train', flightTrips: 2, fromLabel: MPL.label, toLabel: ORY.label, fromTown: 'Montpellier, FR', toTown: 'Paris, FR',
  replacementFromLabel: 'Montpellier, FR', replacementToLabel: 'Paris, FR', replacementDistanceKm: 713.6, ...over,
});
const visioSwitch = (id: string): AvoidedFlightRecord => ({
  id, legIndex: 0, replacedBy: 'visio', flightTrips: 2, fromLabel: MPL.label, toLabel: YUL.label, fromTown: 'Montpellier, FR', toTown: 'Montréal, CA', replacementFromLabel: null, replacementToLabel: null, replacementDistanceKm: null,
});

let next = 0;
const leg = (mode: string, from: Place | null, to: Place | null, over: Partial<CurrentLeg> = {}): CurrentLeg => ({ index: next++, mode, distanceKm: 500, trips: 2, from, to, ...over });
const reasons = (records: AvoidedFlightRecord[], legs: CurrentLeg[]) => withdrawnAvoidedFlights(records, legs).map((w) => [w.record.id, w.reason]);

describe('an avoided flight stands while the mission keeps its replacement and does not fly the journey', () => {
  it('stands with its rail leg, wherever that leg now sits among the others', () => {
    expect(reasons([railSwitch()], [leg('train', montpellier, paris)])).toEqual([]);
    expect(reasons([railSwitch()], [leg('car', null, null, { trips: 1 }), leg('bus', lyon, montpellier), leg('train', montpellier, paris)])).toEqual([]);
  });

  it('is withdrawn when the rail leg is deleted or goes somewhere else', () => {
    expect(reasons([railSwitch()], [leg('car', null, null)])).toEqual([['r1', 'replacement_removed']]);
    expect(reasons([railSwitch()], [leg('train', montpellier, lyon)])).toEqual([['r1', 'replacement_removed']]);
  });

  it('is withdrawn when a plane flies the journey again, from either airport of the town, rail leg kept or not', () => {
    expect(reasons([railSwitch()], [leg('plane', MPL, ORY)])).toEqual([['r1', 'flight_restored']]);
    expect(reasons([railSwitch()], [leg('train', montpellier, paris), leg('plane', MPL, CDG)])).toEqual([['r1', 'flight_restored']]);
    // A plane leg typed with town names resolves to the towns: the same journey.
    expect(reasons([railSwitch()], [leg('plane', montpellier, paris)])).toEqual([['r1', 'flight_restored']]);
    // A round-trip flight is undone by flying it either way, one way only.
    expect(reasons([railSwitch()], [leg('train', montpellier, paris, { trips: 1 }), leg('plane', ORY, MPL, { trips: 1 })])).toEqual([['r1', 'flight_restored']]);
  });

  it('ignores flights of other journeys: Paris → Montréal after the train to Paris', () => {
    expect(reasons([railSwitch()], [leg('train', montpellier, paris), leg('plane', CDG, YUL)])).toEqual([]);
  });

  it('respects the direction of a one-way flight: outbound by train, return still flown', () => {
    const outbound = railSwitch({ flightTrips: 1 });
    expect(reasons([outbound], [leg('train', montpellier, paris, { trips: 1 }), leg('plane', ORY, MPL, { trips: 1 })])).toEqual([]);
    // A round-trip flight back covers the outbound too; a one-way train the other way is not the replacement.
    expect(reasons([outbound], [leg('train', montpellier, paris, { trips: 1 }), leg('plane', ORY, MPL, { trips: 2 })])).toEqual([['r1', 'flight_restored']]);
    expect(reasons([outbound], [leg('train', paris, montpellier, { trips: 1 })])).toEqual([['r1', 'replacement_removed']]);
    expect(reasons([outbound], [leg('train', paris, montpellier, { trips: 2 })])).toEqual([]);
  });

  it('accepts a rail leg given by its distance alone within 5 % of the recorded one', () => {
    // 713,6 × 5 % = 35,68 km: 690 km is 23,6 km off (stands), 760 km 46,4 km off (withdrawn).
    expect(reasons([railSwitch()], [leg('train', null, null, { distanceKm: 690 })])).toEqual([]);
    expect(reasons([railSwitch()], [leg('train', null, null, { distanceKm: 760 })])).toEqual([['r1', 'replacement_removed']]);
  });

  it('needs one leg per record: two flights to visio need two visio legs', () => {
    const records = [visioSwitch('v1'), visioSwitch('v2')];
    expect(reasons(records, [leg('visio', null, null), leg('visio', null, null)])).toEqual([]);
    // The older record keeps the one visio leg left.
    expect(reasons(records, [leg('visio', null, null)])).toEqual([['v2', 'replacement_removed']]);
    expect(reasons(records, [leg('visio', null, null), leg('plane', YUL, MPL)])).toEqual([['v1', 'flight_restored'], ['v2', 'flight_restored']]);
  });

  it('checks records written before the journey was kept by their leg index', () => {
    const legacy = railSwitch({ flightTrips: null, fromTown: null, toTown: null, replacementFromLabel: null, replacementToLabel: null, replacementDistanceKm: null });
    expect(reasons([legacy], [{ ...leg('train', montpellier, paris), index: 0 }])).toEqual([]);
    expect(reasons([legacy], [{ ...leg('car', null, null), index: 0 }, { ...leg('train', montpellier, paris), index: 1 }])).toEqual([['r1', 'replacement_removed']]);
    // Their direction is unknown: a plane either way undoes them.
    expect(reasons([legacy], [{ ...leg('train', montpellier, paris), index: 0 }, leg('plane', ORY, MPL, { trips: 1 })])).toEqual([['r1', 'flight_restored']]);
  });

  it('words the audit line in French', () => {
    expect(withdrawalComment(railSwitch(), 'flight_restored')).toBe('Vol évité Montpellier-Méditerranée (MPL) → Paris-Orly (ORY) retiré du rapport copil (vol rétabli)');
    expect(withdrawalComment(visioSwitch('v1'), 'replacement_removed')).toBe('Vol évité Montpellier-Méditerranée (MPL) → Montréal-Trudeau (YUL) retiré du rapport copil (visioconférence retirée)');
  });
});
