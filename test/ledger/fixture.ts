import type { Database } from '../../src/shared/db.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { MissionContributionInput } from '../../src/ledger/contributions.usecases.ts';
import { balancesAsOf, type LedgerDeps } from '../../src/ledger/finance.usecases.ts';
import { defaultLedgerPolicy, type LedgerPolicy } from '../../src/ledger/ledger.models.ts';

export const NOW = '2026-11-27T10:00:00.000Z';
export const FAR_FUTURE = '2100-01-01T00:00:00.000Z';

export function ledgerDeps(database: Database, policy: Partial<LedgerPolicy> = {}, now = NOW): LedgerDeps {
  return { database, clock: fixedClock(now), policy: { ...defaultLedgerPolicy, ...policy } };
}

export function contribution(missionId: string, overrides: Partial<MissionContributionInput> = {}): MissionContributionInput {
  return {
    missionId,
    budgetLineId: 'bgl_a',
    budgetLineName: 'Ligne A',
    entityId: 'ent_1',
    amountCents: 10_000,
    co2eGrams: 1_000_000,
    at: NOW,
    actorId: 'usr_validator',
    ...overrides,
  };
}

// Current posted balances keyed by account ref (budget_line:bgl_a, envelope:school, project:prj_…).
export async function balancesByRef(database: Database, before = FAR_FUTURE): Promise<Record<string, number>> {
  return Object.fromEntries((await balancesAsOf(database, before)).map((a) => [a.ref, a.balanceCents]));
}

export { count, query, select } from '../helpers/sql.ts';
