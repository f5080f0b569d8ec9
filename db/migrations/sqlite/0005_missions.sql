CREATE TABLE `avoided_flights` (
	`id` text PRIMARY KEY NOT NULL,
	`mission_id` text NOT NULL,
	`leg_index` integer NOT NULL,
	`replaced_by` text NOT NULL,
	`from_label` text,
	`to_label` text,
	`flights` integer NOT NULL,
	`flight_co2e_grams` integer NOT NULL,
	`replacement_co2e_grams` integer NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "avoided_flights_replaced_by_valid" CHECK("avoided_flights"."replaced_by" in ('train', 'visio')),
	CONSTRAINT "avoided_flights_figures_non_negative" CHECK("avoided_flights"."flights" >= 1 and "avoided_flights"."flight_co2e_grams" >= 0 and "avoided_flights"."replacement_co2e_grams" >= 0)
);
--> statement-breakpoint
CREATE INDEX `avoided_flights_mission_idx` ON `avoided_flights` (`mission_id`);--> statement-breakpoint
CREATE INDEX `avoided_flights_at_idx` ON `avoided_flights` (`at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text NOT NULL,
	`user_id` text NOT NULL,
	`route` text NOT NULL,
	`body_hash` text NOT NULL,
	`status_code` integer NOT NULL,
	`response_json` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_keys_user_key_uq` ON `idempotency_keys` (`user_id`,`key`);--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `mission_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`mission_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`comment` text,
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mission_audit_action_valid" CHECK("mission_audit"."action" in ('create', 'edit', 'switch', 'submit', 'validate', 'return', 'reject', 'cancel')),
	CONSTRAINT "mission_audit_to_status_valid" CHECK("mission_audit"."to_status" in ('draft', 'submitted', 'validated', 'returned', 'rejected', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `mission_audit_mission_idx` ON `mission_audit` (`mission_id`,`at`);--> statement-breakpoint
CREATE TABLE `mission_legs` (
	`mission_id` text NOT NULL,
	`leg_index` integer NOT NULL,
	`mode` text NOT NULL,
	`from_label` text,
	`to_label` text,
	`from_country` text,
	`to_country` text,
	`distance_km` real NOT NULL,
	`trips` integer NOT NULL,
	`travelers` integer NOT NULL,
	`co2e_grams` integer NOT NULL,
	`cost_cents` integer NOT NULL,
	PRIMARY KEY(`mission_id`, `leg_index`),
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mission_legs_mode_idx` ON `mission_legs` (`mode`);--> statement-breakpoint
CREATE TABLE `missions` (
	`id` text PRIMARY KEY NOT NULL,
	`traveller_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`budget_line_id` text,
	`purpose` text NOT NULL,
	`destination_country` text NOT NULL,
	`destination_city` text,
	`depart_at` text NOT NULL,
	`return_at` text NOT NULL,
	`justification` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`request_json` text NOT NULL,
	`quote_json` text NOT NULL,
	`factor_set_id` text NOT NULL,
	`factor_set_version` text NOT NULL,
	`co2e_grams` integer NOT NULL,
	`cost_cents` integer NOT NULL,
	`offset_cents` integer NOT NULL,
	`offset_co2e_grams` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`traveller_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`budget_line_id`) REFERENCES `budget_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "missions_status_valid" CHECK("missions"."status" in ('draft', 'submitted', 'validated', 'returned', 'rejected', 'cancelled')),
	CONSTRAINT "missions_purpose_valid" CHECK("missions"."purpose" in ('conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other')),
	CONSTRAINT "missions_figures_non_negative" CHECK("missions"."co2e_grams" >= 0 and "missions"."cost_cents" >= 0 and "missions"."offset_cents" >= 0 and "missions"."offset_co2e_grams" >= 0),
	CONSTRAINT "missions_dates_ordered" CHECK("missions"."return_at" > "missions"."depart_at"),
	CONSTRAINT "missions_version_positive" CHECK("missions"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `missions_traveller_idx` ON `missions` (`traveller_id`,`depart_at`);--> statement-breakpoint
CREATE INDEX `missions_status_idx` ON `missions` (`status`,`depart_at`);--> statement-breakpoint
CREATE INDEX `missions_entity_idx` ON `missions` (`entity_id`,`depart_at`);--> statement-breakpoint
CREATE INDEX `missions_depart_idx` ON `missions` (`depart_at`);