import { describe, expect, expectTypeOf, it } from 'vitest';
import { memoryDatabase } from '../helpers/db.ts';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import * as authLite from '../../src/auth/auth.table.ts';
import * as authPg from '../../src/auth/auth.pg-table.ts';
import * as carbonpricesLite from '../../src/carbon-prices/carbon-prices.table.ts';
import * as carbonpricesPg from '../../src/carbon-prices/carbon-prices.pg-table.ts';
import * as claimsLite from '../../src/claims/claims.table.ts';
import * as claimsPg from '../../src/claims/claims.pg-table.ts';
import * as ledgerLite from '../../src/ledger/ledger.table.ts';
import * as ledgerPg from '../../src/ledger/ledger.pg-table.ts';
import * as missionsLite from '../../src/missions/missions.table.ts';
import * as missionsPg from '../../src/missions/missions.pg-table.ts';
import * as orgLite from '../../src/org/org.table.ts';
import * as orgPg from '../../src/org/org.pg-table.ts';
import * as reportsLite from '../../src/reports/reports.table.ts';
import * as reportsPg from '../../src/reports/reports.pg-table.ts';
import * as notificationsLite from '../../src/notifications/notifications.table.ts';
import * as notificationsPg from '../../src/notifications/notifications.pg-table.ts';
import * as approvalsLite from '../../src/approvals/approvals.table.ts';
import * as approvalsPg from '../../src/approvals/approvals.pg-table.ts';
import * as quotasLite from '../../src/quotas/quotas.table.ts';
import * as quotasPg from '../../src/quotas/quotas.pg-table.ts';
import * as policiesLite from '../../src/policies/policies.table.ts';
import * as policiesPg from '../../src/policies/policies.pg-table.ts';

