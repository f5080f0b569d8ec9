PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_auth_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`subject_user_id` text,
	`event` text NOT NULL,
	`ip` text,
	`detail` text,
	CONSTRAINT "auth_audit_event_valid" CHECK("__new_auth_audit"."event" in ('sign_in', 'sign_in_failed', 'sign_out', 'role_added', 'role_removed', 'token_created', 'token_revoked', 'user_created', 'user_disabled', 'user_enabled', 'password_changed', 'password_change_failed', 'password_set', 'user_updated'))
);
--> statement-breakpoint
INSERT INTO `__new_auth_audit`("id", "at", "actor_id", "subject_user_id", "event", "ip", "detail") SELECT "id", "at", "actor_id", "subject_user_id", "event", "ip", "detail" FROM `auth_audit`;--> statement-breakpoint
DROP TABLE `auth_audit`;--> statement-breakpoint
ALTER TABLE `__new_auth_audit` RENAME TO `auth_audit`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `auth_audit_at_idx` ON `auth_audit` (`at`);--> statement-breakpoint
CREATE INDEX `auth_audit_subject_idx` ON `auth_audit` (`subject_user_id`,`at`);