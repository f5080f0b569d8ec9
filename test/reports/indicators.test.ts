import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/deps.ts';
import { copilReport } from '../../src/reports/copil.usecases.ts';
import { co2eTargetGrams, flightReductionPercent, flightTarget } from '../../src/reports/settings.models.ts';
import { createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { reportDeps, runImport } from './support.ts';
import { seedContribution, seedMission, seedReplacedFlight, seedReversal } from './seed.ts';

// A hand-built school: the reference year 2019 comes from an import (engine figures), 2026 from
// missions validated in the app (grams set by hand). Every expected figure is counted below.
//
// 2019, imported (series A; corrected distances to 0.1 km, × trips × travellers × factor):
//   l.2 M1 LGEI staff conference, plane MPL–ORY round trip, 2 people: 4 flights, domestic;
//       680.2 × 2 × 2 × 258.6 = 703 598.9 → 703 599 g
//   l.3 M2 LSR student student_mobility, plane MRS–YUL one way: 1 flight; 6 100.5 × 152 = 927 276 g
//   l.4 M2 (same trip) train Alès–Marseille: 167.1 × 27.7 = 4 628.7 → 4 629 g
//   l.5 M3 LSR student student_mobility, plane MPL–YUL one way: 1 flight; 6 006.0 × 152 = 912 912 g
//   l.6 M4 LGEI staff recruitment, plane MPL–YUL round trip: 2 flights; 6 006.0 × 2 × 152 = 1 825 824 g
//   l.7 M5 LGEI staff meeting, train Paris–Brussels round trip: 317.2 × 2 × 3.97 = 2 518.6 → 2 519 g
//   flights 4 + 1 + 1 + 2 = 8 (domestic 4); grams 4 376 759 (plane 4 369 611, train 7 148)
// 2026, imported: l.8 LSR staff research, car 100 km one way: 100 × 217.6 = 21 760 g, no flight.
// 2026, missions (validated unless said):
//   m1 LGEI staff conference, plane FR–FR 2 trips × 1: 2 flights, domestic, 351 799 g; contribution 35,18 €
//   m2 LSR student student_mobility to CA, departs 31/12/2025 23:30 UTC = 1 January 2026 in Paris:
//      train 4 629 g + plane FR–CA 1 × 1: 1 flight, 927 276 g; contribution 92,73 € then reversed
//   m3 LGEI staff recruitment to CA, visio 171 g, no flight; 2 flights replaced by visio in the form
//   m4 LGEI staff meeting, SUBMITTED: plane 2 flights, 500 000 g — not counted
//   m5 LGEI staff meeting, departs 31/12/2026 23:30 UTC = 2027 in Paris: 2 flights, 400 000 g — not counted
//   m6 LSR student conference to DE, plane FR–DE 2 trips × 2: 4 flights, 800 000 g; 1 flight replaced
//      by train in the form; contribution 80,00 €
//   flights 2 + 1 + 4 = 7 (domestic 2); grams 351 799 + 4 629 + 927 276 + 171 + 800 000 + 21 760 = 2 105 635
//   (plane 2 079 075, train 4 629, visio 171, car 21 760)

const fixture2019 = [
  'mission;date;category;entity;purpose;mode;from;to;distance_km;round_trip;travelers',
  'M1;2019-03-14;staff;LGEI;conference;plane;Montpellier, FR;Paris, FR;;yes;2',
  'M2;2019-06-05;student;LSR;student_mobility;plane;Marseille, FR;Montréal, CA;;no;1',
  'M2;2019-06-05;student;LSR;student_mobility;train;Alès, FR;Marseille, FR;;no;1',
  'M3;2019-10-01;student;LSR;student_mobility;plane;Montpellier, FR;Montréal, CA;;no;1',
  'M4;2019-11-02;staff;LGEI;recruitment;plane;Montpellier, FR;Montréal, CA;;yes;1',
  'M5;2019-12-01;staff;LGEI;meeting;train;Paris, FR;Bruxelles, BE;;yes;1',
  'R1;2026-02-02;staff;LSR;research;car;;;100;no;1',
].join('\n');

function school(): AppDeps {
  const deps = reportDeps();
  const lgei = createEntity(deps.database, { name: 'LGEI' });
  const lsr = createEntity(deps.database, { name: 'LSR' });
  const line = createBudgetLine(deps.database, lgei.id);
  const staff = createUser(deps.database, { entityId: lgei.id, category: 'staff' });
  const student = createUser(deps.database, { entityId: lsr.id, category: 'student' });
  expect(runImport(deps, fixture2019)).toMatchObject({ imported: 7, bad: 0 });

  const fr = { fromCountry: 'FR', toCountry: 'FR' };
  const m1 = seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'conference', departAt: '2026-03-10T06:00:00.000Z', destinationCountry: 'FR', legs: [{ mode: 'plane', trips: 2, travelers: 1, co2eGrams: 351_799, ...fr }] });
  const m2 = seedMission(deps, {
    travellerId: student.id, entityId: lsr.id, purpose: 'student_mobility', departAt: '2025-12-31T23:30:00.000Z', destinationCountry: 'CA',
    legs: [{ mode: 'train', trips: 1, travelers: 1, co2eGrams: 4629, ...fr }, { mode: 'plane', trips: 1, travelers: 1, co2eGrams: 927_276, fromCountry: 'FR', toCountry: 'CA' }],
  });
  const m3 = seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'recruitment', departAt: '2026-05-05T08:00:00.000Z', destinationCountry: 'CA', legs: [{ mode: 'visio', trips: 1, travelers: 3, co2eGrams: 171 }] });
  seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'meeting', status: 'submitted', departAt: '2026-06-01T06:00:00.000Z', destinationCountry: 'FR', legs: [{ mode: 'plane', trips: 2, travelers: 1, co2eGrams: 500_000, ...fr }] });
  seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'meeting', departAt: '2026-12-31T23:30:00.000Z', destinationCountry: 'FR', legs: [{ mode: 'plane', trips: 2, travelers: 1, co2eGrams: 400_000, ...fr }] });
  const m6 = seedMission(deps, { travellerId: student.id, entityId: lsr.id, purpose: 'conference', departAt: '2026-09-09T07:00:00.000Z', destinationCountry: 'DE', legs: [{ mode: 'plane', trips: 2, travelers: 2, co2eGrams: 800_000, fromCountry: 'FR', toCountry: 'DE' }] });
  seedReplacedFlight(deps, m3, 2, 'visio');
  seedReplacedFlight(deps, m6, 1, 'train');
  seedContribution(deps, m1, line.id, 3518, '2026-03-01T10:00:00.000Z');
  seedContribution(deps, m2, line.id, 9273, '2026-01-10T10:00:00.000Z');
  seedReversal(deps, m2, '2026-02-10T10:00:00.000Z');
  seedContribution(deps, m6, line.id, 8000, '2026-08-01T10:00:00.000Z');
  return deps;
}