// Each SQLite table has a PostgreSQL twin with the same name, columns and TypeScript row types, so that
// repositories written once serve both engines. The type checks below fail `tsc` (part of npm test).
expectTypeOf<typeof authPg.users.$inferSelect>().toEqualTypeOf<typeof authLite.users.$inferSelect>();
expectTypeOf<typeof authPg.users.$inferInsert>().toEqualTypeOf<typeof authLite.users.$inferInsert>();
expectTypeOf<typeof authPg.userRoles.$inferSelect>().toEqualTypeOf<typeof authLite.userRoles.$inferSelect>();
expectTypeOf<typeof authPg.userRoles.$inferInsert>().toEqualTypeOf<typeof authLite.userRoles.$inferInsert>();
expectTypeOf<typeof authPg.sessions.$inferSelect>().toEqualTypeOf<typeof authLite.sessions.$inferSelect>();
expectTypeOf<typeof authPg.sessions.$inferInsert>().toEqualTypeOf<typeof authLite.sessions.$inferInsert>();
expectTypeOf<typeof authPg.apiTokens.$inferSelect>().toEqualTypeOf<typeof authLite.apiTokens.$inferSelect>();
expectTypeOf<typeof authPg.apiTokens.$inferInsert>().toEqualTypeOf<typeof authLite.apiTokens.$inferInsert>();
expectTypeOf<typeof authPg.authAudit.$inferSelect>().toEqualTypeOf<typeof authLite.authAudit.$inferSelect>();
expectTypeOf<typeof authPg.authAudit.$inferInsert>().toEqualTypeOf<typeof authLite.authAudit.$inferInsert>();
expectTypeOf<typeof carbonpricesPg.carbonPrices.$inferSelect>().toEqualTypeOf<typeof carbonpricesLite.carbonPrices.$inferSelect>();
expectTypeOf<typeof carbonpricesPg.carbonPrices.$inferInsert>().toEqualTypeOf<typeof carbonpricesLite.carbonPrices.$inferInsert>();
expectTypeOf<typeof claimsPg.claims.$inferSelect>().toEqualTypeOf<typeof claimsLite.claims.$inferSelect>();
expectTypeOf<typeof claimsPg.claims.$inferInsert>().toEqualTypeOf<typeof claimsLite.claims.$inferInsert>();
expectTypeOf<typeof claimsPg.claimExpenses.$inferSelect>().toEqualTypeOf<typeof claimsLite.claimExpenses.$inferSelect>();
expectTypeOf<typeof claimsPg.claimExpenses.$inferInsert>().toEqualTypeOf<typeof claimsLite.claimExpenses.$inferInsert>();
expectTypeOf<typeof claimsPg.claimLegs.$inferSelect>().toEqualTypeOf<typeof claimsLite.claimLegs.$inferSelect>();
expectTypeOf<typeof claimsPg.claimLegs.$inferInsert>().toEqualTypeOf<typeof claimsLite.claimLegs.$inferInsert>();
expectTypeOf<typeof claimsPg.claimReceipts.$inferSelect>().toEqualTypeOf<typeof claimsLite.claimReceipts.$inferSelect>();
expectTypeOf<typeof claimsPg.claimReceipts.$inferInsert>().toEqualTypeOf<typeof claimsLite.claimReceipts.$inferInsert>();
expectTypeOf<typeof claimsPg.claimReceiptFiles.$inferSelect>().toEqualTypeOf<typeof claimsLite.claimReceiptFiles.$inferSelect>();
expectTypeOf<typeof claimsPg.claimReceiptFiles.$inferInsert>().toEqualTypeOf<typeof claimsLite.claimReceiptFiles.$inferInsert>();
expectTypeOf<typeof claimsPg.claimAudit.$inferSelect>().toEqualTypeOf<typeof claimsLite.claimAudit.$inferSelect>();
expectTypeOf<typeof claimsPg.claimAudit.$inferInsert>().toEqualTypeOf<typeof claimsLite.claimAudit.$inferInsert>();
expectTypeOf<typeof ledgerPg.ledgerAccounts.$inferSelect>().toEqualTypeOf<typeof ledgerLite.ledgerAccounts.$inferSelect>();
expectTypeOf<typeof ledgerPg.ledgerAccounts.$inferInsert>().toEqualTypeOf<typeof ledgerLite.ledgerAccounts.$inferInsert>();
expectTypeOf<typeof ledgerPg.ledgerTransfers.$inferSelect>().toEqualTypeOf<typeof ledgerLite.ledgerTransfers.$inferSelect>();
expectTypeOf<typeof ledgerPg.ledgerTransfers.$inferInsert>().toEqualTypeOf<typeof ledgerLite.ledgerTransfers.$inferInsert>();
expectTypeOf<typeof ledgerPg.ledgerEntries.$inferSelect>().toEqualTypeOf<typeof ledgerLite.ledgerEntries.$inferSelect>();
expectTypeOf<typeof ledgerPg.ledgerEntries.$inferInsert>().toEqualTypeOf<typeof ledgerLite.ledgerEntries.$inferInsert>();
expectTypeOf<typeof ledgerPg.ledgerHolds.$inferSelect>().toEqualTypeOf<typeof ledgerLite.ledgerHolds.$inferSelect>();
expectTypeOf<typeof ledgerPg.ledgerHolds.$inferInsert>().toEqualTypeOf<typeof ledgerLite.ledgerHolds.$inferInsert>();
expectTypeOf<typeof ledgerPg.ledgerHoldResolutions.$inferSelect>().toEqualTypeOf<typeof ledgerLite.ledgerHoldResolutions.$inferSelect>();
expectTypeOf<typeof ledgerPg.ledgerHoldResolutions.$inferInsert>().toEqualTypeOf<typeof ledgerLite.ledgerHoldResolutions.$inferInsert>();
expectTypeOf<typeof ledgerPg.reinvestmentProjects.$inferSelect>().toEqualTypeOf<typeof ledgerLite.reinvestmentProjects.$inferSelect>();
expectTypeOf<typeof ledgerPg.reinvestmentProjects.$inferInsert>().toEqualTypeOf<typeof ledgerLite.reinvestmentProjects.$inferInsert>();
expectTypeOf<typeof missionsPg.missions.$inferSelect>().toEqualTypeOf<typeof missionsLite.missions.$inferSelect>();
expectTypeOf<typeof missionsPg.missions.$inferInsert>().toEqualTypeOf<typeof missionsLite.missions.$inferInsert>();
expectTypeOf<typeof missionsPg.missionLegs.$inferSelect>().toEqualTypeOf<typeof missionsLite.missionLegs.$inferSelect>();
expectTypeOf<typeof missionsPg.missionLegs.$inferInsert>().toEqualTypeOf<typeof missionsLite.missionLegs.$inferInsert>();
expectTypeOf<typeof missionsPg.missionAudit.$inferSelect>().toEqualTypeOf<typeof missionsLite.missionAudit.$inferSelect>();
expectTypeOf<typeof missionsPg.missionAudit.$inferInsert>().toEqualTypeOf<typeof missionsLite.missionAudit.$inferInsert>();
expectTypeOf<typeof missionsPg.avoidedFlights.$inferSelect>().toEqualTypeOf<typeof missionsLite.avoidedFlights.$inferSelect>();
expectTypeOf<typeof missionsPg.avoidedFlights.$inferInsert>().toEqualTypeOf<typeof missionsLite.avoidedFlights.$inferInsert>();
expectTypeOf<typeof missionsPg.avoidedFlightWithdrawals.$inferSelect>().toEqualTypeOf<typeof missionsLite.avoidedFlightWithdrawals.$inferSelect>();
expectTypeOf<typeof missionsPg.avoidedFlightWithdrawals.$inferInsert>().toEqualTypeOf<typeof missionsLite.avoidedFlightWithdrawals.$inferInsert>();
expectTypeOf<typeof missionsPg.idempotencyKeys.$inferSelect>().toEqualTypeOf<typeof missionsLite.idempotencyKeys.$inferSelect>();
expectTypeOf<typeof missionsPg.idempotencyKeys.$inferInsert>().toEqualTypeOf<typeof missionsLite.idempotencyKeys.$inferInsert>();
expectTypeOf<typeof orgPg.entities.$inferSelect>().toEqualTypeOf<typeof orgLite.entities.$inferSelect>();
expectTypeOf<typeof orgPg.entities.$inferInsert>().toEqualTypeOf<typeof orgLite.entities.$inferInsert>();
expectTypeOf<typeof orgPg.budgetLines.$inferSelect>().toEqualTypeOf<typeof orgLite.budgetLines.$inferSelect>();
expectTypeOf<typeof orgPg.budgetLines.$inferInsert>().toEqualTypeOf<typeof orgLite.budgetLines.$inferInsert>();
expectTypeOf<typeof orgPg.orgAudit.$inferSelect>().toEqualTypeOf<typeof orgLite.orgAudit.$inferSelect>();
expectTypeOf<typeof orgPg.orgAudit.$inferInsert>().toEqualTypeOf<typeof orgLite.orgAudit.$inferInsert>();
expectTypeOf<typeof reportsPg.importRuns.$inferSelect>().toEqualTypeOf<typeof reportsLite.importRuns.$inferSelect>();
expectTypeOf<typeof reportsPg.importRuns.$inferInsert>().toEqualTypeOf<typeof reportsLite.importRuns.$inferInsert>();
expectTypeOf<typeof reportsPg.historicalTrips.$inferSelect>().toEqualTypeOf<typeof reportsLite.historicalTrips.$inferSelect>();
expectTypeOf<typeof reportsPg.historicalTrips.$inferInsert>().toEqualTypeOf<typeof reportsLite.historicalTrips.$inferInsert>();
expectTypeOf<typeof reportsPg.reportSettings.$inferSelect>().toEqualTypeOf<typeof reportsLite.reportSettings.$inferSelect>();
expectTypeOf<typeof reportsPg.reportSettings.$inferInsert>().toEqualTypeOf<typeof reportsLite.reportSettings.$inferInsert>();
expectTypeOf<typeof notificationsPg.notificationOutbox.$inferSelect>().toEqualTypeOf<typeof notificationsLite.notificationOutbox.$inferSelect>();
expectTypeOf<typeof notificationsPg.notificationOutbox.$inferInsert>().toEqualTypeOf<typeof notificationsLite.notificationOutbox.$inferInsert>();
expectTypeOf<typeof approvalsPg.approvalSettings.$inferSelect>().toEqualTypeOf<typeof approvalsLite.approvalSettings.$inferSelect>();
expectTypeOf<typeof approvalsPg.approvalSettings.$inferInsert>().toEqualTypeOf<typeof approvalsLite.approvalSettings.$inferInsert>();
expectTypeOf<typeof approvalsPg.approvers.$inferSelect>().toEqualTypeOf<typeof approvalsLite.approvers.$inferSelect>();
expectTypeOf<typeof approvalsPg.approvers.$inferInsert>().toEqualTypeOf<typeof approvalsLite.approvers.$inferInsert>();
expectTypeOf<typeof approvalsPg.approvalRounds.$inferSelect>().toEqualTypeOf<typeof approvalsLite.approvalRounds.$inferSelect>();
expectTypeOf<typeof approvalsPg.approvalRounds.$inferInsert>().toEqualTypeOf<typeof approvalsLite.approvalRounds.$inferInsert>();
expectTypeOf<typeof approvalsPg.missionApprovals.$inferSelect>().toEqualTypeOf<typeof approvalsLite.missionApprovals.$inferSelect>();
expectTypeOf<typeof approvalsPg.missionApprovals.$inferInsert>().toEqualTypeOf<typeof approvalsLite.missionApprovals.$inferInsert>();
expectTypeOf<typeof quotasPg.carbonQuotas.$inferSelect>().toEqualTypeOf<typeof quotasLite.carbonQuotas.$inferSelect>();
expectTypeOf<typeof quotasPg.carbonQuotas.$inferInsert>().toEqualTypeOf<typeof quotasLite.carbonQuotas.$inferInsert>();
expectTypeOf<typeof quotasPg.missionQuotaChecks.$inferSelect>().toEqualTypeOf<typeof quotasLite.missionQuotaChecks.$inferSelect>();
expectTypeOf<typeof quotasPg.missionQuotaChecks.$inferInsert>().toEqualTypeOf<typeof quotasLite.missionQuotaChecks.$inferInsert>();
expectTypeOf<typeof missionsPg.visioRecruitments.$inferSelect>().toEqualTypeOf<typeof missionsLite.visioRecruitments.$inferSelect>();
expectTypeOf<typeof missionsPg.visioRecruitments.$inferInsert>().toEqualTypeOf<typeof missionsLite.visioRecruitments.$inferInsert>();
expectTypeOf<typeof missionsPg.visioRecruitmentWithdrawals.$inferSelect>().toEqualTypeOf<typeof missionsLite.visioRecruitmentWithdrawals.$inferSelect>();
expectTypeOf<typeof missionsPg.visioRecruitmentWithdrawals.$inferInsert>().toEqualTypeOf<typeof missionsLite.visioRecruitmentWithdrawals.$inferInsert>();
expectTypeOf<typeof policiesPg.policySwitches.$inferSelect>().toEqualTypeOf<typeof policiesLite.policySwitches.$inferSelect>();
expectTypeOf<typeof policiesPg.policySwitches.$inferInsert>().toEqualTypeOf<typeof policiesLite.policySwitches.$inferInsert>();

