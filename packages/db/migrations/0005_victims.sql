CREATE TABLE "victim_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"purpose" text NOT NULL,
	"given_by" text NOT NULL,
	"given_on" date NOT NULL,
	"note" text,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_consents_giver_check" CHECK ("victim_consents"."given_by" in ('person','guardian'))
);
--> statement-breakpoint
CREATE TABLE "victim_exploitation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"control_means" text[] DEFAULT '{}'::text[] NOT NULL,
	"recruitment_method" text,
	"recruiter_relationship" text,
	"destination_country" text,
	"places" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recruited_on" date,
	"exploited_from" date,
	"exploited_to" date,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_facilities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"capacity" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_facilities_capacity_check" CHECK ("victim_facilities"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "victim_facility_stays" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"admitted_on" date NOT NULL,
	"discharged_on" date,
	"notes_enc" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"owner_user_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"received_on" date NOT NULL,
	"received_by_agency_id" uuid,
	"received_by_name" text,
	"receiving_officer" text,
	"reception_place" text,
	"reception_way" text NOT NULL,
	"from_country" text,
	"border_gate" text,
	"initial_support_enc" text,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_files_status_check" CHECK ("victim_files"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "victim_follow_up_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"visited_on" date NOT NULL,
	"visited_by" text,
	"situation" text NOT NULL,
	"notes_enc" text,
	"next_visit_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_follow_up_visits_situation_check" CHECK ("victim_follow_up_visits"."situation" in ('stable','needs_support','at_risk','unreachable'))
);
--> statement-breakpoint
CREATE TABLE "victim_identification_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"transition" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"on_date" date NOT NULL,
	"outcome" text,
	"deciding_agency" text,
	"decision_number" text,
	"decision_date" date,
	"legal_basis" text,
	"evidence_sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"indicators" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason" text,
	"revised_event_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"related_person_id" uuid,
	"relationship" text,
	"full_name_enc" text NOT NULL,
	"other_names_enc" text,
	"name_tokens" text[] NOT NULL,
	"sex" text NOT NULL,
	"date_of_birth" date,
	"birth_year" integer,
	"estimated_age" integer,
	"age_estimated_on" date,
	"age_uncertain" boolean DEFAULT false NOT NULL,
	"ethnicity" text,
	"citizenship" text DEFAULT 'VN' NOT NULL,
	"citizen_id_enc" text,
	"citizen_id_hmac" text,
	"passport_enc" text,
	"passport_hmac" text,
	"home_org_unit_id" text,
	"home_address_enc" text,
	"phone_enc" text,
	"language" text DEFAULT 'vi' NOT NULL,
	"guardian_enc" text,
	"identification_status" text,
	"last_decision_date" date,
	"current_decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_persons_identification_check" CHECK ("victim_persons"."identification_status" is null or "victim_persons"."identification_status" in ('received','verifying','identified_victim','not_victim'))
);
--> statement-breakpoint
CREATE TABLE "victim_protection_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"assessed_on" date NOT NULL,
	"risk_level" text NOT NULL,
	"measures" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"details_enc" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_protection_assessments_risk_check" CHECK ("victim_protection_assessments"."risk_level" in ('low','medium','high'))
);
--> statement-breakpoint
CREATE TABLE "victim_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"receiving_agency_id" uuid NOT NULL,
	"receiving_org_unit_id" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"reason" text NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"basis" text NOT NULL,
	"consent_purpose" text,
	"legal_basis" text,
	"sent_on" date NOT NULL,
	"answer_due_on" date NOT NULL,
	"answered_on" date,
	"closed_on" date,
	"decline_reason" text,
	"cancel_reason" text,
	"sent_by" uuid,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_referrals_status_check" CHECK ("victim_referrals"."status" in ('sent','accepted','declined','completed','cancelled')),
	CONSTRAINT "victim_referrals_basis_check" CHECK ("victim_referrals"."basis" in ('consent','legal_basis'))
);
--> statement-breakpoint
CREATE TABLE "victim_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"kind" text DEFAULT 'statement' NOT NULL,
	"taken_on" date NOT NULL,
	"taken_by" text,
	"language" text DEFAULT 'vi' NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"content_enc" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_statements_kind_check" CHECK ("victim_statements"."kind" in ('statement','record'))
);
--> statement-breakpoint
CREATE TABLE "victim_support_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" text NOT NULL,
	"type" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"per" text DEFAULT 'person' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"legal_basis" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_support_rates_amount_check" CHECK ("victim_support_rates"."amount_vnd" >= 0),
	CONSTRAINT "victim_support_rates_per_check" CHECK ("victim_support_rates"."per" in ('person','day','month'))
);
--> statement-breakpoint
CREATE TABLE "victim_support_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"type" text NOT NULL,
	"provider_agency_id" uuid,
	"provider_name" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"applied_on" date,
	"started_on" date,
	"ended_on" date,
	"amount_vnd" bigint,
	"rate_id" uuid,
	"referral_id" uuid,
	"notes_enc" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_support_services_status_check" CHECK ("victim_support_services"."status" in ('planned','in_progress','completed','cancelled')),
	CONSTRAINT "victim_support_services_amount_check" CHECK ("victim_support_services"."amount_vnd" is null or "victim_support_services"."amount_vnd" >= 0)
);
--> statement-breakpoint
CREATE TABLE "victim_threats" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"reported_on" date NOT NULL,
	"description_enc" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "victim_consents" ADD CONSTRAINT "victim_consents_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_consents" ADD CONSTRAINT "victim_consents_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_consents" ADD CONSTRAINT "victim_consents_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_consents" ADD CONSTRAINT "victim_consents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_consents" ADD CONSTRAINT "victim_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_exploitation" ADD CONSTRAINT "victim_exploitation_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_exploitation" ADD CONSTRAINT "victim_exploitation_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_exploitation" ADD CONSTRAINT "victim_exploitation_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_exploitation" ADD CONSTRAINT "victim_exploitation_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_exploitation" ADD CONSTRAINT "victim_exploitation_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facilities" ADD CONSTRAINT "victim_facilities_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facilities" ADD CONSTRAINT "victim_facilities_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facilities" ADD CONSTRAINT "victim_facilities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facility_stays" ADD CONSTRAINT "victim_facility_stays_facility_id_victim_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."victim_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facility_stays" ADD CONSTRAINT "victim_facility_stays_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facility_stays" ADD CONSTRAINT "victim_facility_stays_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facility_stays" ADD CONSTRAINT "victim_facility_stays_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facility_stays" ADD CONSTRAINT "victim_facility_stays_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_facility_stays" ADD CONSTRAINT "victim_facility_stays_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_files" ADD CONSTRAINT "victim_files_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_files" ADD CONSTRAINT "victim_files_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_files" ADD CONSTRAINT "victim_files_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_files" ADD CONSTRAINT "victim_files_received_by_agency_id_agencies_id_fk" FOREIGN KEY ("received_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_files" ADD CONSTRAINT "victim_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_follow_up_visits" ADD CONSTRAINT "victim_follow_up_visits_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_follow_up_visits" ADD CONSTRAINT "victim_follow_up_visits_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_follow_up_visits" ADD CONSTRAINT "victim_follow_up_visits_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_follow_up_visits" ADD CONSTRAINT "victim_follow_up_visits_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_follow_up_visits" ADD CONSTRAINT "victim_follow_up_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_identification_events" ADD CONSTRAINT "victim_identification_events_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_identification_events" ADD CONSTRAINT "victim_identification_events_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_identification_events" ADD CONSTRAINT "victim_identification_events_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_identification_events" ADD CONSTRAINT "victim_identification_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_identification_events" ADD CONSTRAINT "victim_identification_events_revised_event_id_victim_identification_events_id_fk" FOREIGN KEY ("revised_event_id") REFERENCES "public"."victim_identification_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_identification_events" ADD CONSTRAINT "victim_identification_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_persons" ADD CONSTRAINT "victim_persons_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_persons" ADD CONSTRAINT "victim_persons_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_persons" ADD CONSTRAINT "victim_persons_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_persons" ADD CONSTRAINT "victim_persons_related_person_id_victim_persons_id_fk" FOREIGN KEY ("related_person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_persons" ADD CONSTRAINT "victim_persons_home_org_unit_id_org_units_id_fk" FOREIGN KEY ("home_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_protection_assessments" ADD CONSTRAINT "victim_protection_assessments_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_protection_assessments" ADD CONSTRAINT "victim_protection_assessments_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_protection_assessments" ADD CONSTRAINT "victim_protection_assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_protection_assessments" ADD CONSTRAINT "victim_protection_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_receiving_agency_id_agencies_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_receiving_org_unit_id_org_units_id_fk" FOREIGN KEY ("receiving_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_referrals" ADD CONSTRAINT "victim_referrals_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_statements" ADD CONSTRAINT "victim_statements_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_statements" ADD CONSTRAINT "victim_statements_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_statements" ADD CONSTRAINT "victim_statements_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_statements" ADD CONSTRAINT "victim_statements_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_statements" ADD CONSTRAINT "victim_statements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_rates" ADD CONSTRAINT "victim_support_rates_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_rates" ADD CONSTRAINT "victim_support_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_provider_agency_id_agencies_id_fk" FOREIGN KEY ("provider_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_rate_id_victim_support_rates_id_fk" FOREIGN KEY ("rate_id") REFERENCES "public"."victim_support_rates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_referral_id_victim_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."victim_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_support_services" ADD CONSTRAINT "victim_support_services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_threats" ADD CONSTRAINT "victim_threats_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_threats" ADD CONSTRAINT "victim_threats_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_threats" ADD CONSTRAINT "victim_threats_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_threats" ADD CONSTRAINT "victim_threats_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "victim_consents_person_idx" ON "victim_consents" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "victim_exploitation_person_idx" ON "victim_exploitation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "victim_facility_stays_facility_idx" ON "victim_facility_stays" USING btree ("facility_id","discharged_on");--> statement-breakpoint
