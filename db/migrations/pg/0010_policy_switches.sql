CREATE TABLE "policy_switches" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"enabled" boolean NOT NULL,
	"note" text,
	"set_by" text,
	"set_at" text NOT NULL,
	CONSTRAINT "policy_switches_key_valid" CHECK ("policy_switches"."key" in ('domestic_flights_justified', 'recruitment_abroad_justified'))
);
--> statement-breakpoint
-- A switch keeps its history: append-only, ordered by insertion as SQLite's rowid orders them
-- (0003_insertion_order).
ALTER TABLE "policy_switches" ADD COLUMN insertion_seq bigint GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
CREATE TRIGGER policy_switches_append_only BEFORE UPDATE OR DELETE ON policy_switches FOR EACH ROW EXECUTE FUNCTION empreinte_refuse();
