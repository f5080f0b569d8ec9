import { bookedForMission, settleClaimContribution } from '../ledger/claim-adjustments.usecases.ts';
import { ledgerPolicy } from '../ledger/ledger.models.ts';
import type { ClaimLedgerPort } from './claims.usecases.ts';

// The real ledger behind the claims workflow's port, with the policy (envelope scope, negative
// envelope) from config.
export function claimLedger(config: Parameters<typeof ledgerPolicy>[0]): ClaimLedgerPort {
  const policy = ledgerPolicy(config);
  return {
    settle: (database, input) => settleClaimContribution(database, input, policy),
    booked: (database, missionId) => bookedForMission(database, missionId),
  };
}
