import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from '../../src/shared/clock.ts';

describe('clocks', () => {
  it('a fixed clock gives the same instant as a DateTime and in epoch ms', () => {
    const clock = fixedClock('2027-03-10T07:00:00+01:00');
    expect(clock.nowMs()).toBe(Date.UTC(2027, 2, 10, 6, 0, 0));
    expect(clock.nowMs()).toBe(clock.now().toMillis());
  });

  it('the system clock reads the time of the machine in both forms', () => {
    const before = Date.now();
    const nowMs = systemClock.nowMs();
    const now = systemClock.now().toMillis();
    const after = Date.now();
    for (const read of [nowMs, now]) {
      expect(read).toBeGreaterThanOrEqual(before);
      expect(read).toBeLessThanOrEqual(after);
    }
  });
});
