-- The organisation trail is evidence (finance reads who closed a line and when): once written, a row
-- never changes or disappears. A line reopened after a close is a new row, not an edited one.
CREATE TRIGGER `org_audit_no_update` BEFORE UPDATE ON `org_audit`
BEGIN
	SELECT RAISE(ABORT, 'org_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `org_audit_no_delete` BEFORE DELETE ON `org_audit`
BEGIN
	SELECT RAISE(ABORT, 'org_audit is append-only');
END;
