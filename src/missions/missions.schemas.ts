import { z } from 'zod';
import { quoteRequestSchema } from '../quote/quote.schemas.ts';
import { COMMENT_MAX_CHARS, missionPurposes, missionStatuses } from './missions.models.ts';

const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,40}$`), `expected an id starting with ${prefix}_`);
export const missionIdSchema = idOf('msn');
export const visioRecruitmentIdSchema = idOf('vrc');

// A mission is a quote request with dates and a destination made mandatory.
// `params.required` lets the form say "required" rather than "invalid".
export const missionTripSchema = quoteRequestSchema.superRefine((trip, ctx) => {
  const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { required: true } });
  if (!trip.departAt) missing('departAt', 'a mission needs its departure date and time');
  if (!trip.returnAt) missing('returnAt', 'a mission needs its return date and time');
  if (!trip.destination) missing('destination', 'a mission needs its destination country');
});

const missionFields = {
  purpose: z.enum(missionPurposes),
  budgetLineId: idOf('bgl').nullable().optional(),
  justification: z.string().max(COMMENT_MAX_CHARS).nullable().optional(),
  railAidCents: z.number().int().min(0).max(1_000_000).nullable().optional().describe('for a student: the aid granted for taking the train to or from the airport (rail pre-routing), in cents; counted per student by the copil'),
  visioImpossible: z.boolean().optional().describe('the traveller states the trip cannot be replaced by a video conference (recruitment abroad needs no other justification then)'),
  trip: missionTripSchema,
};

export const createMissionSchema = z.strictObject(missionFields);
export type CreateMissionInput = z.output<typeof createMissionSchema>;

// PATCH: any subset; `trip` is replaced whole. `version`, when given, must be the one the client read.
export const updateMissionSchema = z.strictObject({
  purpose: missionFields.purpose.optional(),
  budgetLineId: missionFields.budgetLineId,
  justification: missionFields.justification,
  visioImpossible: missionFields.visioImpossible,
  railAidCents: missionFields.railAidCents,
  trip: missionTripSchema.optional(),
  version: z.number().int().min(1).optional(),
});
export type UpdateMissionInput = z.output<typeof updateMissionSchema>;

export const transitionSchema = z.strictObject({
  comment: z.string().max(COMMENT_MAX_CHARS).optional(),
  version: z.number().int().min(1).optional(),
});
export type TransitionInput = z.output<typeof transitionSchema>;

export const switchLegSchema = z.strictObject({ to: z.enum(['train', 'visio']) });
export const legIndexSchema = z.coerce.number().int().min(0).max(49);

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
export const listMissionsQuerySchema = z.strictObject({
  status: z.enum(missionStatuses).optional(),
  entity: idOf('ent').optional(),
  traveller: idOf('usr').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  approval: z.enum(['complete', 'pending']).optional().describe("complete: no approval awaited (the secretariat's queue); pending: a step of the entity's chain awaited"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListMissionsQuery = z.output<typeof listMissionsQuerySchema>;

export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'an Idempotency-Key is 1 to 200 visible ASCII characters');

// Answers, for the OpenAPI document: the quote is described by the quote engine's own output.
export const missionSummarySchema = z.object({
  id: missionIdSchema,
  status: z.enum(missionStatuses),
  travellerId: z.string(),
  travellerName: z.string().nullable(),
  entityId: z.string(),
  budgetLineId: z.string().nullable(),
  purpose: z.enum(missionPurposes),
  destination: z.object({ country: z.string(), city: z.string().nullable() }),
  departAt: z.string(),
  returnAt: z.string(),
  co2eGrams: z.number().int(),
  costCents: z.number().int(),
  offsetCents: z.number().int(),
  factorSet: z.object({ id: z.string(), version: z.string() }),
  version: z.number().int(),
  approvalsPending: z.number().int().describe('steps of the approval chain still awaited (0: with the secretariat once submitted)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.enum(missionStatuses).nullable(),
  toStatus: z.enum(missionStatuses),
  comment: z.string().nullable(),
});

const missionFlagSchema = z.object({ code: z.enum(['quota.exceeded', 'recruitment.flight_abroad']), severity: z.enum(['warning', 'justification_required']), params: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() });

export const missionDetailSchema = missionSummarySchema.extend({
  justification: z.string().nullable(),
  visioImpossible: z.boolean(),
  railAidCents: z.number().int().nullable(),
  quota: z
    .object({ year: z.number().int(), quotaGrams: z.number().int(), usedGrams: z.number().int(), missionGrams: z.number().int(), remainingGrams: z.number().int(), exceeded: z.boolean(), severity: z.enum(['warning', 'justification']), asOf: z.string().nullable() })
    .nullable()
    .describe("the entity's carbon quota of the mission's year: used by the other submitted and validated missions, this mission's share, what remains; as it stood at submission (asOf) once submitted"),
  flags: z.array(missionFlagSchema).describe("the mission's own policy flags (quota, recruitment abroad), beside the quote's"),
  trip: z.unknown().describe('the quote request the mission was priced from'),
  quote: z.unknown().describe('the full quote (POST /api/quote answer) stored with the mission'),
  audit: z.array(auditEntrySchema),
  approval: z
    .object({
      roundId: z.string(),
      steps: z.array(z.enum(['head', 'budget_holder'])),
      awaiting: z.enum(['head', 'budget_holder']).nullable(),
      decisions: z.array(z.object({ roundId: z.string(), step: z.enum(['head', 'budget_holder']), decision: z.enum(['approved', 'returned']), actorId: z.string(), actorName: z.string().nullable(), at: z.string(), comment: z.string().nullable() })),
    })
    .nullable()
    .describe("the approval chain of the latest submission (null: none); decisions of every submission, oldest first"),
  actions: z.array(z.string()).describe('what the reader may do now (edit, submit, approve, validate, return, reject, cancel)'),
});

export const missionListSchema = z.object({ missions: z.array(missionSummarySchema), total: z.number().int() });

// A recruitment held by video conference (two clicks from /missions): the candidate's country, abroad,
// and the day it was held (today by default; never a day still to come).
export const visioRecruitmentSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code, e.g. CN').refine((c) => c !== 'FR', 'an international recruitment: the candidate is abroad'),
  heldOn: isoDate.optional(),
});
export type VisioRecruitmentInput = z.output<typeof visioRecruitmentSchema>;

export const visioRecruitmentAnswerSchema = z.object({ id: z.string(), entityId: z.string(), recordedBy: z.string(), country: z.string(), heldOn: z.string(), createdAt: z.string(), withdrawnAt: z.string().nullable().optional() });
