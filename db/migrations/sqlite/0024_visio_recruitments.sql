CREATE TABLE `visio_recruitments` (
	`id` text PRIMARY KEY NOT NULL,
	`entity_id` text NOT NULL,
	`recorded_by` text NOT NULL,
	`country` text NOT NULL,
	`held_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visio_recruitments_entity_idx` ON `visio_recruitments` (`entity_id`,`held_on`);--> statement-breakpoint
-- A record counts for the copil: append-only, like the avoided flights.
CREATE TRIGGER `visio_recruitments_no_update` BEFORE UPDATE ON `visio_recruitments`
BEGIN SELECT RAISE(ABORT, 'visio_recruitments is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `visio_recruitments_no_delete` BEFORE DELETE ON `visio_recruitments`
BEGIN SELECT RAISE(ABORT, 'visio_recruitments is append-only'); END;
