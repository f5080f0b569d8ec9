CREATE TABLE `policy_switches` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`enabled` integer NOT NULL,
	`note` text,
	`set_by` text,
	`set_at` text NOT NULL,
	CONSTRAINT "policy_switches_key_valid" CHECK("policy_switches"."key" in ('domestic_flights_justified', 'recruitment_abroad_justified'))
);
--> statement-breakpoint
-- A switch keeps its history (who turned a rule on or off, when and why): append-only.
CREATE TRIGGER `policy_switches_no_update` BEFORE UPDATE ON `policy_switches`
BEGIN SELECT RAISE(ABORT, 'policy_switches is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `policy_switches_no_delete` BEFORE DELETE ON `policy_switches`
BEGIN SELECT RAISE(ABORT, 'policy_switches is append-only'); END;
