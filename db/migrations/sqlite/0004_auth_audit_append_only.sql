-- The sign-in and role-change trail is evidence: once written, a row never changes or disappears.
CREATE TRIGGER `auth_audit_no_update` BEFORE UPDATE ON `auth_audit`
BEGIN
	SELECT RAISE(ABORT, 'auth_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `auth_audit_no_delete` BEFORE DELETE ON `auth_audit`
BEGIN
	SELECT RAISE(ABORT, 'auth_audit is append-only');
END;
