import type { Db } from '../shared/db.ts';
import { translate, type Lang, type MessageKey } from '../shared/i18n/index.ts';
import { formatCo2e } from '../shared/units.ts';
import { recordSubmissionCheck, submittedCheck, usageFor } from '../quotas/quotas.usecases.ts';
import type { QuotaUsage } from '../quotas/quotas.models.ts';
import type { Quote } from '../quote/quote.usecases.ts';
import { missionFlags, showsSubmittedQuota, type MissionFlag, type MissionPolicySettings } from './mission-policy.models.ts';
import type * as repo from './missions.repository.ts';

export const defaultMissionPolicy: MissionPolicySettings = { recruitmentAbroadJustified: true };

const factsOf = (row: repo.MissionRow, quote: Quote, quota: QuotaUsage | null) => ({
  purpose: row.purpose,
  destinationCountry: row.destinationCountry,
  hasFlight: quote.legs.some((l) => l.mode === 'plane'),
  visioImpossible: row.visioImpossible,
  quota,
});

// At submission, inside its transaction: the quota's verdict is kept with the mission (a later change
// of quota never rewrites it), and the flags decide whether a justification is needed.
export async function flagsAtSubmission(db: Db, settings: MissionPolicySettings, row: repo.MissionRow, quote: Quote, at: string): Promise<MissionFlag[]> {
  const quota = await recordSubmissionCheck(db, row, at);
  return missionFlags(factsOf(row, quote, quota), settings);
}

// For the page and the API: once submitted, the quota as it stood then; before, as it stands now.
export async function missionPolicyView(db: Db, settings: MissionPolicySettings, row: repo.MissionRow, quote: Quote) {
  const stored = showsSubmittedQuota(row.status) ? await submittedCheck(db, row.id) : null;
  const quota = showsSubmittedQuota(row.status) ? stored : await usageFor(db, { entityId: row.entityId, departAt: row.departAt, co2eGrams: row.co2eGrams, exceptMissionId: row.id });
  const flags = missionFlags(factsOf(row, quote, quota), settings).map((flag) => ({ ...flag, message: flagMessage(flag, 'fr') }));
  return { quota: quota ? { ...quota, asOf: stored?.at ?? null } : null, flags };
}

export function flagMessage(flag: MissionFlag, lang: Lang): string {
  const params = flag.code === 'quota.exceeded' ? { year: flag.params.year!, over: formatCo2e(Number(flag.params.overGrams), lang === 'fr' ? 'fr-FR' : 'en-GB') } : flag.params;
  return translate(lang, `missions.flag.${flag.code}` as MessageKey, params);
}
