import { z } from 'zod';
import { missionTripSchema } from '../missions/missions.schemas.ts';
import { COMMENT_MAX_CHARS } from '../missions/missions.models.ts';
import { claimStatuses } from './claims.models.ts';
import { paymentKinds } from './payments.models.ts';
import { EXPENSE_LABEL_MAX_CHARS, expenseKinds, MAX_EXPENSE_CENTS, MAX_EXPENSES } from './expenses.models.ts';

const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,40}$`), `expected an id starting with ${prefix}_`);
export const receiptIdSchema = idOf('rcp');

export const expenseSchema = z.strictObject({
  kind: z.enum(expenseKinds),
  amountCents: z.number().int('amountCents is an integer number of euro cents').min(1, 'an expense is at least 1 cent').max(MAX_EXPENSE_CENTS, `an expense is at most ${MAX_EXPENSE_CENTS} cents`),
  date: z.iso.date({ message: 'expected a date YYYY-MM-DD' }),
  label: z.string().trim().min(1, 'say what the expense is').max(EXPENSE_LABEL_MAX_CHARS),
});

// PUT /api/missions/:id/claim. The first PUT creates the claim: without `trip` it starts from the
// mission's (the traveller then corrects what changed). Later PUTs replace what they give; `version`,
// when given, must be the one the client read.
export const putClaimSchema = z.strictObject({
  trip: missionTripSchema.optional(),
  expenses: z.array(expenseSchema).max(MAX_EXPENSES).optional(),
  note: z.string().max(COMMENT_MAX_CHARS).nullable().optional(),
  version: z.number().int().min(1).optional(),
});
export type PutClaimInput = z.output<typeof putClaimSchema>;

export const claimTransitionSchema = z.strictObject({
  comment: z.string().max(COMMENT_MAX_CHARS).optional(),
  version: z.number().int().min(1).optional(),
});
export type ClaimTransitionInput = z.output<typeof claimTransitionSchema>;

// The reference of the payment order (mandat, bordereau) finance gave the accounting system.
export const paySchema = z.strictObject({
  paymentReference: z.string().trim().min(1, 'give the payment reference').max(100),
  version: z.number().int().min(1).optional(),
});
export type PayInput = z.output<typeof paySchema>;

// The text fields that come with an uploaded receipt (multipart).
export const receiptFieldsSchema = z.strictObject({ label: z.string().trim().max(EXPENSE_LABEL_MAX_CHARS).optional() });

export const listClaimsQuerySchema = z.strictObject({
  status: z.enum(claimStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
export const paymentsQuerySchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    status: z.enum(['certified', 'paid']).default('certified'),
    // An id (bgl_…) or a code (LSR-FONC), as the CLI and the organisation pages accept them.
    budgetLine: z.string().trim().min(1).max(64).optional(),
    format: z.enum(['csv', 'pdf', 'json']).default('json'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to is on or after from' });
export type PaymentsQuery = z.output<typeof paymentsQuerySchema>;

// Answers, for the OpenAPI document. The quote is the engine's own output, as for missions.
const figure = z.object({ estimate: z.number().int(), actual: z.number().int(), difference: z.number().int() });
const legFigures = z.object({ mode: z.string(), from: z.string().nullable(), to: z.string().nullable(), distanceKm: z.number(), trips: z.number().int(), co2eGrams: z.number().int(), costCents: z.number().int() });
const receiptSchema = z.object({ id: receiptIdSchema, fileName: z.string(), contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']), sizeBytes: z.number().int(), sha256: z.string(), label: z.string().nullable(), uploadedAt: z.string(), href: z.string() });
export const claimSchema = z.object({
  id: idOf('clm'),
  missionId: idOf('msn'),
  status: z.enum(claimStatuses),
  travellerId: z.string(),
  travellerName: z.string().nullable(),
  trip: z.unknown().describe('the actual trip, in the mission request shape'),
  expenses: z.array(expenseSchema),
  note: z.string().nullable(),
  quote: z.unknown().describe("the actual trip's quote (POST /api/quote answer), priced at the carbon price of its own year"),
  amounts: z.object({ faresCents: z.number().int(), mileageCents: z.number().int(), perDiemCents: z.number().int(), expensesCents: z.record(z.enum(expenseKinds), z.number().int()), totalCents: z.number().int().describe('what finance pays the traveller') }),
  flags: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()) })),
  comparison: z.object({
    legs: z.array(z.object({ index: z.number().int(), estimate: legFigures.nullable(), actual: legFigures.nullable(), changed: z.boolean(), co2eGrams: figure, costCents: figure })),
    totals: z.object({ co2eGrams: figure, travelCostCents: figure, expensesCents: figure, reimbursedCents: figure, contributionCents: figure }),
  }),
  receipts: z.array(receiptSchema),
  adjustment: z.object({ amountCents: z.number().int().describe('> 0: the budget line paid more; < 0: the envelope gave back'), transferId: z.string().nullable() }).nullable(),
  certifiedAt: z.string().nullable(),
  certifiedBy: z.string().nullable(),
  payment: z.object({ reference: z.string(), paidAt: z.string(), paidBy: z.string().nullable() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  audit: z.array(z.object({ id: z.string(), at: z.string(), actorId: z.string(), actorName: z.string().nullable(), action: z.string(), fromStatus: z.enum(claimStatuses).nullable(), toStatus: z.enum(claimStatuses), comment: z.string().nullable() })),
});
export const claimAnswerSchema = z.object({ claim: claimSchema });
export const receiptAnswerSchema = claimAnswerSchema.extend({ receipt: receiptSchema });
export const claimListSchema = z.object({ claims: z.array(z.object({ id: z.string(), missionId: z.string(), status: z.enum(claimStatuses) }).catchall(z.unknown())), total: z.number().int() });

const amountsPerKind = z.record(z.enum(paymentKinds), z.number().int());
export const paymentsAnswerSchema = z.object({
  status: z.enum(['certified', 'paid']),
  period: z.object({ from: z.string(), to: z.string() }).catchall(z.unknown()),
  budgetLine: z.object({ id: z.string(), code: z.string(), label: z.string() }).catchall(z.unknown()).nullable(),
  lines: z.array(
    z.object({
      claimId: z.string(),
      missionId: z.string(),
      travellerName: z.string().nullable(),
      budgetLine: z.object({ id: z.string(), code: z.string(), label: z.string() }).nullable(),
      destination: z.string(),
      certifiedAt: z.string().nullable(),
      paidAt: z.string().nullable(),
      paymentReference: z.string().nullable(),
      amountsCents: amountsPerKind,
      totalCents: z.number().int(),
    }),
  ),
  totals: z.object({ claims: z.number().int(), amountsCents: amountsPerKind, totalCents: z.number().int() }),
  generatedAt: z.string(),
});
