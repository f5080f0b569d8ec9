-- SQLite lists these rows in insertion order by rowid (entries of one instant keep the order they
-- were written in); PostgreSQL has no rowid, so each table gets a hidden identity column for the
-- same purpose. It is not part of the drizzle tables (their row types stay equal to SQLite's):
-- only the repositories' ordering reads it (src/shared/dialect.ts insertionOrder).
ALTER TABLE "auth_audit" ADD COLUMN "insertion_seq" bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
ALTER TABLE "org_audit" ADD COLUMN "insertion_seq" bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
ALTER TABLE "carbon_prices" ADD COLUMN "insertion_seq" bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
ALTER TABLE "claim_receipts" ADD COLUMN "insertion_seq" bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
ALTER TABLE "claim_audit" ADD COLUMN "insertion_seq" bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
ALTER TABLE "mission_audit" ADD COLUMN "insertion_seq" bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
ALTER TABLE "avoided_flights" ADD COLUMN "insertion_seq" bigint GENERATED ALWAYS AS IDENTITY;
