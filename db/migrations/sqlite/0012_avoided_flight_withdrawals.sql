CREATE TABLE `avoided_flight_withdrawals` (
	`avoided_flight_id` text PRIMARY KEY NOT NULL,
	`mission_id` text NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	FOREIGN KEY (`avoided_flight_id`) REFERENCES `avoided_flights`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mission_id`) REFERENCES `missions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "avoided_flight_withdrawals_reason_valid" CHECK("avoided_flight_withdrawals"."reason" in ('replacement_removed', 'flight_restored'))
);
--> statement-breakpoint
CREATE INDEX `avoided_flight_withdrawals_mission_idx` ON `avoided_flight_withdrawals` (`mission_id`);--> statement-breakpoint
ALTER TABLE `avoided_flights` ADD `from_town` text;--> statement-breakpoint
ALTER TABLE `avoided_flights` ADD `to_town` text;--> statement-breakpoint
ALTER TABLE `avoided_flights` ADD `replacement_from_label` text;--> statement-breakpoint
ALTER TABLE `avoided_flights` ADD `replacement_to_label` text;--> statement-breakpoint
ALTER TABLE `avoided_flights` ADD `replacement_distance_km` real;