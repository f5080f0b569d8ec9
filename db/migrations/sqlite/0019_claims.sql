-- Claims (états de frais) and the ledger's new cause kind, claim_adjustment. SQLite cannot widen a
-- CHECK in place: ledger_transfers is rebuilt, inside the migrator's one transaction, where PRAGMA
-- foreign_keys=OFF does nothing (it is here for a run statement by statement, where it applies).
-- ledger_entries, ledger_hold_resolutions and reversals point at ledger_transfers, so the rows are
-- copied aside, the table dropped and created again under its own name with defer_foreign_keys on:
-- the drop counts each child row as a pending violation, each row inserted back settles its
-- children, and the commit checks that none is left. Triggers naming ledger_transfers are dropped
-- first and all are created again, as in 0002.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
DROP TRIGGER `ledger_entries_match_transfer`;--> statement-breakpoint
CREATE TABLE `__ledger_transfers_copy` AS SELECT * FROM `ledger_transfers` ORDER BY rowid;--> statement-breakpoint
DROP TABLE `ledger_transfers`;--> statement-breakpoint
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
	CONSTRAINT "ledger_transfers_cause_kind" CHECK("ledger_transfers"."cause_kind" in ('mission_contribution', 'mission_reversal', 'disbursement', 'correction', 'claim_adjustment'))
);

--> statement-breakpoint
INSERT INTO `ledger_transfers`("id", "key", "debit_account_id", "credit_account_id", "amount_cents", "co2e_grams", "cause_kind", "cause_ref", "reverses_transfer_id", "memo", "actor_id", "effective_at", "created_at") SELECT "id", "key", "debit_account_id", "credit_account_id", "amount_cents", "co2e_grams", "cause_kind", "cause_ref", "reverses_transfer_id", "memo", "actor_id", "effective_at", "created_at" FROM `__ledger_transfers_copy` ORDER BY rowid;--> statement-breakpoint
DROP TABLE `__ledger_transfers_copy`;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transfers_key_unique` ON `ledger_transfers` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transfers_reverses_transfer_id_unique` ON `ledger_transfers` (`reverses_transfer_id`);--> statement-breakpoint
CREATE INDEX `ledger_transfers_cause_idx` ON `ledger_transfers` (`cause_kind`,`cause_ref`);--> statement-breakpoint
CREATE TRIGGER `ledger_transfers_no_update` BEFORE UPDATE ON `ledger_transfers`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transfers_no_delete` BEFORE DELETE ON `ledger_transfers`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transfers_reversal_mirrors` BEFORE INSERT ON `ledger_transfers`
WHEN NEW.`reverses_transfer_id` IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM `ledger_transfers` o WHERE o.`id` = NEW.`reverses_transfer_id`
    AND o.`debit_account_id` = NEW.`credit_account_id` AND o.`credit_account_id` = NEW.`debit_account_id`
    AND o.`amount_cents` = NEW.`amount_cents`)
