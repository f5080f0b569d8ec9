// Who is told what, and when a failed send is tried again (pure rules; docs/notifications.md).

export type MissionNoticeKind = 'mission.submitted' | 'mission.returned' | 'mission.rejected' | 'mission.validated';

// Submission goes to whoever acts next (the secretariat); the secretariat's decisions go to the traveller.
export function missionNoticeFor(action: string): { kind: MissionNoticeKind; audience: 'secretariat' | 'traveller' } | null {
  if (action === 'submit') return { kind: 'mission.submitted', audience: 'secretariat' };
  if (action === 'return') return { kind: 'mission.returned', audience: 'traveller' };
  if (action === 'reject') return { kind: 'mission.rejected', audience: 'traveller' };
  if (action === 'validate') return { kind: 'mission.validated', audience: 'traveller' };
  return null;
}

// Minutes before attempt n + 1 after n failed ones: quick retries for a server restarting, then
// spaced out over about a day. After the last, the message is `failed` and stays in the outbox.
const BACKOFF_MINUTES = [1, 5, 15, 60, 240, 720] as const;
export const MAX_SEND_ATTEMPTS = BACKOFF_MINUTES.length + 1;

export function retryDelayMinutes(failedAttempts: number): number | null {
  if (failedAttempts < 1 || failedAttempts >= MAX_SEND_ATTEMPTS) return null;
  return BACKOFF_MINUTES[failedAttempts - 1]!;
}

// An SMTP reply in 5xx refuses for good (unknown mailbox, policy): trying again would not help.
export const isPermanentSmtpFailure = (responseCode: number | undefined): boolean => responseCode !== undefined && responseCode >= 500 && responseCode < 600;
