import { z } from 'zod';
import { quoteQuerySchema, quoteRequestSchema } from '../quote/quote.schemas.ts';
import { suggestQuerySchema } from '../places/places.schemas.ts';
import {
  createMissionSchema,
  listMissionsQuerySchema,
  missionDetailSchema,
  missionListSchema,
  missionSummarySchema,
  switchLegSchema,
  transitionSchema,
  updateMissionSchema,
  visioRecruitmentAnswerSchema,
  visioRecruitmentSchema,
} from '../missions/missions.schemas.ts';
import { carbonPriceBody } from '../carbon-prices/carbon-prices.schemas.ts';
import { balancesQuery, disbursementBody, projectBody, reverseBody, statementQuery } from '../ledger/ledger.schemas.ts';
import { budgetLineCreateSchema, budgetLinesQuerySchema, entityCreateSchema, noFieldsSchema as noLineFields } from '../org/org.schemas.ts';
import { copilQuery, importQuery, recomputeQuery, settingsBody } from '../reports/reports.schemas.ts';
import {
  noFieldsSchema,
  passwordSetAnswerSchema,
  passwordSetSchema,
  personChangeSchema,
  personCreateSchema,
  personListSchema,
  personUpdateSchema,
  roleChangeSchema,
} from '../auth/users-admin.schemas.ts';
import { storedPlaceSchema, storedQuoteSchema } from '../quote/stored-quote.schemas.ts';
import { claimAnswerSchema, claimListSchema, claimTransitionSchema, listClaimsQuerySchema, paymentsAnswerSchema, paymentsQuerySchema, paySchema, putClaimSchema, receiptAnswerSchema, receiptFieldsSchema } from '../claims/claims.schemas.ts';
import { MAX_RECEIPT_BYTES, receiptTypes } from '../claims/receipts.models.ts';
import { approvalSettingsInputSchema, approveInputSchema, approverInputSchema } from '../approvals/approvals.schemas.ts';
import { quotaUsageQuerySchema, quotasQuerySchema, setQuotaSchema } from '../quotas/quotas.schemas.ts';
import { noFieldsSchema as noNoticeFields, outboxQuerySchema } from '../notifications/notifications.schemas.ts';
import { setPolicySwitchSchema } from '../policies/policies.schemas.ts';
import type { Operation } from './openapi.models.ts';

// Answers of other capabilities, described here from their documented contracts where they do not
// export a zod schema of their own.
const place = storedPlaceSchema;
const placesAnswer = z.object({ places: z.array(place.extend({ score: z.number() })) });
const factorsAnswer = z.object({ defaultSetId: z.string(), sets: z.array(z.object({ id: z.string(), label: z.string(), source: z.unknown(), version: z.string(), licence: z.unknown(), isDefault: z.boolean(), rows: z.array(z.unknown()) }).catchall(z.unknown())) });
const balancesAnswer = z.object({ accounts: z.array(z.object({ id: z.string(), kind: z.enum(['envelope', 'budget_line', 'project']), name: z.string(), balanceCents: z.number().int() })) });

const missionOp = (op: Omit<Operation, 'tag' | 'auth'>): Operation => ({ tag: 'missions', auth: true, ...op });
const transition = (action: string, summary: string): Operation =>
  missionOp({ method: 'post', path: `/api/missions/:id/${action}`, summary, body: transitionSchema, response: missionDetailSchema.omit({ audit: true }), idempotent: true, errors: [403, 404, 409] });

const claimOp = (op: Omit<Operation, 'tag' | 'auth'>): Operation => ({ tag: 'claims', auth: true, ...op });
const claimPath = '/api/missions/:id/claim';
const claimTransition = (action: string, summary: string, body: Operation['body'] = claimTransitionSchema): Operation =>
  claimOp({ method: 'post', path: `${claimPath}/${action}`, summary, body, response: claimAnswerSchema, idempotent: true, errors: [403, 404, 409] });