BEGIN SELECT RAISE(ABORT, 'a reversal must mirror the transfer it reverses'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_match_transfer` BEFORE INSERT ON `ledger_entries`
WHEN NOT EXISTS (
  SELECT 1 FROM `ledger_transfers` t WHERE t.`id` = NEW.`transfer_id` AND t.`effective_at` = NEW.`effective_at`
    AND ((t.`debit_account_id` = NEW.`account_id` AND NEW.`amount_cents` = -t.`amount_cents`)
      OR (t.`credit_account_id` = NEW.`account_id` AND NEW.`amount_cents` = t.`amount_cents`)))
BEGIN SELECT RAISE(ABORT, 'ledger entry does not match its transfer'); END;
--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `claim_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`comment` text,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_audit_action_valid" CHECK("claim_audit"."action" in ('create', 'edit', 'receipt_added', 'receipt_removed', 'submit', 'return', 'reject', 'certify', 'pay')),
	CONSTRAINT "claim_audit_to_status_valid" CHECK("claim_audit"."to_status" in ('draft', 'submitted', 'returned', 'rejected', 'certified', 'paid'))
);
--> statement-breakpoint
CREATE INDEX `claim_audit_claim_idx` ON `claim_audit` (`claim_id`,`at`);--> statement-breakpoint
CREATE TABLE `claim_expenses` (
	`claim_id` text NOT NULL,
	`line_index` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`spent_on` text NOT NULL,
	`label` text NOT NULL,
	PRIMARY KEY(`claim_id`, `line_index`),
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "claim_expenses_kind_valid" CHECK("claim_expenses"."kind" in ('lodging', 'taxi', 'registration', 'parking', 'tolls', 'other')),
	CONSTRAINT "claim_expenses_amount_valid" CHECK("claim_expenses"."amount_cents" > 0 and "claim_expenses"."amount_cents" <= 2000000)
);
--> statement-breakpoint
CREATE TABLE `claim_legs` (
	`claim_id` text NOT NULL,
	`leg_index` integer NOT NULL,
	`mode` text NOT NULL,
	`from_label` text,
	`to_label` text,
	`from_country` text,
	`to_country` text,
	`distance_km` real NOT NULL,
	`trips` integer NOT NULL,
	`travelers` integer NOT NULL,
	`co2e_grams` integer NOT NULL,
	`cost_cents` integer NOT NULL,
	PRIMARY KEY(`claim_id`, `leg_index`),
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_legs_mode_idx` ON `claim_legs` (`mode`);--> statement-breakpoint
CREATE TABLE `claim_receipt_files` (
	`receipt_id` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `claim_receipts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `claim_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`label` text,
	`uploaded_at` text NOT NULL,
	`uploaded_by` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_receipts_type_valid" CHECK("claim_receipts"."content_type" in ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "claim_receipts_size_valid" CHECK("claim_receipts"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE INDEX `claim_receipts_claim_idx` ON `claim_receipts` (`claim_id`,`uploaded_at`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`mission_id` text NOT NULL,
	`traveller_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`request_json` text NOT NULL,
	`quote_json` text NOT NULL,
	`factor_set_id` text NOT NULL,
	`factor_set_version` text NOT NULL,
	`depart_at` text NOT NULL,
	`return_at` text NOT NULL,
	`co2e_grams` integer NOT NULL,
	`offset_cents` integer NOT NULL,
	`offset_co2e_grams` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`note` text,
	`adjustment_cents` integer,
	`adjustment_transfer_id` text,
	`certified_at` text,
	`certified_by` text,
	`paid_at` text,
	`paid_by` text,
	`payment_reference` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`traveller_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adjustment_transfer_id`) REFERENCES `ledger_transfers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_status_valid" CHECK("claims"."status" in ('draft', 'submitted', 'returned', 'rejected', 'certified', 'paid')),
	CONSTRAINT "claims_figures_non_negative" CHECK("claims"."co2e_grams" >= 0 and "claims"."offset_cents" >= 0 and "claims"."offset_co2e_grams" >= 0 and "claims"."total_cents" >= 0),
	CONSTRAINT "claims_dates_ordered" CHECK("claims"."return_at" > "claims"."depart_at"),
	CONSTRAINT "claims_version_positive" CHECK("claims"."version" >= 1),
	CONSTRAINT "claims_certified_settled" CHECK(("claims"."status" in ('certified', 'paid')) = ("claims"."certified_at" is not null and "claims"."adjustment_cents" is not null)),
	CONSTRAINT "claims_paid_referenced" CHECK(("claims"."status" = 'paid') = ("claims"."paid_at" is not null and "claims"."payment_reference" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claims_mission_id_unique` ON `claims` (`mission_id`);--> statement-breakpoint
CREATE INDEX `claims_status_idx` ON `claims` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_traveller_idx` ON `claims` (`traveller_id`);--> statement-breakpoint
ALTER TABLE `avoided_flights` ADD `claim_id` text;