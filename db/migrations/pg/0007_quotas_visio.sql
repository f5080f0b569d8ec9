CREATE TABLE "carbon_quotas" (
	"id" text PRIMARY KEY NOT NULL,
	"entity_id" text NOT NULL,
	"year" bigint NOT NULL,
	"quota_grams" bigint NOT NULL,
	"severity" text NOT NULL,
	"note" text,
	"set_by" text,
	"set_at" text NOT NULL,
	CONSTRAINT "carbon_quotas_grams_non_negative" CHECK ("carbon_quotas"."quota_grams" >= 0),
	CONSTRAINT "carbon_quotas_year_range" CHECK ("carbon_quotas"."year" between 1990 and 2100),
	CONSTRAINT "carbon_quotas_severity_valid" CHECK ("carbon_quotas"."severity" in ('warning', 'justification'))
);
--> statement-breakpoint
CREATE TABLE "mission_quota_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"at" text NOT NULL,
	"year" bigint NOT NULL,
	"quota_grams" bigint NOT NULL,
	"used_grams" bigint NOT NULL,
	"mission_grams" bigint NOT NULL,
	"severity" text NOT NULL,
	"exceeded" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "visio_impossible" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "carbon_quotas_entity_year_idx" ON "carbon_quotas" USING btree ("entity_id","year");--> statement-breakpoint
CREATE INDEX "mission_quota_checks_mission_idx" ON "mission_quota_checks" USING btree ("mission_id");--> statement-breakpoint
-- Quotas keep their history and each submission its check: append-only, ordered by insertion as
-- SQLite's rowid orders them (0003_insertion_order).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['carbon_quotas', 'mission_quota_checks'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN insertion_seq bigint GENERATED ALWAYS AS IDENTITY', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION empreinte_refuse()', t || '_append_only', t);
  END LOOP;
END $$;
