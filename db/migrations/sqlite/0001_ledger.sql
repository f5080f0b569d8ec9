CREATE TABLE `ledger_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`entity_id` text,
	`ref` text NOT NULL,
	`allow_negative` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "ledger_accounts_kind" CHECK("ledger_accounts"."kind" in ('envelope', 'budget_line', 'project'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_accounts_ref_unique` ON `ledger_accounts` (`ref`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transfer_id` text NOT NULL,
	`account_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`account_seq` integer NOT NULL,
	`balance_after_cents` integer NOT NULL,
	`effective_at` text NOT NULL,
	FOREIGN KEY (`transfer_id`) REFERENCES `ledger_transfers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_entries_amount_non_zero" CHECK("ledger_entries"."amount_cents" <> 0),
	CONSTRAINT "ledger_entries_seq_positive" CHECK("ledger_entries"."account_seq" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_account_seq_uq` ON `ledger_entries` (`account_id`,`account_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_transfer_account_uq` ON `ledger_entries` (`transfer_id`,`account_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_account_time_idx` ON `ledger_entries` (`account_id`,`effective_at`,`account_seq`,`balance_after_cents`);--> statement-breakpoint
CREATE TABLE `ledger_hold_resolutions` (
	`hold_id` text PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`transfer_id` text,
	`reason` text,
	`actor_id` text,
	`resolved_at` text NOT NULL,
	FOREIGN KEY (`hold_id`) REFERENCES `ledger_holds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transfer_id`) REFERENCES `ledger_transfers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_hold_resolutions_outcome" CHECK("ledger_hold_resolutions"."outcome" in ('posted', 'voided')),
	CONSTRAINT "ledger_hold_resolutions_posted_has_transfer" CHECK(("ledger_hold_resolutions"."outcome" = 'posted') = ("ledger_hold_resolutions"."transfer_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_hold_resolutions_transfer_id_unique` ON `ledger_hold_resolutions` (`transfer_id`);--> statement-breakpoint
CREATE TABLE `ledger_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`debit_account_id` text NOT NULL,
	`credit_account_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`co2e_grams` integer DEFAULT 0 NOT NULL,
	`cause_ref` text,
	`actor_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`debit_account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_holds_amount_positive" CHECK("ledger_holds"."amount_cents" > 0),
	CONSTRAINT "ledger_holds_accounts_differ" CHECK("ledger_holds"."debit_account_id" <> "ledger_holds"."credit_account_id"),
	CONSTRAINT "ledger_holds_co2e_non_negative" CHECK("ledger_holds"."co2e_grams" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_holds_key_unique` ON `ledger_holds` (`key`);--> statement-breakpoint
CREATE INDEX `ledger_holds_debit_idx` ON `ledger_holds` (`debit_account_id`);--> statement-breakpoint
CREATE INDEX `ledger_holds_credit_idx` ON `ledger_holds` (`credit_account_id`);--> statement-breakpoint
CREATE TABLE `ledger_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`debit_account_id` text NOT NULL,
	`credit_account_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`co2e_grams` integer DEFAULT 0 NOT NULL,
	`cause_kind` text NOT NULL,
	`cause_ref` text,
	`reverses_transfer_id` text,
	`memo` text,
	`actor_id` text,
	`effective_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`debit_account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_transfer_id`) REFERENCES `ledger_transfers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_transfers_amount_positive" CHECK("ledger_transfers"."amount_cents" > 0),
	CONSTRAINT "ledger_transfers_accounts_differ" CHECK("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id"),
	CONSTRAINT "ledger_transfers_co2e_non_negative" CHECK("ledger_transfers"."co2e_grams" >= 0),
	CONSTRAINT "ledger_transfers_cause_kind" CHECK("ledger_transfers"."cause_kind" in ('mission_contribution', 'mission_reversal', 'disbursement', 'correction'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transfers_key_unique` ON `ledger_transfers` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transfers_reverses_transfer_id_unique` ON `ledger_transfers` (`reverses_transfer_id`);--> statement-breakpoint
CREATE INDEX `ledger_transfers_cause_idx` ON `ledger_transfers` (`cause_kind`,`cause_ref`);--> statement-breakpoint
CREATE TABLE `reinvestment_projects` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`description` text,
	`created_at` text NOT NULL,
	`created_by` text,
	CONSTRAINT "reinvestment_projects_scope" CHECK("reinvestment_projects"."scope" in ('internal', 'territory'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reinvestment_projects_name_unique` ON `reinvestment_projects` (`name`);