CREATE TABLE `historical_trips` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`row_key` text NOT NULL,
	`import_id` text NOT NULL,
	`source_line` integer NOT NULL,
	`mission_ref` text,
	`depart_on` text NOT NULL,
	`year` integer NOT NULL,
	`traveller_category` text NOT NULL,
	`entity_id` text,
	`entity_label` text,
	`purpose` text NOT NULL,
	`mode` text NOT NULL,
	`transit_kind` text,
	`from_label` text,
	`to_label` text,
	`from_country` text,
	`to_country` text,
	`great_circle_km` real,
	`given_distance_km` real,
	`distance_km` real NOT NULL,
	`trips` integer NOT NULL,
	`travelers` integer NOT NULL,
	`car_people` integer,
	`co2e_grams` integer NOT NULL,
	`factor_set_id` text NOT NULL,
	`factor_set_version` text NOT NULL,
	`factor_id` text NOT NULL,
	`cost_cents` integer,
	FOREIGN KEY (`import_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "historical_trips_category_valid" CHECK("historical_trips"."traveller_category" in ('staff', 'student')),
	CONSTRAINT "historical_trips_figures_valid" CHECK("historical_trips"."trips" in (1, 2) and "historical_trips"."travelers" >= 1 and "historical_trips"."co2e_grams" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `historical_trips_row_key_unique` ON `historical_trips` (`row_key`);--> statement-breakpoint
CREATE INDEX `historical_trips_year_idx` ON `historical_trips` (`year`,`mode`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`layout` text NOT NULL,
	`factor_set_id` text NOT NULL,
	`factor_set_version` text NOT NULL,
	`strict` integer NOT NULL,
	`actor_id` text,
	`status` text NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_imported` integer DEFAULT 0 NOT NULL,
	`rows_duplicate` integer DEFAULT 0 NOT NULL,
	`rows_bad` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	CONSTRAINT "import_runs_layout_valid" CHECK("import_runs"."layout" in ('empreinte', 'ges1point5', 'mapped')),
	CONSTRAINT "import_runs_status_valid" CHECK("import_runs"."status" in ('running', 'done', 'refused'))
);
--> statement-breakpoint
CREATE TABLE `report_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference_year` integer NOT NULL,
	`ghg_reduction_percent_per_year` real NOT NULL,
	`flight_targets_json` text NOT NULL,
	`set_at` text NOT NULL,
	`set_by` text,
	CONSTRAINT "report_settings_year_valid" CHECK("report_settings"."reference_year" between 1990 and 2100),
	CONSTRAINT "report_settings_rate_valid" CHECK("report_settings"."ghg_reduction_percent_per_year" >= 0 and "report_settings"."ghg_reduction_percent_per_year" < 100)
);
