CREATE TABLE `visio_recruitment_withdrawals` (
	`id` text PRIMARY KEY NOT NULL,
	`recruitment_id` text NOT NULL,
	`withdrawn_by` text NOT NULL,
	`withdrawn_at` text NOT NULL,
	FOREIGN KEY (`recruitment_id`) REFERENCES `visio_recruitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visio_recruitment_withdrawals_recruitment_id_unique` ON `visio_recruitment_withdrawals` (`recruitment_id`);--> statement-breakpoint
-- A withdrawal is the correction of a record: append-only like the record itself.
CREATE TRIGGER `visio_recruitment_withdrawals_no_update` BEFORE UPDATE ON `visio_recruitment_withdrawals`
BEGIN SELECT RAISE(ABORT, 'visio_recruitment_withdrawals is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `visio_recruitment_withdrawals_no_delete` BEFORE DELETE ON `visio_recruitment_withdrawals`
BEGIN SELECT RAISE(ABORT, 'visio_recruitment_withdrawals is append-only'); END;
