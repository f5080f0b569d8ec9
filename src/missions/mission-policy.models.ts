import type { QuotaUsage } from '../quotas/quotas.models.ts';
import { HOME_COUNTRY } from '../footprint/footprint.models.ts';

// The action plan's rules that need what the mission knows and the quote does not (its purpose, its
// entity's quota, the traveller's statement on video conference): checked at submission, shown on
// the mission's page and form. The quote's own flags (src/quote/policy.models.ts) stay the quote's.

export type MissionFlagCode = 'quota.exceeded' | 'recruitment.flight_abroad';
// Severities as the quote's flags name them (src/quote/policy.models.ts).
export type MissionFlag = { code: MissionFlagCode; severity: 'warning' | 'justification_required'; params: Record<string, string | number> };

export type MissionPolicyFacts = {
  purpose: string;
  destinationCountry: string;
  hasFlight: boolean;
  visioImpossible: boolean;
  quota: QuotaUsage | null;
};

export type MissionPolicySettings = { recruitmentAbroadJustified: boolean };

// Recruitment abroad is done by video conference (the plan's seed: trips to China or Brazil replaced
// by visio); flying there needs a reason, unless the traveller states that visio is not possible.
const recruitmentFlightAbroad = (facts: MissionPolicyFacts) => facts.purpose === 'recruitment' && facts.hasFlight && facts.destinationCountry !== HOME_COUNTRY && !facts.visioImpossible;

export function missionFlags(facts: MissionPolicyFacts, settings: MissionPolicySettings): MissionFlag[] {
  const flags: MissionFlag[] = [];
  if (settings.recruitmentAbroadJustified && recruitmentFlightAbroad(facts)) flags.push({ code: 'recruitment.flight_abroad', severity: 'justification_required', params: {} });
  const quota = facts.quota;
  if (quota?.exceeded) flags.push({ code: 'quota.exceeded', severity: quota.severity === 'justification' ? 'justification_required' : 'warning', params: { year: quota.year, overGrams: -quota.remainingGrams } });
  return flags;
}

export const needsJustification = (flags: readonly MissionFlag[]): boolean => flags.some((f) => f.severity === 'justification_required');

// Which quota verdict a mission shows: the one written at its submission once it left the traveller's
// hands; while the traveller edits it (a draft, or returned to be resubmitted), the quota as it stands.
export const showsSubmittedQuota = (status: string): boolean => status !== 'draft' && status !== 'returned';
