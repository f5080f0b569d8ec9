-- What must never happen, refused by PostgreSQL itself (twin of the SQLite triggers): append-only
-- ledger and audit tables, reversals that mirror, entries that match their transfer and extend their
-- account's chain, and every transfer balanced (the sum of its entries is zero) at commit.
CREATE FUNCTION empreinte_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  -- No UPDATE and no DELETE.
  FOREACH t IN ARRAY ARRAY['ledger_transfers', 'ledger_entries', 'ledger_holds', 'ledger_hold_resolutions', 'auth_audit',
    'mission_audit', 'avoided_flights', 'avoided_flight_withdrawals', 'report_settings', 'org_audit', 'claim_audit',
    'claim_receipt_files'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION empreinte_refuse()', t || '_append_only', t);
  END LOOP;
  -- Never deleted (a closed line, a cancelled mission, a renamed account stay).
  FOREACH t IN ARRAY ARRAY['ledger_accounts', 'reinvestment_projects', 'missions', 'claims'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION empreinte_refuse()', t || '_no_delete', t);
  END LOOP;
  -- Replaced with each edit of the claim, never updated in place.
  FOREACH t IN ARRAY ARRAY['claim_expenses', 'claim_legs', 'claim_receipts'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION empreinte_refuse()', t || '_no_update', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_identity_fixed BEFORE UPDATE OF id, kind, ref, entity_id, allow_negative ON ledger_accounts
FOR EACH ROW EXECUTE FUNCTION empreinte_refuse();
--> statement-breakpoint
CREATE FUNCTION ledger_transfer_checks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.reverses_transfer_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM ledger_transfers o WHERE o.id = NEW.reverses_transfer_id
      AND o.debit_account_id = NEW.credit_account_id AND o.credit_account_id = NEW.debit_account_id AND o.amount_cents = NEW.amount_cents) THEN
    RAISE EXCEPTION 'a reversal must mirror the transfer it reverses' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_reversal_mirrors BEFORE INSERT ON ledger_transfers FOR EACH ROW EXECUTE FUNCTION ledger_transfer_checks();
--> statement-breakpoint
CREATE FUNCTION ledger_entry_checks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE previous ledger_entries%ROWTYPE;
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM ledger_transfers t WHERE t.id = NEW.transfer_id AND t.effective_at = NEW.effective_at
      AND ((t.debit_account_id = NEW.account_id AND NEW.amount_cents = -t.amount_cents)
        OR (t.credit_account_id = NEW.account_id AND NEW.amount_cents = t.amount_cents))) THEN
    RAISE EXCEPTION 'ledger entry does not match its transfer' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  SELECT * INTO previous FROM ledger_entries e WHERE e.account_id = NEW.account_id ORDER BY e.account_seq DESC LIMIT 1;
  IF NEW.account_seq IS DISTINCT FROM coalesce(previous.account_seq, 0) + 1
    OR NEW.balance_after_cents IS DISTINCT FROM coalesce(previous.balance_after_cents, 0) + NEW.amount_cents
    OR NEW.effective_at < coalesce(previous.effective_at, '') THEN
    RAISE EXCEPTION 'ledger entry breaks its account chain' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_match_and_chain BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entry_checks();
--> statement-breakpoint
-- Checked at commit, once both sides are written: a transfer has exactly two entries summing to zero.
CREATE FUNCTION ledger_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) <> 2 OR coalesce(sum(amount_cents), 1) <> 0 FROM ledger_entries WHERE transfer_id = NEW.id) THEN
    RAISE EXCEPTION 'transfer % is not balanced', NEW.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_transfers_balanced AFTER INSERT ON ledger_transfers DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION ledger_transfer_balanced();

--> statement-breakpoint
-- Once certified, what was certified never changes: only the payment (status paid, its date,
-- reference and author) is added, once.
CREATE FUNCTION claims_certified_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('certified', 'paid') AND (
    OLD.status = 'paid' OR NEW.status <> 'paid'
    OR (NEW.mission_id, NEW.request_json, NEW.quote_json, NEW.total_cents, NEW.co2e_grams, NEW.offset_cents, NEW.adjustment_cents,
        NEW.adjustment_transfer_id, NEW.certified_at, NEW.certified_by)
       IS DISTINCT FROM (OLD.mission_id, OLD.request_json, OLD.quote_json, OLD.total_cents, OLD.co2e_grams, OLD.offset_cents,
        OLD.adjustment_cents, OLD.adjustment_transfer_id, OLD.certified_at, OLD.certified_by)) THEN
    RAISE EXCEPTION 'a certified claim is fixed; only its payment is recorded' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER claims_certified_fixed BEFORE UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION claims_certified_fixed();
--> statement-breakpoint
-- Expense lines, quoted legs and receipts of a certified claim stay as certified; a receipt is
-- withdrawn only while the claim is the traveller's to edit.
CREATE FUNCTION claim_parts_settled() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE claim_status text;
BEGIN
  SELECT c.status INTO claim_status FROM claims c WHERE c.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.claim_id ELSE NEW.claim_id END);
  IF TG_TABLE_NAME = 'claim_receipts' AND TG_OP = 'DELETE' AND claim_status NOT IN ('draft', 'returned') THEN
    RAISE EXCEPTION 'receipts of a submitted claim are kept' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF claim_status IN ('certified', 'paid') THEN
    RAISE EXCEPTION 'a certified claim is fixed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER claim_expenses_settled BEFORE INSERT OR DELETE ON claim_expenses FOR EACH ROW EXECUTE FUNCTION claim_parts_settled();
--> statement-breakpoint
CREATE TRIGGER claim_legs_settled BEFORE INSERT OR DELETE ON claim_legs FOR EACH ROW EXECUTE FUNCTION claim_parts_settled();
--> statement-breakpoint
CREATE TRIGGER claim_receipts_delete_editable BEFORE DELETE ON claim_receipts FOR EACH ROW EXECUTE FUNCTION claim_parts_settled();
