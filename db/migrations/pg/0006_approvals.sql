CREATE TABLE "approval_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"steps" text NOT NULL,
	"opened_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"entity_id" text NOT NULL,
	"chain" text NOT NULL,
	"budget_holder_above_cents" bigint NOT NULL,
	"set_by" text,
	"set_at" text NOT NULL,
	CONSTRAINT "approval_settings_chain_valid" CHECK ("approval_settings"."chain" in ('none', 'head', 'head_budget_holder')),
	CONSTRAINT "approval_settings_amount_non_negative" CHECK ("approval_settings"."budget_holder_above_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "approvers" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"user_id" text NOT NULL,
	"active" boolean NOT NULL,
	"set_by" text,
	"set_at" text NOT NULL,
	CONSTRAINT "approvers_kind_valid" CHECK ("approvers"."kind" in ('head', 'budget_holder'))
);
--> statement-breakpoint
CREATE TABLE "mission_approvals" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"mission_id" text NOT NULL,
	"step" text NOT NULL,
	"decision" text NOT NULL,
	"actor_id" text NOT NULL,
	"at" text NOT NULL,
	"comment" text,
	CONSTRAINT "mission_approvals_step_valid" CHECK ("mission_approvals"."step" in ('head', 'budget_holder')),
	CONSTRAINT "mission_approvals_decision_valid" CHECK ("mission_approvals"."decision" in ('approved', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "approval_round_id" text;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "approvals_pending" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "approval_rounds_mission_idx" ON "approval_rounds" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "approval_settings_entity_idx" ON "approval_settings" USING btree ("entity_id","set_at");--> statement-breakpoint
CREATE INDEX "approvers_user_idx" ON "approvers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "approvers_scope_idx" ON "approvers" USING btree ("kind","scope_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mission_approvals_round_step_unique" ON "mission_approvals" USING btree ("round_id","step");--> statement-breakpoint
CREATE INDEX "mission_approvals_mission_idx" ON "mission_approvals" USING btree ("mission_id");--> statement-breakpoint
-- The chain in force, who approves and every decision are evidence: append-only, and ordered by
-- insertion as SQLite's rowid orders them (0003_insertion_order).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['approval_settings', 'approvers', 'approval_rounds', 'mission_approvals'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN insertion_seq bigint GENERATED ALWAYS AS IDENTITY', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION empreinte_refuse()', t || '_append_only', t);
  END LOOP;
END $$;