CREATE UNIQUE INDEX "victim_files_reference_idx" ON "victim_files" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "victim_files_org_unit_idx" ON "victim_files" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "victim_files_agency_idx" ON "victim_files" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "victim_files_received_idx" ON "victim_files" USING btree ("received_on","id");--> statement-breakpoint
CREATE INDEX "victim_follow_up_visits_file_idx" ON "victim_follow_up_visits" USING btree ("file_id","visited_on");--> statement-breakpoint
CREATE INDEX "victim_identification_events_person_idx" ON "victim_identification_events" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "victim_persons_file_idx" ON "victim_persons" USING btree ("file_id","position");--> statement-breakpoint
CREATE INDEX "victim_persons_org_unit_idx" ON "victim_persons" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "victim_persons_name_tokens_idx" ON "victim_persons" USING gin ("name_tokens");--> statement-breakpoint
CREATE INDEX "victim_persons_citizen_id_idx" ON "victim_persons" USING btree ("citizen_id_hmac");--> statement-breakpoint
CREATE INDEX "victim_persons_passport_idx" ON "victim_persons" USING btree ("passport_hmac");--> statement-breakpoint
CREATE INDEX "victim_persons_home_idx" ON "victim_persons" USING btree ("home_org_unit_id","birth_year");--> statement-breakpoint
CREATE INDEX "victim_protection_assessments_file_idx" ON "victim_protection_assessments" USING btree ("file_id","assessed_on");--> statement-breakpoint
CREATE INDEX "victim_referrals_file_idx" ON "victim_referrals" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "victim_referrals_receiver_idx" ON "victim_referrals" USING btree ("receiving_agency_id","status");--> statement-breakpoint
CREATE INDEX "victim_statements_file_idx" ON "victim_statements" USING btree ("file_id","taken_on");--> statement-breakpoint
CREATE INDEX "victim_support_rates_type_idx" ON "victim_support_rates" USING btree ("type","valid_from");--> statement-breakpoint
CREATE INDEX "victim_support_services_file_idx" ON "victim_support_services" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "victim_support_services_org_unit_idx" ON "victim_support_services" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "victim_threats_file_idx" ON "victim_threats" USING btree ("file_id","reported_on");