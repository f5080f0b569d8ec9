import type { Db } from '../shared/db.ts';
import { translate, type Lang, type MessageKey } from '../shared/i18n/index.ts';
import { formatCo2e } from '../shared/units.ts';
import { recordSubmissionCheck, submittedCheck, usageFor } from '../quotas/quotas.usecases.ts';
import type { QuotaUsage } from '../quotas/quotas.models.ts';
import type { Quote } from '../quote/quote.usecases.ts';
import { parseStoredQuote } from '../quote/stored-quote.schemas.ts';
import { missionFlags, type MissionFlag, type MissionPolicySettings } from './mission-policy.models.ts';
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
export async function missionPolicyView(db: Db, settings: MissionPolicySettings, row: repo.MissionRow) {
  const quote = parseStoredQuote(row.quoteJson, `quote of mission ${row.id}`);
  const stored = row.status === 'draft' ? null : await submittedCheck(db, row.id);
  const quota = stored ?? (row.status === 'draft' || row.status === 'returned' ? await usageFor(db, { entityId: row.entityId, departAt: row.departAt, co2eGrams: row.co2eGrams, exceptMissionId: row.id }) : null);
  const flags = missionFlags(factsOf(row, quote, quota), settings).map((flag) => ({ ...flag, message: flagMessage(flag, 'fr') }));
  return { quota: quota ? { ...quota, asOf: stored?.at ?? null } : null, flags };
}

export function flagMessage(flag: MissionFlag, lang: Lang): string {
  const params = flag.code === 'quota.exceeded' ? { year: flag.params.year!, over: formatCo2e(Number(flag.params.overGrams), lang === 'fr' ? 'fr-FR' : 'en-GB') } : flag.params;
  return translate(lang, `missions.flag.${flag.code}` as MessageKey, params);
}
