import type { ClaimStatus } from './claims.models.ts';
import type { ClaimListRow } from './claims.repository.ts';

// The short form of a claim for lists (API and queues): no trip, quote or receipts.
export type ClaimSummary = {
  id: string;
  missionId: string;
  status: ClaimStatus;
  travellerId: string;
  travellerName: string | null;
  entityId: string;
  budgetLineId: string | null;
  destination: { country: string; city: string | null };
  departAt: string;
  returnAt: string;
  co2eGrams: number;
  estimateCo2eGrams: number;
  totalCents: number;
  adjustmentCents: number | null;
  certifiedAt: string | null;
  paidAt: string | null;
  paymentReference: string | null;
  updatedAt: string;
  version: number;
};

export function toClaimSummary(row: ClaimListRow): ClaimSummary {
  return {
    id: row.id,
    missionId: row.missionId,
    status: row.status as ClaimStatus,
    travellerId: row.travellerId,
    travellerName: row.travellerName,
    entityId: row.entityId,
    budgetLineId: row.budgetLineId,
    destination: { country: row.destinationCountry, city: row.destinationCity },
    departAt: row.departAt,
    returnAt: row.returnAt,
    co2eGrams: row.co2eGrams,
    estimateCo2eGrams: row.missionCo2eGrams,
    totalCents: row.totalCents,
    adjustmentCents: row.adjustmentCents,
    certifiedAt: row.certifiedAt,
    paidAt: row.paidAt,
    paymentReference: row.paymentReference,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
