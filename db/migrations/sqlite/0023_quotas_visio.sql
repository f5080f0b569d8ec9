CREATE TABLE `carbon_quotas` (
	`id` text PRIMARY KEY NOT NULL,
	`entity_id` text NOT NULL,
	`year` integer NOT NULL,
	`quota_grams` integer NOT NULL,
	`severity` text NOT NULL,
	`note` text,
	`set_by` text,
	`set_at` text NOT NULL,
	CONSTRAINT "carbon_quotas_grams_non_negative" CHECK("carbon_quotas"."quota_grams" >= 0),
	CONSTRAINT "carbon_quotas_year_range" CHECK("carbon_quotas"."year" between 1990 and 2100),
	CONSTRAINT "carbon_quotas_severity_valid" CHECK("carbon_quotas"."severity" in ('warning', 'justification'))
);
--> statement-breakpoint
CREATE INDEX `carbon_quotas_entity_year_idx` ON `carbon_quotas` (`entity_id`,`year`);--> statement-breakpoint
CREATE TABLE `mission_quota_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`mission_id` text NOT NULL,
	`at` text NOT NULL,
	`year` integer NOT NULL,
	`quota_grams` integer NOT NULL,
	`used_grams` integer NOT NULL,
	`mission_grams` integer NOT NULL,
	`severity` text NOT NULL,
	`exceeded` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mission_quota_checks_mission_idx` ON `mission_quota_checks` (`mission_id`);--> statement-breakpoint
ALTER TABLE `missions` ADD `visio_impossible` integer DEFAULT false NOT NULL;
--> statement-breakpoint
-- Quotas keep their history and each submission its check: append-only.
CREATE TRIGGER `carbon_quotas_no_update` BEFORE UPDATE ON `carbon_quotas`
BEGIN SELECT RAISE(ABORT, 'carbon_quotas is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `carbon_quotas_no_delete` BEFORE DELETE ON `carbon_quotas`
BEGIN SELECT RAISE(ABORT, 'carbon_quotas is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `mission_quota_checks_no_update` BEFORE UPDATE ON `mission_quota_checks`
BEGIN SELECT RAISE(ABORT, 'mission_quota_checks is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `mission_quota_checks_no_delete` BEFORE DELETE ON `mission_quota_checks`
BEGIN SELECT RAISE(ABORT, 'mission_quota_checks is append-only'); END;
