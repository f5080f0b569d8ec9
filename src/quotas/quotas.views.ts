import type { Translate } from '../shared/i18n/index.ts';
import type { QuotaUsage } from './quotas.models.ts';

type Kg = (grams: number) => string;

// The quota box of the mission's form and page: the entity's quota of the year, what the other
// missions already use, this mission's share and what remains (negative: over the quota).
export function quotaBox(usage: (QuotaUsage & { asOf?: string | null }) | null, kg: Kg, t: Translate, formatInstant: (iso: string) => string) {
  if (!usage) return null;
  return {
    title: t('quotas.box.title', { year: usage.year }),
    rows: [
      { label: t('quotas.box.quota'), value: kg(usage.quotaGrams) },
      { label: t('quotas.box.used'), value: kg(usage.usedGrams) },
      { label: t('quotas.box.mission'), value: kg(usage.missionGrams) },
      { label: t('quotas.box.remaining'), value: kg(usage.remainingGrams) },
    ],
    exceeded: usage.exceeded,
    asOf: usage.asOf ? t('quotas.box.asOf', { at: formatInstant(usage.asOf) }) : null,
  };
}
