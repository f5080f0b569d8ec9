import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { coveredSlots, defaultSlotProfile, parseSlotProfile, slotProfileById, slotProfiles, withTravelMargins } from '../../src/costs/slots.models.ts';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('slot profiles', () => {
  it('ships the décret 53-511 profile as default and the 12-14/19-21 profile as an option', () => {
    expect(defaultSlotProfile).toMatchObject({
      id: 'decret-53-511',
      meals: [{ id: 'lunch', start: '11:00', end: '14:00' }, { id: 'dinner', start: '18:00', end: '21:00' }],
      night: { start: '00:00', end: '05:00' },
      coverage: { meals: 'whole', night: 'whole' },
      travelMarginsMinutes: { train: 60, plane: 120, boat: 120 },
      staffRestaurantMealPercent: 50,
    });
    expect(slotProfileById('meals-12-14-19-21').coverage).toEqual({ meals: 'whole', night: 'any' });
    expect(slotProfiles.every((p) => p.sources.length > 0)).toBe(true);
  });

  it('accepts a caller profile, the coverage string applying to meals and night', () => {
    const p = parseSlotProfile({ id: 'x', label: 'x', meals: [{ id: 'lunch', start: '12:00', end: '15:00' }], night: { start: '00:00', end: '05:00' }, coverage: 'any', sources: ['test'] });
    expect(p.coverage).toEqual({ meals: 'any', night: 'any' });
    expect(p.staffRestaurantMealPercent).toBe(50);
  });

  it('rejects a malformed profile and an unknown id', () => {
    const bad = { id: 'x', label: 'x', meals: [{ id: 'lunch', start: '14:00', end: '11:00' }], night: { start: '00:00', end: '05:00' }, coverage: 'whole', sources: ['t'] };
    expect(() => parseSlotProfile(bad as never)).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => parseSlotProfile({ ...bad, meals: [{ id: 'lunch', start: '11:00', end: '25:00' }] } as never)).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => slotProfileById('nope')).toThrowError(expect.objectContaining({ code: 'slot_profile.not_found', status: 404 }));
  });
});

describe('coveredSlots', () => {
  it('dates each slot by its own local day and lists them in order', () => {
    const slots = coveredSlots(at('2026-05-04T10:00:00+02:00'), at('2026-05-05T15:00:00+02:00'), 'Europe/Paris', defaultSlotProfile);
    expect(slots.map((s) => `${s.date} ${s.slot} ${s.startsAt.toFormat('HH:mm')}`)).toEqual([
      '2026-05-04 lunch 11:00', '2026-05-04 dinner 18:00', '2026-05-05 night 00:00', '2026-05-05 lunch 11:00',
    ]);
  });

  it('builds the 0-5 h slot from the wall clock on DST days', () => {
    const [spring] = coveredSlots(at('2026-03-28T23:00:00+01:00'), at('2026-03-29T06:00:00+02:00'), 'Europe/Paris', defaultSlotProfile);
    expect([spring!.startsAt.toISO(), spring!.endsAt.toISO()]).toEqual(['2026-03-29T00:00:00.000+01:00', '2026-03-29T05:00:00.000+02:00']);
    expect(spring!.endsAt.diff(spring!.startsAt, 'hours').hours).toBe(4);
    const [autumn] = coveredSlots(at('2026-10-24T23:00:00+02:00'), at('2026-10-25T06:00:00+01:00'), 'Europe/Paris', defaultSlotProfile);
    expect(autumn!.endsAt.diff(autumn!.startsAt, 'hours').hours).toBe(6);
  });
});

describe('withTravelMargins', () => {
  it('widens ticket times by the margin of the mode', () => {
    // default profile: plane 2 h each way; 12-14 profile: plane 1 h 30
    const d = at('2026-05-04T12:00:00+02:00');
    const r = at('2026-05-04T20:00:00+02:00');
    const wide = withTravelMargins(d, r, 'plane', defaultSlotProfile);
    expect([wide.departAt.toFormat('HH:mm'), wide.returnAt.toFormat('HH:mm')]).toEqual(['10:00', '22:00']);
    const narrow = withTravelMargins(d, r, 'plane', slotProfileById('meals-12-14-19-21'));
    expect([narrow.departAt.toFormat('HH:mm'), narrow.returnAt.toFormat('HH:mm')]).toEqual(['10:30', '21:30']);
    expect(() => withTravelMargins(d, r, 'boat', slotProfileById('meals-12-14-19-21'))).toThrowError(expect.objectContaining({ code: 'slot_profile.unsupported' }));
  });
});
