-- 0015 rebuilt auth_audit to widen its event CHECK (password changes, passwords set by an admin, edits
-- of a person), and dropping the old table dropped its triggers: the trail becomes append-only again,
-- exactly as in 0004 and 0011.
CREATE TRIGGER `auth_audit_no_update` BEFORE UPDATE ON `auth_audit`
BEGIN
	SELECT RAISE(ABORT, 'auth_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `auth_audit_no_delete` BEFORE DELETE ON `auth_audit`
BEGIN
	SELECT RAISE(ABORT, 'auth_audit is append-only');
END;
