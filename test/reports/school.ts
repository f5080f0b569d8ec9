import { expect } from 'vitest';
import type { AppDeps } from '../../src/deps.ts';
import { createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { runImport } from './support.ts';
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
//   flight trips (travellers per flight row, a round trip once): M1 2 + M2 1 + M3 1 + M4 1 = 5
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
//   flights 2 + 1 + 4 = 7 (domestic 2); flight trips m1 1 + m2 1 + m6 2 = 4; grams 351 799 + 4 629 + 927 276 + 171 + 800 000 + 21 760 = 2 105 635
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

export async function seedSchool(deps: AppDeps): Promise<AppDeps> {
  const lgei = await createEntity(deps.database, { name: 'LGEI' });
  const lsr = await createEntity(deps.database, { name: 'LSR' });
  const line = await createBudgetLine(deps.database, lgei.id);
  const staff = await createUser(deps.database, { entityId: lgei.id, category: 'staff' });
  const student = await createUser(deps.database, { entityId: lsr.id, category: 'student' });
  expect(await runImport(deps, fixture2019)).toMatchObject({ imported: 7, bad: 0 });

  const fr = { fromCountry: 'FR', toCountry: 'FR' };
  const m1 = await seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'conference', departAt: '2026-03-10T06:00:00.000Z', destinationCountry: 'FR', legs: [{ mode: 'plane', trips: 2, travelers: 1, co2eGrams: 351_799, ...fr }] });
  const m2 = await seedMission(deps, {
    travellerId: student.id, entityId: lsr.id, purpose: 'student_mobility', departAt: '2025-12-31T23:30:00.000Z', destinationCountry: 'CA',
    legs: [{ mode: 'train', trips: 1, travelers: 1, co2eGrams: 4629, ...fr }, { mode: 'plane', trips: 1, travelers: 1, co2eGrams: 927_276, fromCountry: 'FR', toCountry: 'CA' }],
  });
  const m3 = await seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'recruitment', departAt: '2026-05-05T08:00:00.000Z', destinationCountry: 'CA', legs: [{ mode: 'visio', trips: 1, travelers: 3, co2eGrams: 171 }] });
  await seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'meeting', status: 'submitted', departAt: '2026-06-01T06:00:00.000Z', destinationCountry: 'FR', legs: [{ mode: 'plane', trips: 2, travelers: 1, co2eGrams: 500_000, ...fr }] });
  await seedMission(deps, { travellerId: staff.id, entityId: lgei.id, purpose: 'meeting', departAt: '2026-12-31T23:30:00.000Z', destinationCountry: 'FR', legs: [{ mode: 'plane', trips: 2, travelers: 1, co2eGrams: 400_000, ...fr }] });
  const m6 = await seedMission(deps, { travellerId: student.id, entityId: lsr.id, purpose: 'conference', departAt: '2026-09-09T07:00:00.000Z', destinationCountry: 'DE', legs: [{ mode: 'plane', trips: 2, travelers: 2, co2eGrams: 800_000, fromCountry: 'FR', toCountry: 'DE' }] });
  await seedReplacedFlight(deps, m3, 2, 'visio');
  await seedReplacedFlight(deps, m6, 1, 'train');
  await seedContribution(deps, m1, line.id, 3518, '2026-03-01T10:00:00.000Z');
  await seedContribution(deps, m2, line.id, 9273, '2026-01-10T10:00:00.000Z');
  await seedReversal(deps, m2, '2026-02-10T10:00:00.000Z');
  await seedContribution(deps, m6, line.id, 8000, '2026-08-01T10:00:00.000Z');
  return deps;
}

