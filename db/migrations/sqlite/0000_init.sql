CREATE TABLE `carbon_prices` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`price_per_tonne_cents` integer NOT NULL,
	`note` text,
	`set_by` text,
	`created_at` text NOT NULL,
	CONSTRAINT "carbon_prices_price_non_negative" CHECK("carbon_prices"."price_per_tonne_cents" >= 0),
	CONSTRAINT "carbon_prices_year_range" CHECK("carbon_prices"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE INDEX `carbon_prices_year_idx` ON `carbon_prices` (`year`,`created_at`);