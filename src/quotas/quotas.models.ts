// The carbon quota of an entity (issue 12, point 3): a yearly CO2e budget an admin sets per entity,
// against which each mission's share is weighed before it goes out. Pure rules.

export const quotaSeverities = ['warning', 'justification'] as const;
export type QuotaSeverity = (typeof quotaSeverities)[number];

export type Quota = { entityId: string; year: number; quotaGrams: number; severity: QuotaSeverity; setAt: string; setBy: string | null; note: string | null };

// Used: the entity's missions of the year already submitted or validated (their estimates), this one
// excepted. The mission's share is its own estimate.
export type QuotaUsage = { year: number; quotaGrams: number; severity: QuotaSeverity; usedGrams: number; missionGrams: number; remainingGrams: number; exceeded: boolean };

export function quotaUsage(quota: Pick<Quota, 'year' | 'quotaGrams' | 'severity'>, usedGrams: number, missionGrams: number): QuotaUsage {
  const remainingGrams = quota.quotaGrams - usedGrams - missionGrams;
  return { year: quota.year, quotaGrams: quota.quotaGrams, severity: quota.severity, usedGrams, missionGrams, remainingGrams, exceeded: remainingGrams < 0 };
}

// The statuses whose missions count against the quota.
export const quotaCountedStatuses = ['submitted', 'validated'] as const;

// One quota per entity and year: the latest row written (history kept, like carbon prices).
export function latestQuotas<T extends { entityId: string; year: number }>(rowsInOrder: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rowsInOrder) latest.set(`${row.entityId}|${row.year}`, row);
  return [...latest.values()];
}

// Quota against the year's actual emissions (the copil's figure: certified claims where they exist).
export function quotaAgainstActual(quotaGrams: number, actualGrams: number) {
  return { quotaGrams, actualGrams, percent: quotaGrams === 0 ? null : Math.round((actualGrams / quotaGrams) * 1000) / 10, exceeded: actualGrams > quotaGrams };
}
