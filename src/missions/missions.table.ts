import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/auth.table.ts';
import { budgetLines, entities } from '../org/org.table.ts';

const statusCheck = (column: unknown) =>
  sql`${column} in ('draft', 'submitted', 'validated', 'returned', 'rejected', 'cancelled')`;

// The current state of each mission. History lives in mission_audit; `version` makes every write
// conditional on what the writer read (optimistic concurrency between the traveller and the secretariat).
export const missions = sqliteTable(
  'missions',
  {
    id: text('id').primaryKey(),
    travellerId: text('traveller_id').notNull().references(() => users.id),
    entityId: text('entity_id').notNull().references(() => entities.id),
    budgetLineId: text('budget_line_id').references(() => budgetLines.id),
    purpose: text('purpose').notNull(),
    destinationCountry: text('destination_country').notNull(),
    destinationCity: text('destination_city'),
    departAt: text('depart_at').notNull(),
    returnAt: text('return_at').notNull(),
    justification: text('justification'),
    status: text('status').notNull().default('draft'),
    // The request the quote came from and the full quote (factor-set version included): a saved mission
    // keeps the figures it was decided on; recomputing is an explicit edit.
    requestJson: text('request_json').notNull(),
    quoteJson: text('quote_json').notNull(),
    factorSetId: text('factor_set_id').notNull(),
    factorSetVersion: text('factor_set_version').notNull(),
    co2eGrams: integer('co2e_grams').notNull(),
    costCents: integer('cost_cents').notNull(),
    offsetCents: integer('offset_cents').notNull(),
    offsetCo2eGrams: integer('offset_co2e_grams').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    // The approval round of the latest submission (src/approvals) and how many of its steps remain:
    // the secretariat's queue holds the submitted missions with none left.
    approvalRoundId: text('approval_round_id'),
    approvalsPending: integer('approvals_pending').notNull().default(0),
    // The traveller's statement that the trip cannot be replaced by a video conference (the action
    // plan's rule on recruitment abroad, src/missions/mission-policy.models.ts).
    visioImpossible: integer('visio_impossible', { mode: 'boolean' }).notNull().default(false),
    // The aid granted to a student for taking the train to or from the airport (rail pre-routing,
    // the action plan's measure): counted per student by the copil. Null: none asked.
    railAidCents: integer('rail_aid_cents'),
  },
  (t) => [
    check('missions_status_valid', statusCheck(t.status)),
    check(
      'missions_purpose_valid',
      sql`${t.purpose} in ('conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other')`,
    ),
    check('missions_figures_non_negative', sql`${t.co2eGrams} >= 0 and ${t.costCents} >= 0 and ${t.offsetCents} >= 0 and ${t.offsetCo2eGrams} >= 0`),
    check('missions_dates_ordered', sql`${t.returnAt} > ${t.departAt}`),
    check('missions_version_positive', sql`${t.version} >= 1`),
    index('missions_traveller_idx').on(t.travellerId, t.departAt),
    index('missions_status_idx').on(t.status, t.departAt),
    index('missions_entity_idx').on(t.entityId, t.departAt),
    index('missions_depart_idx').on(t.departAt),
  ],
);

// The columns of a quoted leg, shared by the estimate (mission_legs) and the actual trip (claim_legs):
// the copil reads both with one query shape. A function: each table needs its own column builders.
export const quotedLegColumns = () => ({
    legIndex: integer('leg_index').notNull(),
    mode: text('mode').notNull(),
    fromLabel: text('from_label'),
    toLabel: text('to_label'),
    fromCountry: text('from_country'),
    toCountry: text('to_country'),
    distanceKm: real('distance_km').notNull(),
    trips: integer('trips').notNull(),
    travelers: integer('travelers').notNull(),
    co2eGrams: integer('co2e_grams').notNull(),
    costCents: integer('cost_cents').notNull(),
});

// One row per quoted leg, rewritten with each draft edit: lets reports count flights (trips × travellers)
// and sum CO2e by mode with SQL instead of parsing every quote.
export const missionLegs = sqliteTable(
  'mission_legs',
  {
    missionId: text('mission_id').notNull().references(() => missions.id, { onDelete: 'cascade' }),
    ...quotedLegColumns(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.legIndex] }), index('mission_legs_mode_idx').on(t.mode)],
);

