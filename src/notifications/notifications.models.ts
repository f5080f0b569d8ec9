// Who is told what, and when a failed send is tried again (pure rules; docs/notifications.md).

export type MissionNoticeKind = 'mission.submitted' | 'mission.approval_requested' | 'mission.returned' | 'mission.rejected' | 'mission.validated';
export type ClaimNoticeKind = 'claim.submitted' | 'claim.returned' | 'claim.rejected' | 'claim.certified' | 'claim.paid';
export type NoticeKind = MissionNoticeKind | ClaimNoticeKind;
// `approvers`: the people who may take the step awaited (src/approvals), named by the workflow.
export type Notice = { kind: NoticeKind; audience: 'secretariat' | 'traveller' | 'approvers' };

// A submission goes to whoever acts next (an approver of the entity's chain, or the secretariat once
// every step is approved); the decisions go to the traveller.
const missionNotices: Record<string, Notice> = {
  submit: { kind: 'mission.submitted', audience: 'secretariat' },
  return: { kind: 'mission.returned', audience: 'traveller' },
  reject: { kind: 'mission.rejected', audience: 'traveller' },
  validate: { kind: 'mission.validated', audience: 'traveller' },
};
const claimNotices: Record<string, Notice> = {
  submit: { kind: 'claim.submitted', audience: 'secretariat' },
  return: { kind: 'claim.returned', audience: 'traveller' },
  reject: { kind: 'claim.rejected', audience: 'traveller' },
  certify: { kind: 'claim.certified', audience: 'traveller' },
  pay: { kind: 'claim.paid', audience: 'traveller' },
};

export const approvalRequested: Notice = { kind: 'mission.approval_requested', audience: 'approvers' };
export const reviewRequested: Notice = missionNotices.submit!;

export const missionNoticeFor = (action: string): Notice | null => missionNotices[action] ?? null;
export const claimNoticeFor = (action: string): Notice | null => claimNotices[action] ?? null;

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
