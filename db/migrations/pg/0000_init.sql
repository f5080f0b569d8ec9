CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_at" text NOT NULL,
	"last_used_at" text,
	"revoked_at" text,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "auth_audit" (
	"id" text PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"actor_id" text,
	"subject_user_id" text,
	"event" text NOT NULL,
	"ip" text,
	"detail" text,
	CONSTRAINT "auth_audit_event_valid" CHECK ("auth_audit"."event" in ('sign_in', 'sign_in_failed', 'sign_out', 'role_added', 'role_removed', 'token_created', 'token_revoked', 'user_created', 'user_disabled', 'user_enabled', 'password_changed', 'password_change_failed', 'password_set', 'user_updated'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_secret" text NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL,
	"last_seen_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role"),
	CONSTRAINT "user_roles_role_valid" CHECK ("user_roles"."role" in ('staff', 'secretariat', 'finance', 'copil', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"category" text DEFAULT 'staff' NOT NULL,
	"entity_id" text,
	"password_hash" text,
	"created_at" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_category_valid" CHECK ("users"."category" in ('staff', 'student'))
);
--> statement-breakpoint
CREATE TABLE "carbon_prices" (
	"id" text PRIMARY KEY NOT NULL,
	"year" bigint NOT NULL,
	"price_per_tonne_cents" bigint NOT NULL,
	"note" text,
	"set_by" text,
	"created_at" text NOT NULL,
	CONSTRAINT "carbon_prices_price_non_negative" CHECK ("carbon_prices"."price_per_tonne_cents" >= 0),
	CONSTRAINT "carbon_prices_year_range" CHECK ("carbon_prices"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "claim_audit" (
	"id" text PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"at" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	CONSTRAINT "claim_audit_action_valid" CHECK ("claim_audit"."action" in ('create', 'edit', 'receipt_added', 'receipt_removed', 'submit', 'return', 'reject', 'certify', 'pay')),
	CONSTRAINT "claim_audit_to_status_valid" CHECK ("claim_audit"."to_status" in ('draft', 'submitted', 'returned', 'rejected', 'certified', 'paid'))
);
--> statement-breakpoint
CREATE TABLE "claim_expenses" (
	"claim_id" text NOT NULL,
	"line_index" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"spent_on" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "claim_expenses_claim_id_line_index_pk" PRIMARY KEY("claim_id","line_index"),
	CONSTRAINT "claim_expenses_kind_valid" CHECK ("claim_expenses"."kind" in ('lodging', 'taxi', 'registration', 'parking', 'tolls', 'other')),
	CONSTRAINT "claim_expenses_amount_valid" CHECK ("claim_expenses"."amount_cents" > 0 and "claim_expenses"."amount_cents" <= 2000000)
);
--> statement-breakpoint
CREATE TABLE "claim_legs" (
	"claim_id" text NOT NULL,
	"leg_index" bigint NOT NULL,
	"mode" text NOT NULL,
	"from_label" text,
	"to_label" text,
	"from_country" text,
	"to_country" text,
	"distance_km" double precision NOT NULL,
	"trips" bigint NOT NULL,
	"travelers" bigint NOT NULL,
	"co2e_grams" bigint NOT NULL,
	"cost_cents" bigint NOT NULL,
	CONSTRAINT "claim_legs_claim_id_leg_index_pk" PRIMARY KEY("claim_id","leg_index")
);
--> statement-breakpoint
CREATE TABLE "claim_receipt_files" (
	"receipt_id" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_receipts" (
	"id" text PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"label" text,
	"uploaded_at" text NOT NULL,
	"uploaded_by" text NOT NULL,
	CONSTRAINT "claim_receipts_type_valid" CHECK ("claim_receipts"."content_type" in ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "claim_receipts_size_valid" CHECK ("claim_receipts"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"traveller_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"request_json" text NOT NULL,
	"quote_json" text NOT NULL,
	"factor_set_id" text NOT NULL,
	"factor_set_version" text NOT NULL,
	"depart_at" text NOT NULL,
	"return_at" text NOT NULL,
	"co2e_grams" bigint NOT NULL,
	"offset_cents" bigint NOT NULL,
	"offset_co2e_grams" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"note" text,
	"adjustment_cents" bigint,
	"adjustment_transfer_id" text,
	"certified_at" text,
	"certified_by" text,
	"paid_at" text,
	"paid_by" text,
	"payment_reference" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "claims_mission_id_unique" UNIQUE("mission_id"),
	CONSTRAINT "claims_status_valid" CHECK ("claims"."status" in ('draft', 'submitted', 'returned', 'rejected', 'certified', 'paid')),
	CONSTRAINT "claims_figures_non_negative" CHECK ("claims"."co2e_grams" >= 0 and "claims"."offset_cents" >= 0 and "claims"."offset_co2e_grams" >= 0 and "claims"."total_cents" >= 0),
	CONSTRAINT "claims_dates_ordered" CHECK ("claims"."return_at" > "claims"."depart_at"),
	CONSTRAINT "claims_version_positive" CHECK ("claims"."version" >= 1),
	CONSTRAINT "claims_certified_settled" CHECK (("claims"."status" in ('certified', 'paid')) = ("claims"."certified_at" is not null and "claims"."adjustment_cents" is not null)),
	CONSTRAINT "claims_paid_referenced" CHECK (("claims"."status" = 'paid') = ("claims"."paid_at" is not null and "claims"."payment_reference" is not null))
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"entity_id" text,
	"ref" text NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "ledger_accounts_ref_unique" UNIQUE("ref"),
	CONSTRAINT "ledger_accounts_kind" CHECK ("ledger_accounts"."kind" in ('envelope', 'budget_line', 'project'))
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transfer_id" text NOT NULL,
	"account_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"account_seq" bigint NOT NULL,
	"balance_after_cents" bigint NOT NULL,
	"effective_at" text NOT NULL,
	CONSTRAINT "ledger_entries_amount_non_zero" CHECK ("ledger_entries"."amount_cents" <> 0),
	CONSTRAINT "ledger_entries_seq_positive" CHECK ("ledger_entries"."account_seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ledger_hold_resolutions" (
	"hold_id" text PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"transfer_id" text,
	"reason" text,
	"actor_id" text,
	"resolved_at" text NOT NULL,
	CONSTRAINT "ledger_hold_resolutions_transfer_id_unique" UNIQUE("transfer_id"),
	CONSTRAINT "ledger_hold_resolutions_outcome" CHECK ("ledger_hold_resolutions"."outcome" in ('posted', 'voided')),
	CONSTRAINT "ledger_hold_resolutions_posted_has_transfer" CHECK (("ledger_hold_resolutions"."outcome" = 'posted') = ("ledger_hold_resolutions"."transfer_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "ledger_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"debit_account_id" text NOT NULL,
	"credit_account_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"co2e_grams" bigint DEFAULT 0 NOT NULL,
	"cause_ref" text,
	"actor_id" text,
	"created_at" text NOT NULL,
	CONSTRAINT "ledger_holds_key_unique" UNIQUE("key"),
	CONSTRAINT "ledger_holds_amount_positive" CHECK ("ledger_holds"."amount_cents" > 0),
	CONSTRAINT "ledger_holds_accounts_differ" CHECK ("ledger_holds"."debit_account_id" <> "ledger_holds"."credit_account_id"),
	CONSTRAINT "ledger_holds_co2e_non_negative" CHECK ("ledger_holds"."co2e_grams" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"debit_account_id" text NOT NULL,
	"credit_account_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"co2e_grams" bigint DEFAULT 0 NOT NULL,
	"cause_kind" text NOT NULL,
	"cause_ref" text,
	"reverses_transfer_id" text,
	"memo" text,
	"actor_id" text,
	"effective_at" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "ledger_transfers_key_unique" UNIQUE("key"),
	CONSTRAINT "ledger_transfers_reverses_transfer_id_unique" UNIQUE("reverses_transfer_id"),
	CONSTRAINT "ledger_transfers_amount_positive" CHECK ("ledger_transfers"."amount_cents" > 0),
	CONSTRAINT "ledger_transfers_accounts_differ" CHECK ("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id"),
	CONSTRAINT "ledger_transfers_co2e_non_negative" CHECK ("ledger_transfers"."co2e_grams" >= 0),
	CONSTRAINT "ledger_transfers_cause_kind" CHECK ("ledger_transfers"."cause_kind" in ('mission_contribution', 'mission_reversal', 'disbursement', 'correction', 'claim_adjustment'))
);
--> statement-breakpoint
CREATE TABLE "reinvestment_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"description" text,
	"created_at" text NOT NULL,
	"created_by" text,
	CONSTRAINT "reinvestment_projects_name_unique" UNIQUE("name"),
	CONSTRAINT "reinvestment_projects_scope" CHECK ("reinvestment_projects"."scope" in ('internal', 'territory'))
);
--> statement-breakpoint
CREATE TABLE "avoided_flight_withdrawals" (
	"avoided_flight_id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"reason" text NOT NULL,
	"at" text NOT NULL,
	"actor_id" text NOT NULL,
	CONSTRAINT "avoided_flight_withdrawals_reason_valid" CHECK ("avoided_flight_withdrawals"."reason" in ('replacement_removed', 'flight_restored'))
);
--> statement-breakpoint
CREATE TABLE "avoided_flights" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"leg_index" bigint NOT NULL,
	"replaced_by" text NOT NULL,
	"from_label" text,
	"to_label" text,
	"flights" bigint NOT NULL,
	"flight_co2e_grams" bigint NOT NULL,
	"replacement_co2e_grams" bigint NOT NULL,
	"at" text NOT NULL,
	"actor_id" text NOT NULL,
	"flight_trips" bigint,
	"from_town" text,
	"to_town" text,
	"replacement_from_label" text,
	"replacement_to_label" text,
	"replacement_distance_km" double precision,
	"claim_id" text,
	CONSTRAINT "avoided_flights_replaced_by_valid" CHECK ("avoided_flights"."replaced_by" in ('train', 'visio')),
	CONSTRAINT "avoided_flights_figures_non_negative" CHECK ("avoided_flights"."flights" >= 1 and "avoided_flights"."flight_co2e_grams" >= 0 and "avoided_flights"."replacement_co2e_grams" >= 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"user_id" text NOT NULL,
	"route" text NOT NULL,
	"body_hash" text NOT NULL,
	"status_code" bigint NOT NULL,
	"response_json" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mission_audit" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"at" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	CONSTRAINT "mission_audit_action_valid" CHECK ("mission_audit"."action" in ('create', 'edit', 'switch', 'submit', 'validate', 'return', 'reject', 'cancel')),
	CONSTRAINT "mission_audit_to_status_valid" CHECK ("mission_audit"."to_status" in ('draft', 'submitted', 'validated', 'returned', 'rejected', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "mission_legs" (
	"mission_id" text NOT NULL,
	"leg_index" bigint NOT NULL,
	"mode" text NOT NULL,
	"from_label" text,
	"to_label" text,
	"from_country" text,
	"to_country" text,
	"distance_km" double precision NOT NULL,
	"trips" bigint NOT NULL,
	"travelers" bigint NOT NULL,
	"co2e_grams" bigint NOT NULL,
	"cost_cents" bigint NOT NULL,
	CONSTRAINT "mission_legs_mission_id_leg_index_pk" PRIMARY KEY("mission_id","leg_index")
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" text PRIMARY KEY NOT NULL,
	"traveller_id" text NOT NULL,
	"entity_id" text NOT NULL,
	"budget_line_id" text,
	"purpose" text NOT NULL,
	"destination_country" text NOT NULL,
	"destination_city" text,
	"depart_at" text NOT NULL,
	"return_at" text NOT NULL,
	"justification" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"request_json" text NOT NULL,
	"quote_json" text NOT NULL,
	"factor_set_id" text NOT NULL,
	"factor_set_version" text NOT NULL,
	"co2e_grams" bigint NOT NULL,
	"cost_cents" bigint NOT NULL,
	"offset_cents" bigint NOT NULL,
	"offset_co2e_grams" bigint NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "missions_status_valid" CHECK ("missions"."status" in ('draft', 'submitted', 'validated', 'returned', 'rejected', 'cancelled')),
	CONSTRAINT "missions_purpose_valid" CHECK ("missions"."purpose" in ('conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other')),
	CONSTRAINT "missions_figures_non_negative" CHECK ("missions"."co2e_grams" >= 0 and "missions"."cost_cents" >= 0 and "missions"."offset_cents" >= 0 and "missions"."offset_co2e_grams" >= 0),
	CONSTRAINT "missions_dates_ordered" CHECK ("missions"."return_at" > "missions"."depart_at"),
	CONSTRAINT "missions_version_positive" CHECK ("missions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"entity_id" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "entities_kind_valid" CHECK ("entities"."kind" in ('lab', 'department', 'service'))
);
--> statement-breakpoint
CREATE TABLE "org_audit" (
	"id" text PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"target_id" text NOT NULL,
	"detail" text NOT NULL,
	CONSTRAINT "org_audit_action_valid" CHECK ("org_audit"."action" in ('entity_created', 'budget_line_created', 'budget_line_closed', 'budget_line_reopened'))
);
--> statement-breakpoint
CREATE TABLE "historical_trips" (
	"id" bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "historical_trips_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"row_key" text NOT NULL,
	"import_id" text NOT NULL,
	"source_line" bigint NOT NULL,
	"mission_ref" text,
	"depart_on" text NOT NULL,
	"year" bigint NOT NULL,
	"traveller_category" text NOT NULL,
	"entity_id" text,
	"entity_label" text,
	"purpose" text NOT NULL,
	"mode" text NOT NULL,
	"transit_kind" text,
	"from_label" text,
	"to_label" text,
	"from_country" text,
	"to_country" text,
	"great_circle_km" double precision,
	"given_distance_km" double precision,
	"distance_km" double precision NOT NULL,
	"trips" bigint NOT NULL,
	"travelers" bigint NOT NULL,
	"car_people" bigint,
	"co2e_grams" bigint NOT NULL,
	"factor_set_id" text NOT NULL,
	"factor_set_version" text NOT NULL,
	"factor_id" text NOT NULL,
	"cost_cents" bigint,
	"visio_hours" double precision,
	CONSTRAINT "historical_trips_row_key_unique" UNIQUE("row_key"),
	CONSTRAINT "historical_trips_category_valid" CHECK ("historical_trips"."traveller_category" in ('staff', 'student')),
	CONSTRAINT "historical_trips_figures_valid" CHECK ("historical_trips"."trips" in (1, 2) and "historical_trips"."travelers" >= 1 and "historical_trips"."co2e_grams" >= 0)
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"layout" text NOT NULL,
	"factor_set_id" text NOT NULL,
	"factor_set_version" text NOT NULL,
	"strict" boolean NOT NULL,
	"actor_id" text,
	"status" text NOT NULL,
	"rows_read" bigint DEFAULT 0 NOT NULL,
	"rows_imported" bigint DEFAULT 0 NOT NULL,
	"rows_duplicate" bigint DEFAULT 0 NOT NULL,
	"rows_bad" bigint DEFAULT 0 NOT NULL,
	"started_at" text NOT NULL,
	"finished_at" text,
	CONSTRAINT "import_runs_layout_valid" CHECK ("import_runs"."layout" in ('empreinte', 'ges1point5', 'mapped')),
	CONSTRAINT "import_runs_status_valid" CHECK ("import_runs"."status" in ('running', 'done', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"id" bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "report_settings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reference_year" bigint NOT NULL,
	"ghg_reduction_percent_per_year" double precision NOT NULL,
	"flight_targets_json" text NOT NULL,
	"set_at" text NOT NULL,
	"set_by" text,
	CONSTRAINT "report_settings_year_valid" CHECK ("report_settings"."reference_year" between 1990 and 2100),
	CONSTRAINT "report_settings_rate_valid" CHECK ("report_settings"."ghg_reduction_percent_per_year" >= 0 and "report_settings"."ghg_reduction_percent_per_year" < 100)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_audit" ADD CONSTRAINT "claim_audit_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_expenses" ADD CONSTRAINT "claim_expenses_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_legs" ADD CONSTRAINT "claim_legs_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_receipt_files" ADD CONSTRAINT "claim_receipt_files_receipt_id_claim_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."claim_receipts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_receipts" ADD CONSTRAINT "claim_receipts_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_traveller_id_users_id_fk" FOREIGN KEY ("traveller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_adjustment_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("adjustment_transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_hold_resolutions" ADD CONSTRAINT "ledger_hold_resolutions_hold_id_ledger_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."ledger_holds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_hold_resolutions" ADD CONSTRAINT "ledger_hold_resolutions_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_holds" ADD CONSTRAINT "ledger_holds_debit_account_id_ledger_accounts_id_fk" FOREIGN KEY ("debit_account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_holds" ADD CONSTRAINT "ledger_holds_credit_account_id_ledger_accounts_id_fk" FOREIGN KEY ("credit_account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_debit_account_id_ledger_accounts_id_fk" FOREIGN KEY ("debit_account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_credit_account_id_ledger_accounts_id_fk" FOREIGN KEY ("credit_account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_reverses_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("reverses_transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avoided_flight_withdrawals" ADD CONSTRAINT "avoided_flight_withdrawals_avoided_flight_id_avoided_flights_id_fk" FOREIGN KEY ("avoided_flight_id") REFERENCES "public"."avoided_flights"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avoided_flight_withdrawals" ADD CONSTRAINT "avoided_flight_withdrawals_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avoided_flights" ADD CONSTRAINT "avoided_flights_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_audit" ADD CONSTRAINT "mission_audit_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_legs" ADD CONSTRAINT "mission_legs_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_traveller_id_users_id_fk" FOREIGN KEY ("traveller_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "historical_trips" ADD CONSTRAINT "historical_trips_import_id_import_runs_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "historical_trips" ADD CONSTRAINT "historical_trips_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_audit_at_idx" ON "auth_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "auth_audit_subject_idx" ON "auth_audit" USING btree ("subject_user_id","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "carbon_prices_year_idx" ON "carbon_prices" USING btree ("year","created_at");--> statement-breakpoint
CREATE INDEX "claim_audit_claim_idx" ON "claim_audit" USING btree ("claim_id","at");--> statement-breakpoint
CREATE INDEX "claim_legs_mode_idx" ON "claim_legs" USING btree ("mode");--> statement-breakpoint
CREATE INDEX "claim_receipts_claim_idx" ON "claim_receipts" USING btree ("claim_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "claims_status_idx" ON "claims" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "claims_traveller_idx" ON "claims" USING btree ("traveller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_account_seq_uq" ON "ledger_entries" USING btree ("account_id","account_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_transfer_account_uq" ON "ledger_entries" USING btree ("transfer_id","account_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_time_idx" ON "ledger_entries" USING btree ("account_id","effective_at","account_seq","balance_after_cents");--> statement-breakpoint
CREATE INDEX "ledger_holds_debit_idx" ON "ledger_holds" USING btree ("debit_account_id");--> statement-breakpoint
CREATE INDEX "ledger_holds_credit_idx" ON "ledger_holds" USING btree ("credit_account_id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_cause_idx" ON "ledger_transfers" USING btree ("cause_kind","cause_ref");--> statement-breakpoint
CREATE INDEX "avoided_flight_withdrawals_mission_idx" ON "avoided_flight_withdrawals" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "avoided_flights_mission_idx" ON "avoided_flights" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "avoided_flights_at_idx" ON "avoided_flights" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_user_key_uq" ON "idempotency_keys" USING btree ("user_id","key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mission_audit_mission_idx" ON "mission_audit" USING btree ("mission_id","at");--> statement-breakpoint
CREATE INDEX "mission_legs_mode_idx" ON "mission_legs" USING btree ("mode");--> statement-breakpoint
CREATE INDEX "missions_traveller_idx" ON "missions" USING btree ("traveller_id","depart_at");--> statement-breakpoint
CREATE INDEX "missions_status_idx" ON "missions" USING btree ("status","depart_at");--> statement-breakpoint
CREATE INDEX "missions_entity_idx" ON "missions" USING btree ("entity_id","depart_at");--> statement-breakpoint
CREATE INDEX "missions_depart_idx" ON "missions" USING btree ("depart_at");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_lines_entity_code_unique" ON "budget_lines" USING btree ("entity_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_name_unique" ON "entities" USING btree ("name");--> statement-breakpoint
CREATE INDEX "org_audit_at_idx" ON "org_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "historical_trips_year_idx" ON "historical_trips" USING btree ("year","mode");