-- The ledger is append-only: a correction is a new reversing transfer, never an edit.
CREATE TRIGGER `ledger_transfers_no_update` BEFORE UPDATE ON `ledger_transfers`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transfers_no_delete` BEFORE DELETE ON `ledger_transfers`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_holds_no_update` BEFORE UPDATE ON `ledger_holds`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_holds_no_delete` BEFORE DELETE ON `ledger_holds`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_hold_resolutions_no_update` BEFORE UPDATE ON `ledger_hold_resolutions`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_hold_resolutions_no_delete` BEFORE DELETE ON `ledger_hold_resolutions`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
-- Accounts are never deleted and never change identity (a display name may be corrected).
CREATE TRIGGER `ledger_accounts_no_delete` BEFORE DELETE ON `ledger_accounts`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_accounts_identity_fixed` BEFORE UPDATE OF `id`, `kind`, `ref`, `entity_id`, `allow_negative` ON `ledger_accounts`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `reinvestment_projects_no_delete` BEFORE DELETE ON `reinvestment_projects`
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
--> statement-breakpoint
-- A reversal mirrors the transfer it reverses: same amount, accounts swapped.
CREATE TRIGGER `ledger_transfers_reversal_mirrors` BEFORE INSERT ON `ledger_transfers`
WHEN NEW.`reverses_transfer_id` IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM `ledger_transfers` o WHERE o.`id` = NEW.`reverses_transfer_id`
    AND o.`debit_account_id` = NEW.`credit_account_id` AND o.`credit_account_id` = NEW.`debit_account_id`
    AND o.`amount_cents` = NEW.`amount_cents`)
BEGIN SELECT RAISE(ABORT, 'a reversal must mirror the transfer it reverses'); END;
--> statement-breakpoint
-- An entry is one side of its transfer: debit side negative, credit side positive, same instant.
CREATE TRIGGER `ledger_entries_match_transfer` BEFORE INSERT ON `ledger_entries`
WHEN NOT EXISTS (
  SELECT 1 FROM `ledger_transfers` t WHERE t.`id` = NEW.`transfer_id` AND t.`effective_at` = NEW.`effective_at`
    AND ((t.`debit_account_id` = NEW.`account_id` AND NEW.`amount_cents` = -t.`amount_cents`)
      OR (t.`credit_account_id` = NEW.`account_id` AND NEW.`amount_cents` = t.`amount_cents`)))
BEGIN SELECT RAISE(ABORT, 'ledger entry does not match its transfer'); END;
--> statement-breakpoint
-- Running balances: each entry extends its account's chain (next seq, previous balance + amount,
-- never earlier than the previous entry), so "balance as of" can trust the latest entry before a date.
CREATE TRIGGER `ledger_entries_chain` BEFORE INSERT ON `ledger_entries`
WHEN NEW.`account_seq` IS NOT coalesce((SELECT e.`account_seq` FROM `ledger_entries` e WHERE e.`account_id` = NEW.`account_id` ORDER BY e.`account_seq` DESC LIMIT 1), 0) + 1
  OR NEW.`balance_after_cents` IS NOT coalesce((SELECT e.`balance_after_cents` FROM `ledger_entries` e WHERE e.`account_id` = NEW.`account_id` ORDER BY e.`account_seq` DESC LIMIT 1), 0) + NEW.`amount_cents`
  OR NEW.`effective_at` < coalesce((SELECT e.`effective_at` FROM `ledger_entries` e WHERE e.`account_id` = NEW.`account_id` ORDER BY e.`account_seq` DESC LIMIT 1), '')
BEGIN SELECT RAISE(ABORT, 'ledger entry breaks its account chain'); END;
