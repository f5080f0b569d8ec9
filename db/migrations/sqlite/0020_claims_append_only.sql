-- The claim trail is append-only, as mission_audit is.
CREATE TRIGGER `claim_audit_no_update` BEFORE UPDATE ON `claim_audit`
BEGIN SELECT RAISE(ABORT, 'claim_audit is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_audit_no_delete` BEFORE DELETE ON `claim_audit`
BEGIN SELECT RAISE(ABORT, 'claim_audit is append-only'); END;
--> statement-breakpoint
-- A claim is never deleted; once certified, what was certified never changes: only the payment
-- (status paid, its date, reference and author) is added, once.
CREATE TRIGGER `claims_no_delete` BEFORE DELETE ON `claims`
BEGIN SELECT RAISE(ABORT, 'claims are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `claims_certified_fixed` BEFORE UPDATE ON `claims`
WHEN OLD.`status` IN ('certified', 'paid') AND (
  OLD.`status` = 'paid' OR NEW.`status` <> 'paid'
  OR NEW.`mission_id` IS NOT OLD.`mission_id` OR NEW.`request_json` IS NOT OLD.`request_json` OR NEW.`quote_json` IS NOT OLD.`quote_json`
  OR NEW.`total_cents` IS NOT OLD.`total_cents` OR NEW.`co2e_grams` IS NOT OLD.`co2e_grams` OR NEW.`offset_cents` IS NOT OLD.`offset_cents`
  OR NEW.`adjustment_cents` IS NOT OLD.`adjustment_cents` OR NEW.`adjustment_transfer_id` IS NOT OLD.`adjustment_transfer_id`
  OR NEW.`certified_at` IS NOT OLD.`certified_at` OR NEW.`certified_by` IS NOT OLD.`certified_by`)
BEGIN SELECT RAISE(ABORT, 'a certified claim is fixed; only its payment is recorded'); END;
--> statement-breakpoint
-- Expense lines and quoted legs are rewritten with each edit, never after certification.
CREATE TRIGGER `claim_expenses_settled_insert` BEFORE INSERT ON `claim_expenses`
WHEN (SELECT c.`status` FROM `claims` c WHERE c.`id` = NEW.`claim_id`) IN ('certified', 'paid')
BEGIN SELECT RAISE(ABORT, 'a certified claim is fixed'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_expenses_settled_delete` BEFORE DELETE ON `claim_expenses`
WHEN (SELECT c.`status` FROM `claims` c WHERE c.`id` = OLD.`claim_id`) IN ('certified', 'paid')
BEGIN SELECT RAISE(ABORT, 'a certified claim is fixed'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_expenses_no_update` BEFORE UPDATE ON `claim_expenses`
BEGIN SELECT RAISE(ABORT, 'expense lines are replaced, not updated'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_legs_settled_insert` BEFORE INSERT ON `claim_legs`
WHEN (SELECT c.`status` FROM `claims` c WHERE c.`id` = NEW.`claim_id`) IN ('certified', 'paid')
BEGIN SELECT RAISE(ABORT, 'a certified claim is fixed'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_legs_settled_delete` BEFORE DELETE ON `claim_legs`
WHEN (SELECT c.`status` FROM `claims` c WHERE c.`id` = OLD.`claim_id`) IN ('certified', 'paid')
BEGIN SELECT RAISE(ABORT, 'a certified claim is fixed'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_legs_no_update` BEFORE UPDATE ON `claim_legs`
BEGIN SELECT RAISE(ABORT, 'quoted legs are replaced, not updated'); END;
--> statement-breakpoint
-- A receipt never changes; the traveller may withdraw one only while the claim is theirs to edit.
CREATE TRIGGER `claim_receipts_no_update` BEFORE UPDATE ON `claim_receipts`
BEGIN SELECT RAISE(ABORT, 'a receipt never changes'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_receipts_delete_editable` BEFORE DELETE ON `claim_receipts`
WHEN (SELECT c.`status` FROM `claims` c WHERE c.`id` = OLD.`claim_id`) NOT IN ('draft', 'returned')
BEGIN SELECT RAISE(ABORT, 'receipts of a submitted claim are kept'); END;
--> statement-breakpoint
CREATE TRIGGER `claim_receipt_files_no_update` BEFORE UPDATE ON `claim_receipt_files`
BEGIN SELECT RAISE(ABORT, 'a receipt never changes'); END;
