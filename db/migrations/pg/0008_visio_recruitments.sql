CREATE TABLE "visio_recruitments" (
	"id" text PRIMARY KEY NOT NULL,
	"entity_id" text NOT NULL,
	"recorded_by" text NOT NULL,
	"country" text NOT NULL,
	"held_on" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visio_recruitments" ADD CONSTRAINT "visio_recruitments_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visio_recruitments" ADD CONSTRAINT "visio_recruitments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visio_recruitments_entity_idx" ON "visio_recruitments" USING btree ("entity_id","held_on");--> statement-breakpoint
-- A record counts for the copil: append-only, like the avoided flights.
CREATE TRIGGER visio_recruitments_append_only BEFORE UPDATE OR DELETE ON visio_recruitments FOR EACH ROW EXECUTE FUNCTION empreinte_refuse();
