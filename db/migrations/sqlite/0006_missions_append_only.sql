-- The audit trail and the record of avoided flights are evidence: once written, a row never changes
-- or disappears.
CREATE TRIGGER `mission_audit_no_update` BEFORE UPDATE ON `mission_audit`
BEGIN
	SELECT RAISE(ABORT, 'mission_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `mission_audit_no_delete` BEFORE DELETE ON `mission_audit`
BEGIN
	SELECT RAISE(ABORT, 'mission_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `avoided_flights_no_update` BEFORE UPDATE ON `avoided_flights`
BEGIN
	SELECT RAISE(ABORT, 'avoided_flights is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `avoided_flights_no_delete` BEFORE DELETE ON `avoided_flights`
BEGIN
	SELECT RAISE(ABORT, 'avoided_flights is append-only');
END;
--> statement-breakpoint
-- A mission is never deleted: its audit trail and ledger transfers point at it.
CREATE TRIGGER `missions_no_delete` BEFORE DELETE ON `missions`
BEGIN
	SELECT RAISE(ABORT, 'missions are cancelled, never deleted');
END;
