import { z } from 'zod';
import { approvalChains, approverKinds } from './approvals.models.ts';
import { decimal } from '../ledger/ledger-pages.schemas.ts';
import { parseEurosToCents } from '../ledger/ledger-input.models.ts';

const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,60}$`), `an id starting with ${prefix}_`);

// 10 million euros: far above any mission, low enough to catch a value typed in cents twice.
const MAX_THRESHOLD_CENTS = 1_000_000_000;

export const approvalSettingsInputSchema = z.strictObject({
  chain: z.enum(approvalChains),
  budgetHolderAboveCents: z.number().int().min(0).max(MAX_THRESHOLD_CENTS).default(0),
});
export type ApprovalSettingsInput = z.output<typeof approvalSettingsInputSchema>;

// A head is named for an entity, a holder for a budget line: the scope's prefix must match the kind.
export const approverInputSchema = z
  .strictObject({ kind: z.enum(approverKinds), scopeId: z.string().min(1).max(64), userId: idOf('usr') })
  .superRefine((v, ctx) => {
    const prefix = v.kind === 'head' ? 'ent_' : 'bgl_';
    if (!v.scopeId.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['scopeId'], message: `a ${v.kind === 'head' ? 'entity' : 'budget line'} id (${prefix}…)` });
  });
export type ApproverInput = z.output<typeof approverInputSchema>;

export const approveInputSchema = z.strictObject({
  version: z.number().int().min(1).optional(),
  comment: z.string().max(2000).optional(),
});
export type ApproveInput = z.output<typeof approveInputSchema>;

export const entityIdParamSchema = idOf('ent');

// The admin page's forms as the browser sends them (strings, plus `_csrf`).
export const approvalSettingsForm = z.object({
  chain: z.enum(approvalChains),
  threshold: decimal(parseEurosToCents, 'approvals.error.amount', 0, MAX_THRESHOLD_CENTS),
});

export const approverForm = z.object({ kind: z.enum(approverKinds), scopeId: z.string().min(1).max(64), userId: idOf('usr') });
