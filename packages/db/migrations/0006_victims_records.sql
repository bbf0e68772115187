CREATE TABLE "victim_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"kind" text NOT NULL,
	"file_name_enc" text NOT NULL,
	"description_enc" text,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_enc" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_attachments_size_check" CHECK ("victim_attachments"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "victim_deadline_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"days" integer NOT NULL,
	"kind" text NOT NULL,
	"legal_reference" text,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_deadline_rules_kind_check" CHECK ("victim_deadline_rules"."kind" in ('calendar','working')),
	CONSTRAINT "victim_deadline_rules_days_check" CHECK ("victim_deadline_rules"."days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "victim_holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_record_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"changed_fields" text[] NOT NULL,
	"previous_enc" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_record_versions_entity_check" CHECK ("victim_record_versions"."entity_type" in ('person','reception'))
);
--> statement-breakpoint
CREATE TABLE "victim_repatriations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid,
	"country" text NOT NULL,
	"mission" text,
	"mission_contacted_on" date,
	"handover_on" date,
	"handover_place" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"notes_enc" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_repatriations_status_check" CHECK ("victim_repatriations"."status" in ('planned','mission_contacted','handed_over','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "victim_files" ADD COLUMN "confidentiality_flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "victim_files" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "victim_files" ADD COLUMN "closure_reason" text;--> statement-breakpoint
ALTER TABLE "victim_files" ADD COLUMN "closure_note_enc" text;--> statement-breakpoint
ALTER TABLE "victim_files" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "victim_attachments" ADD CONSTRAINT "victim_attachments_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_attachments" ADD CONSTRAINT "victim_attachments_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_attachments" ADD CONSTRAINT "victim_attachments_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_attachments" ADD CONSTRAINT "victim_attachments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_attachments" ADD CONSTRAINT "victim_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_deadline_rules" ADD CONSTRAINT "victim_deadline_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_holidays" ADD CONSTRAINT "victim_holidays_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_record_versions" ADD CONSTRAINT "victim_record_versions_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_record_versions" ADD CONSTRAINT "victim_record_versions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_record_versions" ADD CONSTRAINT "victim_record_versions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_record_versions" ADD CONSTRAINT "victim_record_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_file_id_victim_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."victim_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_person_id_victim_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."victim_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_repatriations" ADD CONSTRAINT "victim_repatriations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "victim_attachments_file_idx" ON "victim_attachments" USING btree ("file_id","created_at");--> statement-breakpoint
CREATE INDEX "victim_record_versions_file_idx" ON "victim_record_versions" USING btree ("file_id","changed_at");--> statement-breakpoint
CREATE INDEX "victim_repatriations_file_idx" ON "victim_repatriations" USING btree ("file_id");