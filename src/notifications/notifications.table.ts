import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// The durable outbox of e-mail notifications (docs/notifications.md). A row is written in the
// transaction of the workflow step it tells about, so that it exists exactly when the step does; it is
// sent after the commit by the dispatcher, which records each attempt on the row and never deletes
// one: the table is also the record of what was told to whom.
export const notificationOutbox = sqliteTable(
  'notification_outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(), // mission.submitted, mission.returned, …
    missionId: text('mission_id'),
    recipient: text('recipient').notNull(), // an e-mail address
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: text('created_at').notNull(),
    // pending: to send (at next_attempt_at); sent; logged: no SMTP server configured, written to the
    // log instead; failed: refused for good or out of attempts (last_error says why).
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
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