const pairs = [
  [authLite.users, authPg.users],
  [authLite.userRoles, authPg.userRoles],
  [authLite.sessions, authPg.sessions],
  [authLite.apiTokens, authPg.apiTokens],
  [authLite.authAudit, authPg.authAudit],
  [carbonpricesLite.carbonPrices, carbonpricesPg.carbonPrices],
  [claimsLite.claims, claimsPg.claims],
  [claimsLite.claimExpenses, claimsPg.claimExpenses],
  [claimsLite.claimLegs, claimsPg.claimLegs],
  [claimsLite.claimReceipts, claimsPg.claimReceipts],
  [claimsLite.claimReceiptFiles, claimsPg.claimReceiptFiles],
  [claimsLite.claimAudit, claimsPg.claimAudit],
  [ledgerLite.ledgerAccounts, ledgerPg.ledgerAccounts],
  [ledgerLite.ledgerTransfers, ledgerPg.ledgerTransfers],
  [ledgerLite.ledgerEntries, ledgerPg.ledgerEntries],
  [ledgerLite.ledgerHolds, ledgerPg.ledgerHolds],
  [ledgerLite.ledgerHoldResolutions, ledgerPg.ledgerHoldResolutions],
  [ledgerLite.reinvestmentProjects, ledgerPg.reinvestmentProjects],
  [missionsLite.missions, missionsPg.missions],
  [missionsLite.missionLegs, missionsPg.missionLegs],
  [missionsLite.missionAudit, missionsPg.missionAudit],
  [missionsLite.avoidedFlights, missionsPg.avoidedFlights],
  [missionsLite.avoidedFlightWithdrawals, missionsPg.avoidedFlightWithdrawals],
  [missionsLite.idempotencyKeys, missionsPg.idempotencyKeys],
  [missionsLite.visioRecruitments, missionsPg.visioRecruitments],
  [missionsLite.visioRecruitmentWithdrawals, missionsPg.visioRecruitmentWithdrawals],
  [policiesLite.policySwitches, policiesPg.policySwitches],
  [orgLite.entities, orgPg.entities],
  [orgLite.budgetLines, orgPg.budgetLines],
  [orgLite.orgAudit, orgPg.orgAudit],
  [reportsLite.importRuns, reportsPg.importRuns],
  [reportsLite.historicalTrips, reportsPg.historicalTrips],
  [reportsLite.reportSettings, reportsPg.reportSettings],
  [notificationsLite.notificationOutbox, notificationsPg.notificationOutbox],
  [approvalsLite.approvalSettings, approvalsPg.approvalSettings],
  [approvalsLite.approvers, approvalsPg.approvers],
  [approvalsLite.approvalRounds, approvalsPg.approvalRounds],
  [approvalsLite.missionApprovals, approvalsPg.missionApprovals],
  [quotasLite.carbonQuotas, quotasPg.carbonQuotas],
  [quotasLite.missionQuotaChecks, quotasPg.missionQuotaChecks],
] as const;

describe('PostgreSQL twins of the SQLite tables', () => {
  it.each(pairs.map(([lite, pg]) => [sqliteConfig(lite).name, lite, pg] as const))('%s has the same name, columns and checks on both engines', (_name, lite, pg) => {
    const columns = (list: Array<{ name: string; notNull: boolean; primary: boolean }>) => list.map((c) => [c.name, c.notNull, c.primary]).sort();
    expect(pgConfig(pg).name).toBe(sqliteConfig(lite).name);
    expect(columns(pgConfig(pg).columns)).toEqual(columns(sqliteConfig(lite).columns));
    expect(pgConfig(pg).checks.map((c) => c.name).sort()).toEqual(sqliteConfig(lite).checks.map((c) => c.name).sort());
  });

  it('covers every table the SQLite migrations create', async () => {
    const database = memoryDatabase();
    const migrated = (database.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as Array<{ name: string }>).map((t) => t.name);
    await database.close();
    expect(pairs.map(([lite]) => sqliteConfig(lite).name).sort()).toEqual(migrated.sort());
  });
});
