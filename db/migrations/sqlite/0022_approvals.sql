CREATE TABLE `approval_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`mission_id` text NOT NULL,
	`steps` text NOT NULL,
	`opened_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `approval_rounds_mission_idx` ON `approval_rounds` (`mission_id`);
--> statement-breakpoint
CREATE TABLE `approval_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`entity_id` text NOT NULL,
	`chain` text NOT NULL,
	`budget_holder_above_cents` integer NOT NULL,
	`set_by` text,
	`set_at` text NOT NULL,
	CONSTRAINT "approval_settings_chain_valid" CHECK("approval_settings"."chain" in ('none', 'head', 'head_budget_holder')),
	CONSTRAINT "approval_settings_amount_non_negative" CHECK("approval_settings"."budget_holder_above_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX `approval_settings_entity_idx` ON `approval_settings` (`entity_id`,`set_at`);
--> statement-breakpoint
CREATE TABLE `approvers` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`scope_id` text NOT NULL,
	`user_id` text NOT NULL,
	`active` integer NOT NULL,
	`set_by` text,
	`set_at` text NOT NULL,
	CONSTRAINT "approvers_kind_valid" CHECK("approvers"."kind" in ('head', 'budget_holder'))
);
--> statement-breakpoint
CREATE INDEX `approvers_user_idx` ON `approvers` (`user_id`);
--> statement-breakpoint
CREATE INDEX `approvers_scope_idx` ON `approvers` (`kind`,`scope_id`);
--> statement-breakpoint
CREATE TABLE `mission_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`mission_id` text NOT NULL,
	`step` text NOT NULL,
	`decision` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	`comment` text,
	CONSTRAINT "mission_approvals_step_valid" CHECK("mission_approvals"."step" in ('head', 'budget_holder')),
	CONSTRAINT "mission_approvals_decision_valid" CHECK("mission_approvals"."decision" in ('approved', 'returned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mission_approvals_round_step_unique` ON `mission_approvals` (`round_id`,`step`);
--> statement-breakpoint
CREATE INDEX `mission_approvals_mission_idx` ON `mission_approvals` (`mission_id`);
--> statement-breakpoint
ALTER TABLE `missions` ADD `approval_round_id` text;
--> statement-breakpoint
ALTER TABLE `missions` ADD `approvals_pending` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- The chain in force, who approves and every decision are evidence: append-only.
CREATE TRIGGER `approval_settings_no_update` BEFORE UPDATE ON `approval_settings`
BEGIN SELECT RAISE(ABORT, 'approval_settings is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `approval_settings_no_delete` BEFORE DELETE ON `approval_settings`
BEGIN SELECT RAISE(ABORT, 'approval_settings is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `approvers_no_update` BEFORE UPDATE ON `approvers`
BEGIN SELECT RAISE(ABORT, 'approvers is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `approvers_no_delete` BEFORE DELETE ON `approvers`
BEGIN SELECT RAISE(ABORT, 'approvers is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `approval_rounds_no_update` BEFORE UPDATE ON `approval_rounds`
BEGIN SELECT RAISE(ABORT, 'approval_rounds is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `approval_rounds_no_delete` BEFORE DELETE ON `approval_rounds`
BEGIN SELECT RAISE(ABORT, 'approval_rounds is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `mission_approvals_no_update` BEFORE UPDATE ON `mission_approvals`
BEGIN SELECT RAISE(ABORT, 'mission_approvals is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `mission_approvals_no_delete` BEFORE DELETE ON `mission_approvals`
BEGIN SELECT RAISE(ABORT, 'mission_approvals is append-only'); END;
