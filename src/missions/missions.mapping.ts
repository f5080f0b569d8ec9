import { DateTime } from 'luxon';
import type { Quote } from '../quote/quote.usecases.ts';
import type { QuoteRequest } from '../quote/quote.schemas.ts';
import type { MissionPurpose, MissionStatus } from './missions.models.ts';
import type * as repo from './missions.repository.ts';
import { parseStoredQuote, parseStoredTrip } from '../quote/stored-quote.schemas.ts';

// Rows ↔ the mission the API answers with. The quote decides several columns at once; they are
// computed here together so that none can drift from the stored quote.

export type Mission = {
  id: string;
  status: MissionStatus;
  travellerId: string;
  travellerName: string | null;
  entityId: string;
  budgetLineId: string | null;
  purpose: MissionPurpose;
  destination: { country: string; city: string | null };
  departAt: string;
  returnAt: string;
  justification: string | null;
  visioImpossible: boolean;
  railAidCents: number | null;
  co2eGrams: number;
  costCents: number;
  offsetCents: number;
  factorSet: { id: string; version: string };
  version: number;
  approvalsPending: number;
  createdAt: string;
  updatedAt: string;
  trip: QuoteRequest;
  quote: Quote;
};

export type MissionSummary = Omit<Mission, 'trip' | 'quote' | 'justification' | 'visioImpossible' | 'railAidCents'>;

export function toMission(row: repo.MissionRow, travellerName: string | null): Mission {
  return { ...toSummary({ ...row, travellerName }), justification: row.justification, visioImpossible: row.visioImpossible, railAidCents: row.railAidCents, trip: parseStoredTrip(row.requestJson, `trip of mission ${row.id}`), quote: parseStoredQuote(row.quoteJson, `quote of mission ${row.id}`) };
}

export function toSummary(row: repo.MissionListRow): MissionSummary {
  return {
    id: row.id,
    status: row.status as MissionStatus,
    travellerId: row.travellerId,
    travellerName: row.travellerName,
    entityId: row.entityId,
    budgetLineId: row.budgetLineId,
    purpose: row.purpose as MissionPurpose,
    destination: { country: row.destinationCountry, city: row.destinationCity },
    departAt: row.departAt,
    returnAt: row.returnAt,
    co2eGrams: row.co2eGrams,
    costCents: row.costCents,
    offsetCents: row.offsetCents,
    factorSet: { id: row.factorSetId, version: row.factorSetVersion },
    version: row.version,
    approvalsPending: row.approvalsPending,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const utc = (iso: string | undefined): string => DateTime.fromISO(iso!, { setZone: true }).toUTC().toISO()!;

// The columns a quote determines: recomputed together, stored together, never one without the others.
export function quotedColumns(trip: QuoteRequest, quote: Quote) {
  return {
    destinationCountry: trip.destination!.country,
    destinationCity: trip.destination!.city ?? null,
    departAt: utc(trip.departAt),
    returnAt: utc(trip.returnAt),
    requestJson: JSON.stringify(trip),
    quoteJson: JSON.stringify(quote),
    factorSetId: quote.factorSet.id,
    factorSetVersion: quote.factorSet.version,
    co2eGrams: quote.totals.co2eGrams,
    costCents: quote.totals.costCents,
    offsetCents: quote.offset.amountCents,
    offsetCo2eGrams: quote.offset.co2eGrams,
  };
}

// A quoted leg as the columns of mission_legs and claim_legs (without the owner's id).
export function quotedLegColumns(quote: Quote) {
  return quote.legs.map((leg) => ({
    legIndex: leg.index,
    mode: leg.mode,
    fromLabel: leg.from?.label ?? null,
    toLabel: leg.to?.label ?? null,
    fromCountry: leg.from?.countryCode ?? null,
    toCountry: leg.to?.countryCode ?? null,
    distanceKm: leg.distanceKm,
    trips: leg.trips,
    travelers: leg.travelers,
    co2eGrams: leg.co2eGrams,
    costCents: leg.costCents,
  }));
}

export function legRows(missionId: string, quote: Quote): repo.MissionLegRow[] {
  return quotedLegColumns(quote).map((columns) => ({ missionId, ...columns }));
}
