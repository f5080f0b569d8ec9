CREATE TABLE "notification_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"mission_id" text,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text NOT NULL,
	"created_at" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" text NOT NULL,
	"sent_at" text,
	"last_error" text,
	CONSTRAINT "notification_outbox_status_valid" CHECK ("notification_outbox"."status" in ('pending', 'sent', 'logged', 'failed')),
	CONSTRAINT "notification_outbox_attempts_positive" CHECK ("notification_outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox" USING btree ("status","next_attempt_at");