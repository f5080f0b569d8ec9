import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Every table here is append-only (triggers in migration 0023): the chain in force, who approves, and
// each decision are evidence. The state in force is the latest row; a change is a new row.

// An entity's chain: its latest row. Missions already submitted keep the steps of their round.
export const approvalSettings = sqliteTable(
  'approval_settings',
  {
    id: text('id').primaryKey(),
    entityId: text('entity_id').notNull(),
    chain: text('chain').notNull(),
    budgetHolderAboveCents: integer('budget_holder_above_cents').notNull(),
    setBy: text('set_by'),
    setAt: text('set_at').notNull(),
  },
  (t) => [
    index('approval_settings_entity_idx').on(t.entityId, t.setAt),
    check('approval_settings_chain_valid', sql`${t.chain} in ('none', 'head', 'head_budget_holder')`),
    check('approval_settings_amount_non_negative', sql`${t.budgetHolderAboveCents} >= 0`),
  ],
);

// A grant (active) or a withdrawal (not active) of an approver: an entity's head (scope: the entity)
// or a budget line's holder (scope: the line).
export const approvers = sqliteTable(
  'approvers',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    scopeId: text('scope_id').notNull(),
    userId: text('user_id').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    setBy: text('set_by'),
    setAt: text('set_at').notNull(),
  },
  (t) => [
    index('approvers_user_idx').on(t.userId),
    index('approvers_scope_idx').on(t.kind, t.scopeId),
    check('approvers_kind_valid', sql`${t.kind} in ('head', 'budget_holder')`),
  ],
);

// One submission's steps, fixed when the mission was submitted.
export const approvalRounds = sqliteTable(
  'approval_rounds',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    steps: text('steps').notNull(),
    openedAt: text('opened_at').notNull(),
  },
  (t) => [index('approval_rounds_mission_idx').on(t.missionId)],
);

// One decision on one step of a round. Unique per step: of two approvers racing, one books the step.
export const missionApprovals = sqliteTable(
  'mission_approvals',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id').notNull(),
    missionId: text('mission_id').notNull(),
    step: text('step').notNull(),
    decision: text('decision').notNull(),
    actorId: text('actor_id').notNull(),
    at: text('at').notNull(),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('mission_approvals_round_step_unique').on(t.roundId, t.step),
    index('mission_approvals_mission_idx').on(t.missionId),
    check('mission_approvals_step_valid', sql`${t.step} in ('head', 'budget_holder')`),
    check('mission_approvals_decision_valid', sql`${t.decision} in ('approved', 'returned')`),
  ],
);