const claimOperations: Operation[] = [
  claimOp({ method: 'get', path: claimPath, summary: "The mission's claim (état de frais): actual trip and quote, expenses, receipts, estimate vs actual, adjustment (traveller, secretariat, finance, admin)", query: quoteQuerySchema, response: claimAnswerSchema, errors: [404] }),
  claimOp({ method: 'put', path: claimPath, summary: 'Create the claim of a validated mission (201; without trip, the mission\'s) or replace what the body gives of a draft or returned one (200)', body: putClaimSchema, response: claimAnswerSchema, errors: [403, 404, 409] }),
  claimOp({ method: 'post', path: `${claimPath}/receipts`, summary: 'Upload a receipt (multipart: file, label): PDF, JPEG or PNG, type read from the bytes, stored with its SHA-256', upload: { field: 'file', types: [...receiptTypes], maxBytes: MAX_RECEIPT_BYTES, fields: receiptFieldsSchema }, response: receiptAnswerSchema, status: 201, idempotent: true, errors: [403, 404, 409, 413, 415] }),
  claimOp({ method: 'get', path: `${claimPath}/receipts/:receiptId`, summary: 'A receipt\'s bytes under their sniffed type (?download=1: as an attachment); never to the copil', produces: [...receiptTypes], errors: [404] }),
  claimOp({ method: 'delete', path: `${claimPath}/receipts/:receiptId`, summary: 'Withdraw a receipt of a draft or returned claim', response: claimAnswerSchema, errors: [403, 404, 409] }),
  claimTransition('submit', 'Submit to the secretariat: the trip is over, and receipts are joined when fares or expenses are claimed'),
  claimTransition('return', 'Return to the traveller for correction (secretariat, comment required)'),
  claimTransition('reject', 'Reject the claim (secretariat, reason required)'),
  claimTransition('certify', 'Certify (service fait, secretariat): books the contribution adjustment (actual − booked) in the same transaction'),
  claimTransition('pay', 'Mark a certified claim paid (finance) with the payment reference', paySchema),
  claimOp({ method: 'get', path: '/api/claims', summary: 'Claims by status, oldest change first: the secretariat and finance see all, a traveller their own', query: listClaimsQuerySchema, response: claimListSchema, errors: [403] }),
  { method: 'get', path: '/api/payments', tag: 'claims', auth: true, summary: 'Certified claims to pay (by certification date) or paid ones (by payment date) over Paris days, per budget line, with amounts per kind (finance); format=csv (Excel-FR) or pdf', query: paymentsQuerySchema, response: paymentsAnswerSchema, produces: ['text/csv', 'application/pdf'], errors: [403, 404] },
];

