import { describe, expect, it } from 'vitest';
import { copilReport } from '../../src/reports/copil.usecases.ts';
import { co2eTargetGrams, flightReductionPercent, flightTarget } from '../../src/reports/settings.models.ts';
import { reportDeps } from './support.ts';
import { seedSchool } from './school.ts';

// The school and every figure counted by hand: test/reports/school.ts.
const school = async () => seedSchool(await reportDeps());

describe('copil indicators on a hand-built school (2026 against 2019)', async () => {
  const deps = await school();
  const report = await copilReport(deps, { year: 2026 });

  it('counts flights: current, reference, avoided, replaced, domestic, target', () => {
    // avoided 8 − 7 = 1; replaced 2 (m3, visio) + 1 (m6, train) = 3.
    // Target for 2026: −20 % in 2024 to −30 % in 2027 in a straight line: 20 + 10 × 2/3 = 26.67 %;
    // 8 × (1 − 0.2667) = 5.87 → 6 flights.
    // Flight trips (travellers per flight leg, a round trip once): 2026 m1 1 + m2 1 + m6 2 = 4
    // (m4 submitted, m5 in 2027); 2019 M1 2 + M2 1 + M3 1 + M4 1 = 5.
    expect(report).toMatchObject({ year: 2026, reference: 2019 });
    expect(report.flights).toEqual({
      current: 7, reference: 8, avoided: 1, replaced: 3, target: 6, targetReductionPercent: expect.closeTo(26.667, 3), domestic: { current: 2, reference: 4 }, trips: { current: 4, reference: 5 },
    });
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

  it('counts flights offset and the euros in the envelope', async () => {
    // Offset: m1 (2 flights) and m6 (4); m2's contribution was reversed. Contributions 35,18 + 80,00 = 115,18 €.
    // Envelope on 27/11/2026 (today): 35,18 + 92,73 − 92,73 + 80,00 = 115,18 €.
    expect(report.offset).toEqual({ flights: 6, missions: 2, contributionsCents: 11_518, envelopeBalanceCents: 11_518, asOf: '2026-11-27T10:00:00.000Z' });
    // At the end of 2026 nothing changes; before m1 and m6 (2025), nothing was offset.
    expect((await copilReport(deps, { year: 2025 })).offset).toMatchObject({ flights: 0, contributionsCents: 0, envelopeBalanceCents: 0, asOf: '2025-12-31T23:00:00.000Z' });
  });

  it('breaks flights and emissions down by entity, purpose and category', () => {
    // LGEI: 2026 m1 2 flights (m3 none), 351 799 + 171 = 351 970 g; 2019 M1 4 + M4 2 = 6 flights, 703 599 + 1 825 824 + 2 519 = 2 531 942 g.
    // LSR: 2026 m2 1 + m6 4 = 5 flights, 4 629 + 927 276 + 800 000 + 21 760 = 1 753 665 g; 2019 M2 1 + M3 1 = 2, 927 276 + 4 629 + 912 912 = 1 844 817 g.
    expect(report.breakdowns.entity.map(({ key, flights, replaced, co2eGrams }) => ({ key, flights, replaced, co2eGrams }))).toEqual([
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

  it('splits each group’s emissions by mode, for the year and the reference', () => {
    // LGEI 2026: m1 plane 351 799, m3 visio 171; 2019: M1 plane 703 599 + M4 plane 1 825 824 = 2 529 423,
    //   M5 train 2 519. LSR 2026: m2 plane 927 276 + m6 plane 800 000 = 1 727 276, m2 train 4 629, R1 car
    //   21 760; 2019: M2 plane 927 276 + M3 912 912 = 1 840 188, M2 train 4 629. Modes in the school's order.
    const byMode = (d: 'entity' | 'purpose' | 'category') => report.breakdowns[d].map((r) => [r.key, r.co2eByMode]);
    expect(byMode('entity')).toEqual([
      ['LGEI', [{ mode: 'plane', current: 351_799, reference: 2_529_423 }, { mode: 'train', current: 0, reference: 2519 }, { mode: 'visio', current: 171, reference: 0 }]],
      ['LSR', [{ mode: 'plane', current: 1_727_276, reference: 1_840_188 }, { mode: 'train', current: 4629, reference: 4629 }, { mode: 'car', current: 21_760, reference: 0 }]],
    ]);
    // Recruitment: 2026 m3 visio 171; 2019 M4 plane 1 825 824. No other mode.
    expect(report.breakdowns.purpose.find((r) => r.key === 'recruitment')!.co2eByMode).toEqual([{ mode: 'plane', current: 0, reference: 1_825_824 }, { mode: 'visio', current: 171, reference: 0 }]);
    // Every split adds up, mode by mode, to the school's figures, and each row to the group's total.
    for (const d of ['entity', 'purpose', 'category'] as const) {
      for (const school of report.co2eByMode) {
        const rows = report.breakdowns[d].flatMap((r) => r.co2eByMode.filter((m) => m.mode === school.mode));
        expect([rows.reduce((n, m) => n + m.current, 0), rows.reduce((n, m) => n + m.reference, 0)], `${d} ${school.mode}`).toEqual([school.current, school.reference]);
      }
      for (const r of report.breakdowns[d]) {
        expect([r.co2eByMode.reduce((n, m) => n + m.current, 0), r.co2eByMode.reduce((n, m) => n + m.reference, 0)], `${d} ${r.key}`).toEqual([r.co2eGrams.current, r.co2eGrams.reference]);
      }
    }
  });

  it('counts flight trips, a round trip once, overall groups alike', () => {
    // LGEI: 2026 m1 (round trip, 1 person) 1; 2019 M1 (round trip, 2 people) 2 + M4 (round trip) 1 = 3.
    // LSR: 2026 m2 (one way) 1 + m6 (round trip, 2 people) 2 = 3; 2019 M2 1 + M3 1 = 2.
    expect(report.breakdowns.entity.map((r) => [r.key, r.trips])).toEqual([['LGEI', { current: 1, reference: 3 }], ['LSR', { current: 3, reference: 2 }]]);
    // staff: 2026 m1 1; 2019 M1 2 + M4 1 = 3. student: 2026 m2 1 + m6 2 = 3; 2019 M2 1 + M3 1 = 2.
    expect(report.breakdowns.category.map((r) => [r.key, r.trips.current, r.trips.reference])).toEqual([['staff', 1, 3], ['student', 3, 2]]);
    // conference: 2026 m1 1 + m6 2 = 3, 2019 M1 2; student_mobility 2026 m2 1, 2019 M2 1 + M3 1 = 2;
    // recruitment 2026 m3 visio 0, 2019 M4 1; meeting (M5 train) and research (car) none.
    expect(report.breakdowns.purpose.map((r) => [r.key, r.trips.current, r.trips.reference])).toEqual([
      ['conference', 3, 2], ['student_mobility', 1, 2], ['recruitment', 0, 1], ['meeting', 0, 0], ['research', 0, 0],
    ]);
    // Each split adds up to the school's 4 and 5.
    for (const d of ['entity', 'purpose', 'category'] as const) {
      expect([report.breakdowns[d].reduce((n, r) => n + r.trips.current, 0), report.breakdowns[d].reduce((n, r) => n + r.trips.reference, 0)]).toEqual([4, 5]);
    }
  });

  // Shares as [numerator, denominator, percent] for the year then the reference; null where the split
  // is meaningless (recruitment by purpose, students' trips by category).
  const pairOf = (p: { current: { numerator: number; denominator: number; percent: number | null }; reference: { numerator: number; denominator: number; percent: number | null } } | null) =>
    p && [[p.current.numerator, p.current.denominator, p.current.percent], [p.reference.numerator, p.reference.denominator, p.reference.percent]];
  const splits = (dimension: 'entity' | 'purpose' | 'category') =>
    report.breakdowns[dimension].map((r) => ({ key: r.key, domestic: r.domestic, visio: pairOf(r.recruitmentByVisio), rail: pairOf(r.studentRailPreRouting), offset: r.offset }));

  it('splits domestic flights, the two shares and the flights offset by entity', () => {
    // LGEI: domestic 2026 m1 2, 2019 M1 4. Recruitment abroad: 2026 m3 visio, no flight → 1 of 1;
    //   2019 M4 by plane → 0 of 1. No student → no share. Offset: m1 2 flights, 1 mission, 35,18 €.
    // LSR: no domestic flight (m2 FR–CA, m6 FR–DE, M2/M3 to YUL). No recruitment. Students abroad
    //   with a flight: 2026 m2 (train too) and m6 → 1 of 2; 2019 M2 (train too) and M3 → 1 of 2.
    //   Offset: m6 4 flights, 80,00 € (m2's contribution reversed).
    expect(splits('entity')).toEqual([
      { key: 'LGEI', domestic: { current: 2, reference: 4 }, visio: [[1, 1, 100], [0, 1, 0]], rail: [[0, 0, null], [0, 0, null]], offset: { flights: 2, missions: 1, contributionsCents: 3518 } },
      { key: 'LSR', domestic: { current: 0, reference: 0 }, visio: [[0, 0, null], [0, 0, null]], rail: [[1, 2, 50], [1, 2, 50]], offset: { flights: 4, missions: 1, contributionsCents: 8000 } },
    ]);
  });

  it('splits them by category: recruitment by visio yes, students’ rail pre-routing meaningless', () => {
    // staff: domestic m1 2 / M1 4; recruitment m3 1 of 1 / M4 0 of 1; offset m1. student: no domestic,
    // no recruitment, offset m6. A share restricted to students is not split by category: null.
    expect(splits('category')).toEqual([
      { key: 'staff', domestic: { current: 2, reference: 4 }, visio: [[1, 1, 100], [0, 1, 0]], rail: null, offset: { flights: 2, missions: 1, contributionsCents: 3518 } },
      { key: 'student', domestic: { current: 0, reference: 0 }, visio: [[0, 0, null], [0, 0, null]], rail: null, offset: { flights: 4, missions: 1, contributionsCents: 8000 } },
    ]);
  });

  it('splits them by purpose: students’ rail pre-routing yes, recruitment by visio meaningless', () => {
    // conference: domestic m1 2 / M1 4; students abroad with a flight: 2026 m6 without train → 0 of 1,
    //   2019 none; offset m1 2 + m6 4 = 6 flights, 2 missions, 35,18 + 80,00 = 115,18 €.
    // student_mobility: 2026 m2 with train → 1 of 1; 2019 M2 with train, M3 without → 1 of 2;
    //   m2's contribution was reversed → no offset. recruitment, meeting, research: nothing of the sort.
    const nothing = { flights: 0, missions: 0, contributionsCents: 0 };
    const noShare = [[0, 0, null], [0, 0, null]];
    expect(splits('purpose')).toEqual([
      { key: 'conference', domestic: { current: 2, reference: 4 }, visio: null, rail: [[0, 1, 0], [0, 0, null]], offset: { flights: 6, missions: 2, contributionsCents: 11_518 } },
      { key: 'student_mobility', domestic: { current: 0, reference: 0 }, visio: null, rail: [[1, 1, 100], [1, 2, 50]], offset: nothing },
      { key: 'recruitment', domestic: { current: 0, reference: 0 }, visio: null, rail: noShare, offset: nothing },
      { key: 'meeting', domestic: { current: 0, reference: 0 }, visio: null, rail: noShare, offset: nothing },
      { key: 'research', domestic: { current: 0, reference: 0 }, visio: null, rail: noShare, offset: nothing },
    ]);
  });

  it('names each indicator’s definition in French and English', () => {
    expect(report.definitions.flights.fr).toContain('aller-retour de deux personnes compte 4 vols');
    expect(report.definitions.flights.en).toContain('round trip of two people counts 4 flights');
    expect(report.definitions.trips.fr).toContain('aller-retour de deux personnes compte 2 déplacements');
    expect(report.definitions.trips.en).toContain('round trip of two people counts 2 trips');
    expect(report.definitions.flightTarget.fr).toContain('−20 % en 2024, −30 % en 2027');
    expect(report.definitions.envelope.fr).toContain('27/11/2026');
    expect(report.definitions.envelope.en).toContain('2026-11-27');
    expect(report.definitions.replaced.fr).toContain('Un vol rétabli ou un remplacement supprimé ensuite ne compte plus');
    expect(report.definitions.replaced.en).toContain('A flight later brought back, or a replacement later removed, no longer counts');
  });

  it('answers for another reference year and for a year before the reference', async () => {
    const against2026 = await copilReport(deps, { year: 2026, reference: 2026 });
    expect(against2026.flights).toMatchObject({ current: 7, reference: 7, avoided: 0, trips: { current: 4, reference: 4 } });
    const before = await copilReport(deps, { year: 2018 });
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
