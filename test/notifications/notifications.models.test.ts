import { describe, expect, it } from 'vitest';
import { isPermanentSmtpFailure, MAX_SEND_ATTEMPTS, missionNoticeFor, retryDelayMinutes } from '../../src/notifications/notifications.models.ts';

describe('notification rules', () => {
  it('tells the secretariat of a submission and the traveller of each decision, nobody of a cancellation', () => {
    expect(missionNoticeFor('submit')).toEqual({ kind: 'mission.submitted', audience: 'secretariat' });
    expect(['return', 'reject', 'validate'].map((a) => missionNoticeFor(a)?.audience)).toEqual(['traveller', 'traveller', 'traveller']);
    expect(missionNoticeFor('cancel')).toBeNull();
  });

  it('backs off 1, 5, 15, 60, 240 then 720 minutes, then gives up', () => {
    expect(Array.from({ length: MAX_SEND_ATTEMPTS - 1 }, (_, i) => retryDelayMinutes(i + 1))).toEqual([1, 5, 15, 60, 240, 720]);
    expect(retryDelayMinutes(MAX_SEND_ATTEMPTS)).toBeNull();
    expect(retryDelayMinutes(0)).toBeNull();
  });

  it('reads a 5xx reply as final, a 4xx or a network error as worth another try', () => {
    expect([550, 553, 421, 450, undefined].map(isPermanentSmtpFailure)).toEqual([true, true, false, false, false]);
  });
});
