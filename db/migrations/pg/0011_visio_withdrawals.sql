CREATE TABLE "visio_recruitment_withdrawals" (
	"id" text PRIMARY KEY NOT NULL,
	"recruitment_id" text NOT NULL,
	"withdrawn_by" text NOT NULL,
	"withdrawn_at" text NOT NULL,
	CONSTRAINT "visio_recruitment_withdrawals_recruitment_id_unique" UNIQUE("recruitment_id")
);
--> statement-breakpoint
ALTER TABLE "visio_recruitment_withdrawals" ADD CONSTRAINT "visio_recruitment_withdrawals_recruitment_id_visio_recruitments_id_fk" FOREIGN KEY ("recruitment_id") REFERENCES "public"."visio_recruitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visio_recruitment_withdrawals" ADD CONSTRAINT "visio_recruitment_withdrawals_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A withdrawal is the correction of a record: append-only like the record itself.
CREATE TRIGGER visio_recruitment_withdrawals_append_only BEFORE UPDATE OR DELETE ON visio_recruitment_withdrawals FOR EACH ROW EXECUTE FUNCTION empreinte_refuse();
