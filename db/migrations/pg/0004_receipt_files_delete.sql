-- A receipt withdrawn while its claim is a draft takes its bytes with it (ON DELETE CASCADE), as on
-- SQLite (migration 0020, claim_receipt_files_no_update): the bytes are never updated, but their row
-- may go with its receipt, whose own trigger refuses once the claim is submitted. 0001 had listed the
-- table as append-only, which refused that cascade.
DROP TRIGGER "claim_receipt_files_append_only" ON "claim_receipt_files";--> statement-breakpoint
CREATE TRIGGER "claim_receipt_files_no_update" BEFORE UPDATE ON "claim_receipt_files" FOR EACH ROW EXECUTE FUNCTION empreinte_refuse();