export const operations: Operation[] = [
  { method: 'post', path: '/api/quote', tag: 'quote', auth: false, summary: 'Price a trip: distance, CO2e with provenance, cost, policy flags, rail and visio alternatives', query: quoteQuerySchema, body: quoteRequestSchema, response: storedQuoteSchema, errors: [429] },
  { method: 'get', path: '/api/places', tag: 'places', auth: false, summary: 'Autocomplete airports and cities', query: suggestQuerySchema, response: placesAnswer },
  { method: 'get', path: '/api/factors', tag: 'factors', auth: false, summary: 'Emission-factor sets with source, version and licence', response: factorsAnswer },
  { method: 'get', path: '/api/factors/:setId', tag: 'factors', auth: false, summary: 'One emission-factor set', errors: [404] },
  missionOp({ method: 'post', path: '/api/missions', summary: 'Create a draft mission (priced by the quote engine)', body: createMissionSchema, response: missionDetailSchema.omit({ audit: true }), status: 201, idempotent: true, errors: [403] }),
  missionOp({ method: 'get', path: '/api/missions', summary: 'List missions: travellers see their own; secretariat, finance, copil and admin see all', query: listMissionsQuerySchema, response: missionListSchema }),
  missionOp({ method: 'get', path: '/api/missions/:id', summary: 'A mission with its quote (texts in ?lang, French by default) and audit trail', query: quoteQuerySchema, response: missionDetailSchema, errors: [400, 404] }),
  missionOp({ method: 'patch', path: '/api/missions/:id', summary: 'Edit a draft or returned mission (re-quoted when trip changes)', body: updateMissionSchema, response: missionDetailSchema.omit({ audit: true }), errors: [403, 404, 409] }),
  transition('submit', "Submit: to the approvers of the entity's chain first when it has one, else to the secretariat (justification required when the policy asks; banned routes refused)"),
  missionOp({ method: 'post', path: '/api/missions/:id/approve', summary: "Approve the step the mission awaits (the entity's head, then the budget line's holder; four-eyes: never one's own mission nor two steps of one submission). Returning is POST /return with a comment", body: approveInputSchema, response: missionDetailSchema.omit({ audit: true }), idempotent: true, errors: [403, 404, 409] }),
  missionOp({ method: 'post', path: '/api/visio-recruitments', summary: "Record an international recruitment held by video conference instead of a trip (staff; the person's entity): counted by the copil's recruitment-by-visio indicator", body: visioRecruitmentSchema, response: z.object({ visioRecruitment: visioRecruitmentAnswerSchema }), status: 201, errors: [400, 403] }),
  missionOp({ method: 'get', path: '/api/visio-recruitments', summary: 'The latest recruitments by video conference this person recorded, each with withdrawnAt (null while it counts)', response: z.object({ visioRecruitments: z.array(visioRecruitmentAnswerSchema) }) }),
  missionOp({ method: 'post', path: '/api/visio-recruitments/:id/withdraw', summary: 'Withdraw a record made by mistake (its author only; a row beside it, never a deletion; the copil leaves it out; 409 when already withdrawn)', body: noNoticeFields, response: z.object({ visioRecruitment: visioRecruitmentAnswerSchema }), errors: [400, 403, 404, 409] }),
  missionOp({ method: 'get', path: '/api/approvals', summary: 'The missions awaiting a step this person may take now (heads of the entity, holders of the budget line; admins: any)', response: z.object({ missions: z.array(missionSummarySchema) }) }),
  transition('validate', 'Validate (secretariat), once every approval step is given (409 mission.approvals_pending before): books the carbon contribution in the same transaction'),
  transition('return', 'Return to the traveller for correction (comment required)'),
  transition('reject', 'Reject (reason required)'),
  transition('cancel', 'Cancel a submitted or validated mission (a validated one gets its contribution reversed)'),
  missionOp({ method: 'post', path: '/api/missions/:id/legs/:index/switch', summary: 'Replace a flight leg by rail or visio and record the avoided flight (a later edit bringing the flight back withdraws it)', body: switchLegSchema, response: missionDetailSchema.omit({ audit: true }), idempotent: true, errors: [403, 404, 409] }),
  ...claimOperations,
  { method: 'get', path: '/api/ledger/balances', tag: 'ledger', auth: true, summary: 'Balance of every ledger account as of a date or instant (finance)', query: balancesQuery, response: balancesAnswer, produces: ['text/csv'], errors: [403] },
  { method: 'get', path: '/api/ledger/statement', tag: 'ledger', auth: true, summary: 'Statement of one account over a period, with running balance', query: statementQuery, produces: ['text/csv', 'application/pdf'], errors: [403, 404] },
  { method: 'get', path: '/api/ledger/projects', tag: 'ledger', auth: true, summary: 'Reinvestment projects', errors: [403] },
  { method: 'post', path: '/api/ledger/projects', tag: 'ledger', auth: true, summary: 'Record a reinvestment project (finance)', body: projectBody, status: 201, errors: [403, 409] },
  { method: 'post', path: '/api/ledger/disbursements', tag: 'ledger', auth: true, summary: 'Disburse from the envelope to a project (finance); refused below zero', body: disbursementBody, status: 201, idempotent: true, errors: [403, 404, 409] },
  { method: 'post', path: '/api/ledger/transfers/:id/reverse', tag: 'ledger', auth: true, summary: 'Correct a transfer by a reversing transfer (finance)', body: reverseBody, status: 201, errors: [403, 404, 409] },
  { method: 'get', path: '/api/ledger/audit', tag: 'ledger', auth: true, summary: 'Ledger invariants check (sum of entries, balances)', errors: [403] },
  { method: 'get', path: '/api/admin/carbon-prices', tag: 'admin', auth: true, summary: 'Carbon price per year, with history', errors: [403] },
  { method: 'post', path: '/api/admin/carbon-prices', tag: 'admin', auth: true, summary: 'Set the carbon price of a year (never changes past transfers)', body: carbonPriceBody, status: 201, errors: [403] },
  { method: 'get', path: '/api/entities', tag: 'organisation', auth: true, summary: 'Entities (labs, departments, services)' },
  { method: 'post', path: '/api/entities', tag: 'organisation', auth: true, summary: 'Create an entity (admin)', body: entityCreateSchema, status: 201, errors: [403, 409] },
  { method: 'get', path: '/api/budget-lines', tag: 'organisation', auth: true, summary: 'Budget lines, optionally of one entity', query: budgetLinesQuerySchema },
  { method: 'post', path: '/api/budget-lines', tag: 'organisation', auth: true, summary: 'Create a budget line (admin)', body: budgetLineCreateSchema, status: 201, errors: [403, 409] },
  { method: 'post', path: '/api/budget-lines/:id/close', tag: 'organisation', auth: true, summary: 'Close a budget line: no new mission may use it, missions already on it keep it (admin; answers { budgetLine, changed })', body: noLineFields, errors: [403, 404] },
  { method: 'post', path: '/api/budget-lines/:id/reopen', tag: 'organisation', auth: true, summary: 'Reopen a closed budget line (admin; answers { budgetLine, changed })', body: noLineFields, errors: [403, 404] },
  { method: 'get', path: '/api/approval-settings', tag: 'organisation', auth: true, summary: "Each entity's approval chain in force, its heads and its budget lines' holders (admin)", errors: [403] },
  { method: 'put', path: '/api/entities/:id/approval-settings', tag: 'organisation', auth: true, summary: "Set an entity's approval chain: none, head, or head then the budget line's holder above an amount or for any flight (admin; kept with history; missions already submitted keep theirs)", body: approvalSettingsInputSchema, errors: [400, 403] },
  { method: 'post', path: '/api/approvers/grant', tag: 'organisation', auth: true, summary: "Name an entity's head (kind head, scopeId ent_…) or a budget line's holder (kind budget_holder, scopeId bgl_…) (admin; answers { changed })", body: approverInputSchema, errors: [400, 403] },
  { method: 'post', path: '/api/approvers/withdraw', tag: 'organisation', auth: true, summary: 'Withdraw an approver (admin; answers { changed }; the history stays)', body: approverInputSchema, errors: [400, 403] },
  { method: 'get', path: '/api/quotas', tag: 'organisation', auth: true, summary: "Each entity's carbon quota of the year (?year, this year by default) with what its submitted and validated missions use, and every quota ever set (admin, copil, finance)", query: quotasQuerySchema, errors: [403] },
  { method: 'post', path: '/api/quotas', tag: 'organisation', auth: true, summary: "Set an entity's carbon quota of a year in kg CO2e, and whether exceeding it asks a justification or only warns (admin; kept with history; never rewrites a mission)", body: setQuotaSchema, status: 201, errors: [400, 403] },
  { method: 'get', path: '/api/quotas/usage', tag: 'organisation', auth: true, summary: "What a mission of co2eGrams would leave of its entity's quota of the year (usage: null without a quota); ?mission leaves that mission out of the used figure", query: quotaUsageQuerySchema },
  { method: 'get', path: '/api/admin/policies', tag: 'admin', auth: true, summary: "The action plan's switches (domestic flights trial, recruitment abroad by visio): each one's state and whether an admin set it or the deployment's default applies, then every change, newest first (admin, copil)", errors: [403] },
  { method: 'post', path: '/api/admin/policies', tag: 'admin', auth: true, summary: 'Turn one of the action plan’s switches on or off, with a reason (admin; a new row, kept with history; applies to the quotes and submissions that follow)', body: setPolicySwitchSchema, status: 201, errors: [400, 403] },
  { method: 'get', path: '/api/admin/notifications', tag: 'admin', auth: true, summary: 'The outbox of e-mail notices: counts per status and the latest messages (?status, ?limit), without their bodies (admin)', query: outboxQuerySchema, errors: [403] },
  { method: 'post', path: '/api/admin/notifications/:id/retry', tag: 'admin', auth: true, summary: 'Send again a message given up (failed) or only logged (no SMTP server then): back in the queue, due now (admin; 409 for any other status)', body: noNoticeFields, errors: [403, 404, 409] },
  { method: 'get', path: '/api/me', tag: 'auth', auth: true, summary: 'The signed-in person: id, name, roles, entity' },
  { method: 'get', path: '/api/users', tag: 'people', auth: true, summary: 'Everyone with entity, roles and status (admin)', response: personListSchema, errors: [403] },
  { method: 'post', path: '/api/users', tag: 'people', auth: true, summary: 'Add a person (admin; roles default to staff, password optional)', body: personCreateSchema, response: personChangeSchema.pick({ user: true }), status: 201, errors: [403, 409] },
  { method: 'patch', path: '/api/users/:id', tag: 'people', auth: true, summary: 'Edit a person’s name, entity (null: none) or category (admin; other fields refused; audited when something changes)', body: personUpdateSchema, response: personChangeSchema, errors: [403, 404] },
  { method: 'post', path: '/api/users/:id/password', tag: 'people', auth: true, summary: 'Set a new password for a person: all their sessions end, audited (admin; not for oneself: 409, use /account/password)', body: passwordSetSchema, response: passwordSetAnswerSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/:id/roles', tag: 'people', auth: true, summary: 'Add or remove one role (admin; the last enabled admin keeps the admin role: 409)', body: roleChangeSchema, response: personChangeSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/:id/disable', tag: 'people', auth: true, summary: 'Disable a person: sessions ended, tokens refused while disabled (admin; not oneself, not the last enabled admin: 409)', body: noFieldsSchema, response: personChangeSchema, errors: [403, 404, 409] },
  { method: 'post', path: '/api/users/:id/enable', tag: 'people', auth: true, summary: 'Enable a disabled person again (admin)', body: noFieldsSchema, response: personChangeSchema, errors: [403, 404] },
  { method: 'get', path: '/api/reports/copil', tag: 'reports', auth: true, summary: 'Copil indicators of a year against the reference year, with definitions (copil, finance)', query: copilQuery, produces: ['text/csv', 'application/pdf'], errors: [403] },
  { method: 'get', path: '/api/reports/copil.csv', tag: 'reports', auth: true, summary: 'The copil figures as a French CSV (copil, finance)', produces: ['text/csv'], errors: [403] },
  { method: 'get', path: '/api/reports/copil.pdf', tag: 'reports', auth: true, summary: 'The copil report as a PDF with its charts (copil, finance)', produces: ['application/pdf'], errors: [403] },
  { method: 'get', path: '/api/reports/settings', tag: 'reports', auth: true, summary: 'Reference year and targets in force, with history (copil, finance)', errors: [403] },
  { method: 'put', path: '/api/reports/settings', tag: 'reports', auth: true, summary: 'Set the reference year and targets (admin; kept with history)', body: settingsBody, errors: [403] },
  { method: 'get', path: '/api/reports/recompute', tag: 'reports', auth: true, summary: 'A year recomputed under another factor set, per mode, storing nothing (admin)', query: recomputeQuery, errors: [403, 404] },
  { method: 'post', path: '/api/reports/import', tag: 'reports', auth: true, summary: 'Import past missions: the CSV as the text/csv body (admin)', query: importQuery, produces: ['text/csv'], errors: [403, 422] },
  { method: 'get', path: '/api/reports/imports', tag: 'reports', auth: true, summary: 'Latest historical imports (admin)', errors: [403] },
];