describe('copil indicators on a hand-built school (2026 against 2019)', () => {
  const deps = school();
  const report = copilReport(deps, { year: 2026 });

  it('counts flights: current, reference, avoided, replaced, domestic, target', () => {
    // avoided 8 − 7 = 1; replaced 2 (m3, visio) + 1 (m6, train) = 3.
    // Target for 2026: −20 % in 2024 to −30 % in 2027 in a straight line: 20 + 10 × 2/3 = 26.67 %;
    // 8 × (1 − 0.2667) = 5.87 → 6 flights.
    expect(report).toMatchObject({ year: 2026, reference: 2019 });
    expect(report.flights).toEqual({ current: 7, reference: 8, avoided: 1, replaced: 3, target: 6, targetReductionPercent: expect.closeTo(26.667, 3), domestic: { current: 2, reference: 4 } });
  });

  it('sums emissions, by mode, against the −5 %/yr trajectory', () => {
    // Target 2026: 4 376 759 × 0.95^7 = 4 376 759 × 0.698337 = 3 056 454.0 → 3 056 454 g.
    expect(report.co2eGrams).toEqual({ current: 2_105_635, reference: 4_376_759, target: 3_056_454 });
    expect(report.co2eByMode).toEqual([
      { mode: 'plane', current: 2_079_075, reference: 4_369_611 },
      { mode: 'train', current: 4629, reference: 7148 },
      { mode: 'car', current: 21_760, reference: 0 },
      { mode: 'visio', current: 171, reference: 0 },
    ]);
  });

  it('draws a series from the reference year to the year', () => {
    expect(report.series.map((p) => p.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(report.series.map((p) => p.flights)).toEqual([8, 0, 0, 0, 0, 0, 0, 7]);
    // Flight targets: 2021 = −8 % → 7.36 → 7; 2024 = −20 % → 6.4 → 6; 2025 = −23.33 % → 6.13 → 6.
    expect(report.series.map((p) => p.targetFlights)).toEqual([8, 8, 7, 7, 7, 6, 6, 6]);
    // Trajectory 2020: 4 376 759 × 0.95 = 4 157 921.05 → 4 157 921 g.
    expect(report.series[1]!.targetCo2eGrams).toBe(4_157_921);
    expect(report.series[7]).toMatchObject({ co2eGrams: 2_105_635, targetCo2eGrams: 3_056_454 });
  });

  it('computes the shares of international recruitment by visio and of student trips with rail pre-routing', () => {
    // 2026: recruitment abroad: m3 (visio, no flight) → 1 of 1. Students abroad with a flight: m2 (train too) and m6 → 1 of 2.
    // 2019: recruitment abroad: M4 by plane → 0 of 1. Students abroad with a flight: M2 (train too), M3 → 1 of 2.
    expect(report.shares).toEqual({
      recruitmentByVisio: { current: { numerator: 1, denominator: 1, percent: 100 }, reference: { numerator: 0, denominator: 1, percent: 0 } },
      studentRailPreRouting: { current: { numerator: 1, denominator: 2, percent: 50 }, reference: { numerator: 1, denominator: 2, percent: 50 } },
    });
  });

  it('counts flights offset and the euros in the envelope', () => {
    // Offset: m1 (2 flights) and m6 (4); m2's contribution was reversed. Contributions 35,18 + 80,00 = 115,18 €.
    // Envelope on 27/11/2026 (today): 35,18 + 92,73 − 92,73 + 80,00 = 115,18 €.
    expect(report.offset).toEqual({ flights: 6, missions: 2, contributionsCents: 11_518, envelopeBalanceCents: 11_518, asOf: '2026-11-27T10:00:00.000Z' });
    // At the end of 2026 nothing changes; before m1 and m6 (2025), nothing was offset.
    expect(copilReport(deps, { year: 2025 }).offset).toMatchObject({ flights: 0, contributionsCents: 0, envelopeBalanceCents: 0, asOf: '2025-12-31T23:00:00.000Z' });
  });

  it('breaks flights and emissions down by entity, purpose and category', () => {
    // LGEI: 2026 m1 2 flights (m3 none), 351 799 + 171 = 351 970 g; 2019 M1 4 + M4 2 = 6 flights, 703 599 + 1 825 824 + 2 519 = 2 531 942 g.
    // LSR: 2026 m2 1 + m6 4 = 5 flights, 4 629 + 927 276 + 800 000 + 21 760 = 1 753 665 g; 2019 M2 1 + M3 1 = 2, 927 276 + 4 629 + 912 912 = 1 844 817 g.
    expect(report.breakdowns.entity).toEqual([
      { key: 'LGEI', flights: { current: 2, reference: 6, avoided: 4 }, replaced: 2, co2eGrams: { current: 351_970, reference: 2_531_942 } },
      { key: 'LSR', flights: { current: 5, reference: 2, avoided: -3 }, replaced: 1, co2eGrams: { current: 1_753_665, reference: 1_844_817 } },
    ]);
    // staff: 2026 m1 2; 2019 M1 4 + M4 2 = 6. student: 2026 m2 1 + m6 4 = 5; 2019 M2 1 + M3 1 = 2.
    expect(report.breakdowns.category.map((r) => [r.key, r.flights.current, r.flights.reference])).toEqual([['staff', 2, 6], ['student', 5, 2]]);
    // conference: 2026 m1 2 + m6 4 = 6, 2019 M1 4; student_mobility 1 / 2; recruitment 0 / 2; others no flight.
    expect(report.breakdowns.purpose.map((r) => [r.key, r.flights.current, r.flights.reference])).toEqual([
      ['conference', 6, 4], ['student_mobility', 1, 2], ['recruitment', 0, 2], ['meeting', 0, 0], ['research', 0, 0],
    ]);
  });

  it('names each indicator’s definition in French and English', () => {
    expect(report.definitions.flights.fr).toContain('aller-retour de deux personnes compte 4 vols');
    expect(report.definitions.flights.en).toContain('round trip of two people counts 4 flights');
    expect(report.definitions.flightTarget.fr).toContain('−20 % en 2024, −30 % en 2027');
    expect(report.definitions.envelope.fr).toContain('2026-11-27');
  });

  it('answers for another reference year and for a year before the reference', () => {
    const against2026 = copilReport(deps, { year: 2026, reference: 2026 });
    expect(against2026.flights).toMatchObject({ current: 7, reference: 7, avoided: 0 });
    const before = copilReport(deps, { year: 2018 });
    expect(before.series.map((p) => p.year)).toEqual([2018, 2019]);
    expect(before.flights).toMatchObject({ current: 0, reference: 8, target: null });
  });
});

describe('targets', () => {
  it('interpolates flight targets between milestones and compounds the GHG trajectory', () => {
    const targets = [{ year: 2024, reductionPercent: 20 }, { year: 2027, reductionPercent: 30 }];
    expect([2018, 2019, 2022, 2024, 2027, 2030].map((y) => flightReductionPercent(2019, targets, y))).toEqual([null, 0, 12, 20, 30, 30]);
    // 150 flights in 2019, 2022 target −12 %: 132.
    expect(flightTarget(150, 2019, targets, 2022)).toBe(132);
    // 1 000 000 g, −5 %/yr, 2 years: 902 500 g.
    expect(co2eTargetGrams(1_000_000, 2019, 5, 2021)).toBe(902_500);
    expect(co2eTargetGrams(1_000_000, 2019, 5, 2018)).toBeNull();
  });
});
