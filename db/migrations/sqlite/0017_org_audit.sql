CREATE TABLE `org_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target_id` text NOT NULL,
	`detail` text NOT NULL,
	CONSTRAINT "org_audit_action_valid" CHECK("org_audit"."action" in ('entity_created', 'budget_line_created', 'budget_line_closed', 'budget_line_reopened'))
);
--> statement-breakpoint
CREATE INDEX `org_audit_at_idx` ON `org_audit` (`at`);