// Append-only (triggers in migration missions_append_only): who moved the mission, when, from what to what.
export const missionAudit = sqliteTable(
  'mission_audit',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull().references(() => missions.id),
    at: text('at').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    comment: text('comment'),
  },
  (t) => [
    index('mission_audit_mission_idx').on(t.missionId, t.at),
    check('mission_audit_action_valid', sql`${t.action} in ('create', 'edit', 'switch', 'submit', 'validate', 'return', 'reject', 'cancel')`),
    check('mission_audit_to_status_valid', statusCheck(t.toStatus)),
  ],
);

// A flight replaced by rail or visio in the form (append-only): feeds the copil's "flights replaced".
// `flights` follows the copil counting rule: trips × travellers one-way flights. The journey (the
// flight's ends as towns) and the replacement leg (its places and distance) are kept so that a later
// edit can tell whether the mission still travels that way (avoided-flights.models.ts); columns null
// on rows recorded before they existed.
export const avoidedFlights = sqliteTable(
  'avoided_flights',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull().references(() => missions.id),
    legIndex: integer('leg_index').notNull(),
    replacedBy: text('replaced_by').notNull(),
    fromLabel: text('from_label'),
    toLabel: text('to_label'),
    flights: integer('flights').notNull(),
    flightCo2eGrams: integer('flight_co2e_grams').notNull(),
    replacementCo2eGrams: integer('replacement_co2e_grams').notNull(),
    at: text('at').notNull(),
    actorId: text('actor_id').notNull(),
    flightTrips: integer('flight_trips'), // 2 for a round trip: the flight covered both directions
    fromTown: text('from_town'),
    toTown: text('to_town'),
    replacementFromLabel: text('replacement_from_label'),
    replacementToLabel: text('replacement_to_label'),
    replacementDistanceKm: real('replacement_distance_km'),
    // Set when the record comes from a certified claim (the flight was not taken on the actual trip)
    // rather than from a switch in the request form. No reference: claims build on missions.
    claimId: text('claim_id'),
  },
  (t) => [
    check('avoided_flights_replaced_by_valid', sql`${t.replacedBy} in ('train', 'visio')`),
    check('avoided_flights_figures_non_negative', sql`${t.flights} >= 1 and ${t.flightCo2eGrams} >= 0 and ${t.replacementCo2eGrams} >= 0`),
    index('avoided_flights_mission_idx').on(t.missionId),
    index('avoided_flights_at_idx').on(t.at),
  ],
);

// An avoided flight that no longer holds: an edit of the mission's legs removed its replacement or
// brought the flight back. A separate append-only row rather than a deletion or an update, like a
// reversing transfer in the ledger: the record says what the form did, this says when and why it
// stopped counting; the copil counts records without a withdrawal.
export const avoidedFlightWithdrawals = sqliteTable(
  'avoided_flight_withdrawals',
  {
    avoidedFlightId: text('avoided_flight_id').primaryKey().references(() => avoidedFlights.id),
    missionId: text('mission_id').notNull().references(() => missions.id),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
    actorId: text('actor_id').notNull(),
  },
  (t) => [
    check('avoided_flight_withdrawals_reason_valid', sql`${t.reason} in ('replacement_removed', 'flight_restored')`),
    index('avoided_flight_withdrawals_mission_idx').on(t.missionId),
  ],
);

// A recruitment held by video conference instead of a trip, recorded in two clicks from /missions
// (issue 12, point 4a): counted by the copil's "international recruitment by visio" beside the
// recruitment missions. Append-only (triggers in migration 0024).
export const visioRecruitments = sqliteTable(
  'visio_recruitments',
  {
    id: text('id').primaryKey(),
    entityId: text('entity_id').notNull().references(() => entities.id),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    country: text('country').notNull(),
    heldOn: text('held_on').notNull(), // the Paris day, YYYY-MM-DD
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('visio_recruitments_entity_idx').on(t.entityId, t.heldOn)],
);

// A record made by mistake is withdrawn by a row here, never deleted (append-only, migration 0027):
// the copil then leaves it out. One withdrawal per record.
export const visioRecruitmentWithdrawals = sqliteTable('visio_recruitment_withdrawals', {
  id: text('id').primaryKey(),
  recruitmentId: text('recruitment_id').notNull().unique().references(() => visioRecruitments.id),
  withdrawnBy: text('withdrawn_by').notNull().references(() => users.id),
  withdrawnAt: text('withdrawn_at').notNull(),
});

// The stored answer of a write sent with an Idempotency-Key: a retry with the same key and body gets it back.
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    userId: text('user_id').notNull(),
    route: text('route').notNull(),
    bodyHash: text('body_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    responseJson: text('response_json').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_user_key_uq').on(t.userId, t.key), index('idempotency_keys_created_idx').on(t.createdAt)],
);
