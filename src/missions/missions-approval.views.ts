import type { Translate } from '../shared/i18n/index.ts';
import type { ApprovalStep } from '../approvals/approvals.models.ts';

type ApprovalAnswer = {
  roundId: string;
  steps: ApprovalStep[];
  awaiting: ApprovalStep | null;
  decisions: Array<{ roundId: string; step: ApprovalStep; decision: 'approved' | 'returned'; actorName: string | null; actorId: string; at: string; comment: string | null }>;
} | null;

// The chain on a mission's page: the latest round's steps with who decided each, and the earlier
// rounds' decisions (a mission returned by an approver and submitted again).
export function approvalView(approval: ApprovalAnswer, t: Translate, formatInstant: (iso: string) => string) {
  if (!approval) return null;
  const latestRound = approval.roundId;
  const says = (d: ApprovalAnswer extends null ? never : NonNullable<ApprovalAnswer>['decisions'][number]) =>
    t(d.decision === 'approved' ? 'approvals.detail.approved' : 'approvals.detail.returned', { who: d.actorName ?? d.actorId, at: formatInstant(d.at) }) + (d.comment ? ` — « ${d.comment} »` : '');
  const current = approval.decisions.filter((d) => d.roundId === latestRound);
  const steps = approval.steps.map((step) => {
    const decided = current.find((d) => d.step === step);
    return { label: t(`approvals.step.${step}`), state: decided ? says(decided) : approval.awaiting === step ? t('approvals.detail.awaiting') : '—', awaited: approval.awaiting === step };
  });
  const earlier = approval.decisions.filter((d) => d.roundId !== latestRound).map((d) => `${t(`approvals.step.${d.step}`)} : ${says(d)}`);
  return { steps, earlier, complete: approval.steps.length > 0 && approval.awaiting === null && current.filter((d) => d.decision === 'approved').length === approval.steps.length };
}
