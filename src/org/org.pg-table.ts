// PostgreSQL twin of org.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { entityKinds, orgAuditActions } from './org.models.ts';

export const entities = pgTable(
  'entities',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: entityKinds }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // A name is how people (and the CLI) designate an entity: two with the same name would be ambiguous.
    uniqueIndex('entities_name_unique').on(t.name),
    check('entities_kind_valid', sql`${t.kind} in ('lab', 'department', 'service')`),
  ],
);

export const budgetLines = pgTable(
  'budget_lines',
  {
    id: text('id').primaryKey(),
    entityId: text('entity_id')
      .notNull()
      .references(() => entities.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    // Lines are closed, never deleted: missions and ledger accounts keep pointing at them.
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('budget_lines_entity_code_unique').on(t.entityId, t.code)],
);

// Who changed the organisation, and when: closing a line stops new missions on it, which finance must be
// able to trace. Append-only (triggers in 0018); actor_id is null for the CLI, which has no signed-in person.
export const orgAudit = pgTable(
  'org_audit',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    action: text('action', { enum: orgAuditActions }).notNull(),
    targetId: text('target_id').notNull(),
    detail: text('detail').notNull(),
  },
  (t) => [
    index('org_audit_at_idx').on(t.at),
    check('org_audit_action_valid', sql`${t.action} in ('entity_created', 'budget_line_created', 'budget_line_closed', 'budget_line_reopened')`),
  ],
);
