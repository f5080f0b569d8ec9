import type { Config } from '../config.ts';
import { bookMissionContribution, holdMissionContribution, reverseMissionContribution, voidMissionHold } from '../ledger/contributions.usecases.ts';
import { ledgerPolicy } from '../ledger/ledger.models.ts';
import type { MissionLedgerPort } from './missions.usecases.ts';

// The real ledger behind the workflow's port, with the policy (envelope scope, holds) from config.
export function missionLedger(config: Parameters<typeof ledgerPolicy>[0] & Partial<Config>): MissionLedgerPort {
  const policy = ledgerPolicy(config);
  return {
    bookContribution: (database, input) => bookMissionContribution(database, input, policy),
    reverseContribution: (database, input) => reverseMissionContribution(database, input, policy),
    holdContribution: (database, input) => holdMissionContribution(database, input, policy),
    voidHold: (database, input) => voidMissionHold(database, input),
  };
}
