CREATE TABLE "report_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"comment" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_instances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'unit' NOT NULL,
	"schedule_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"period_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"org_unit_id" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"recipient_org_unit_id" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"due_date" date NOT NULL,
	"due_date_extended" boolean DEFAULT false NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_instances_kind_check" CHECK ("report_instances"."kind" in ('unit','consolidated')),
	CONSTRAINT "report_instances_status_check" CHECK ("report_instances"."status" in ('not_started','draft','submitted','returned','resubmitted','accepted','locked')),
	CONSTRAINT "report_instances_version_check" CHECK ("report_instances"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "report_schedule_reporters" (
	"schedule_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"org_unit_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_schedule_reporters_schedule_id_agency_id_pk" PRIMARY KEY("schedule_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'periodic' NOT NULL,
	"template_id" uuid NOT NULL,
	"period_type" text NOT NULL,
	"window" text DEFAULT 'decree09' NOT NULL,
	"due_rule" jsonb NOT NULL,
	"upward_due_rule" jsonb NOT NULL,
	"first_period_id" text NOT NULL,
	"last_period_id" text,
	"org_unit_id" text NOT NULL,
	"recipient_agency_id" uuid NOT NULL,
	"plan_id" uuid,
	"plan_reporting_index" integer,
	"instructions" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"search_key" text GENERATED ALWAYS AS (vn_fold(name)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedules_kind_check" CHECK ("report_schedules"."kind" in ('periodic','ad_hoc')),
	CONSTRAINT "report_schedules_window_check" CHECK ("report_schedules"."window" in ('decree09','calendar')),
	CONSTRAINT "report_schedules_period_type_check" CHECK ("report_schedules"."period_type" in ('year','half','quarter','month','ad_hoc'))
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_templates_status_check" CHECK ("report_templates"."status" in ('active','retired')),
	CONSTRAINT "report_templates_version_check" CHECK ("report_templates"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_instance_id_report_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."report_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_instances" ADD CONSTRAINT "report_instances_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_instances" ADD CONSTRAINT "report_instances_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_instances" ADD CONSTRAINT "report_instances_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_instances" ADD CONSTRAINT "report_instances_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_instances" ADD CONSTRAINT "report_instances_recipient_org_unit_id_org_units_id_fk" FOREIGN KEY ("recipient_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_instances" ADD CONSTRAINT "report_instances_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedule_reporters" ADD CONSTRAINT "report_schedule_reporters_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedule_reporters" ADD CONSTRAINT "report_schedule_reporters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedule_reporters" ADD CONSTRAINT "report_schedule_reporters_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_recipient_agency_id_agencies_id_fk" FOREIGN KEY ("recipient_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_events_instance_idx" ON "report_events" USING btree ("instance_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_instances_unit_idx" ON "report_instances" USING btree ("schedule_id","period_id","agency_id") WHERE "report_instances"."kind" = 'unit';--> statement-breakpoint
CREATE UNIQUE INDEX "report_instances_consolidated_idx" ON "report_instances" USING btree ("schedule_id","period_id") WHERE "report_instances"."kind" = 'consolidated';--> statement-breakpoint
CREATE INDEX "report_instances_org_unit_idx" ON "report_instances" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_instances_recipient_idx" ON "report_instances" USING btree ("recipient_org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_instances_agency_idx" ON "report_instances" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "report_instances_due_idx" ON "report_instances" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "report_schedule_reporters_agency_idx" ON "report_schedule_reporters" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "report_schedules_org_unit_idx" ON "report_schedules" USING btree ("org_unit_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_schedules_plan_idx" ON "report_schedules" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "report_schedules_search_trgm_idx" ON "report_schedules" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "report_templates_code_version_idx" ON "report_templates" USING btree ("code","version");--> statement-breakpoint
UPDATE "roles" SET "permissions" = array_append("permissions", 'manage:report_templates') WHERE "code" = 'system_admin' AND "is_system" AND NOT ('manage:report_templates' = ANY("permissions"));
