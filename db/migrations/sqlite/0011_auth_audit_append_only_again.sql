-- 0010 rebuilt auth_audit to widen its event CHECK (SQLite cannot alter a CHECK), and dropping the old
-- table dropped its triggers: the trail becomes append-only again, exactly as in 0004.
CREATE TRIGGER `auth_audit_no_update` BEFORE UPDATE ON `auth_audit`
BEGIN
	SELECT RAISE(ABORT, 'auth_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `auth_audit_no_delete` BEFORE DELETE ON `auth_audit`
BEGIN
	SELECT RAISE(ABORT, 'auth_audit is append-only');
END;
