// PostgreSQL twin of notifications.table.ts: same table, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text } from 'drizzle-orm/pg-core';

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    missionId: text('mission_id'),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: text('created_at').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    sentAt: text('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [
    check('notification_outbox_status_valid', sql`${t.status} in ('pending', 'sent', 'logged', 'failed')`),
    check('notification_outbox_attempts_positive', sql`${t.attempts} >= 0`),
    index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
