CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_type" text,
	"owner_id" uuid,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_user_id" uuid,
	"recipient_agency_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"entity_type" text,
	"entity_id" uuid,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_recipient_check" CHECK ("notifications"."recipient_user_id" is not null or "notifications"."recipient_agency_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "plan_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"extracted_text" text NOT NULL,
	"result" jsonb NOT NULL,
	"agency_matches" jsonb NOT NULL,
	"org_unit_id" text NOT NULL,
	"province_code" text,
	"parent_plan_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"plan_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_imports_status_check" CHECK ("plan_imports"."status" in ('pending','confirmed','discarded'))
);
--> statement-breakpoint
CREATE TABLE "plan_sections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"path" text NOT NULL,
	"heading" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"comparator" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"noun" text,
	"section_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"symbol" text,
	"issuer_agency_id" uuid,
	"issuer_name" text,
	"place" text,
	"issue_date" date,
	"title" text NOT NULL,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"period_from" date,
	"period_to" date,
	"orientation_to" date,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reporting" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signer" jsonb,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_plan_id" uuid,
	"org_unit_id" text NOT NULL,
	"province_code" text,
	"agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"import_warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"import_id" uuid,
	"created_by" uuid,
	"issued_at" timestamp with time zone,
	"search_key" text GENERATED ALWAYS AS (vn_fold(title || ' ' || coalesce(number, '') || '/' || coalesce(symbol, '') || ' ' || coalesce(issuer_name, ''))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('draft','issued','superseded'))
);
--> statement-breakpoint
CREATE TABLE "task_agencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"agency_id" uuid,
	"name_as_written" text NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_agencies_role_check" CHECK ("task_agencies"."role" in ('lead','coordinating','requested'))
);
--> statement-breakpoint
CREATE TABLE "task_occurrences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"period_label" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_occurrences_status_check" CHECK ("task_occurrences"."status" in ('pending','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "task_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"agency_id" uuid,
	"kind" text NOT NULL,
	"percent" integer,
	"narrative" text,
	"from_status" text,
	"to_status" text,
	"occurrence_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_updates_kind_check" CHECK ("task_updates"."kind" in ('progress','contribution','submission','acceptance','return','cancellation','chase'))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid,
	"section_path" text DEFAULT '' NOT NULL,
	"section_title" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"content" text NOT NULL,
	"context" text,
	"lead_agency_id" uuid,
	"agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"phase" text,
	"deadline" date,
	"deadline_text" text,
	"recurrence" text,
	"campaign_from" date,
	"campaign_to" date,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"org_unit_id" text NOT NULL,
	"province_code" text,
	"search_key" text GENERATED ALWAYS AS (vn_fold(content)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('not_started','in_progress','submitted','accepted','returned','cancelled')),
	CONSTRAINT "tasks_progress_check" CHECK ("tasks"."progress_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_agency_id_agencies_id_fk" FOREIGN KEY ("recipient_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_parent_plan_id_plans_id_fk" FOREIGN KEY ("parent_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_agency_id_agencies_id_fk" FOREIGN KEY ("issuer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_parent_plan_id_plans_id_fk" FOREIGN KEY ("parent_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_agencies" ADD CONSTRAINT "task_agencies_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_agencies" ADD CONSTRAINT "task_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_occurrences" ADD CONSTRAINT "task_occurrences_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_occurrence_id_task_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."task_occurrences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_section_id_plan_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_agency_id_agencies_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_agency_idx" ON "notifications" USING btree ("recipient_agency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "plan_imports_creator_idx" ON "plan_imports" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "plan_imports_org_unit_idx" ON "plan_imports" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "plan_sections_plan_idx" ON "plan_sections" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plans_org_unit_idx" ON "plans" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "plans_agency_ids_idx" ON "plans" USING gin ("agency_ids");--> statement-breakpoint
CREATE INDEX "plans_parent_idx" ON "plans" USING btree ("parent_plan_id");--> statement-breakpoint
CREATE INDEX "plans_search_trgm_idx" ON "plans" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "task_agencies_task_idx" ON "task_agencies" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_agencies_agency_idx" ON "task_agencies" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "task_occurrences_task_idx" ON "task_occurrences" USING btree ("task_id","due_date");--> statement-breakpoint
CREATE INDEX "task_updates_task_idx" ON "task_updates" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "tasks_org_unit_idx" ON "tasks" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tasks_agency_ids_idx" ON "tasks" USING gin ("agency_ids");--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING btree ("lead_agency_id");--> statement-breakpoint
CREATE INDEX "tasks_deadline_idx" ON "tasks" USING btree ("deadline");