CREATE TABLE "case_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"notified_by" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"original_due_date" date NOT NULL,
	"extensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"material_received_at" timestamp with time zone,
	"material_note" text DEFAULT '' NOT NULL,
	"material_links" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"material_media_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"answered_on_time" boolean
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"media_id" uuid,
	"url" text,
	"label" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_by" text NOT NULL,
	"added_by_label" text NOT NULL,
	"added_by_agency_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_label" text NOT NULL,
	"actor_agency_id" uuid
);
--> statement-breakpoint
CREATE TABLE "case_reminders" (
	"assignment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_reminders_assignment_id_kind_due_date_pk" PRIMARY KEY("assignment_id","kind","due_date")
);
--> statement-breakpoint
CREATE TABLE "case_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"form" text NOT NULL,
	"date" date NOT NULL,
	"links" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"media_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_sightings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"url" text NOT NULL,
	"url_key" text NOT NULL,
	"platform" text DEFAULT '' NOT NULL,
	"language" text,
	"seen_at" timestamp with time zone,
	"reach" integer,
	"note" text DEFAULT '' NOT NULL,
	"added_by" text NOT NULL,
	"added_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"severity" text NOT NULL,
	"topic_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"false_text" text NOT NULL,
	"claimant" text DEFAULT '' NOT NULL,
	"rating" text,
	"first_seen_at" timestamp with time zone,
	"reach" integer,
	"dossier" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_by_agency_id" uuid NOT NULL,
	"opened_by" text NOT NULL,
	"opened_by_label" text NOT NULL,
	"taken_up_at" timestamp with time zone,
	"closed_reason" text,
	"closed_at" timestamp with time zone,
	"reopen_reason" text,
	"clarification_item_id" uuid,
	"clarification_version_id" uuid,
	"clarification_published_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reminders" ADD CONSTRAINT "case_reminders_assignment_id_case_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."case_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_responses" ADD CONSTRAINT "case_responses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_responses" ADD CONSTRAINT "case_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sightings" ADD CONSTRAINT "case_sightings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_opened_by_agency_id_agencies_id_fk" FOREIGN KEY ("opened_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_assignments_case_agency_key" ON "case_assignments" USING btree ("case_id","agency_id");--> statement-breakpoint
CREATE INDEX "case_assignments_agency_idx" ON "case_assignments" USING btree ("agency_id","notified_at");--> statement-breakpoint
CREATE INDEX "case_assignments_pending_idx" ON "case_assignments" USING btree ("due_date") WHERE "case_assignments"."material_received_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_responses_case_idx" ON "case_responses" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_sightings_url_key" ON "case_sightings" USING btree ("case_id","url_key");--> statement-breakpoint
CREATE INDEX "case_sightings_url_idx" ON "case_sightings" USING btree ("url_key");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reference_key" ON "cases" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "cases_opened_by_idx" ON "cases" USING btree ("opened_by_agency_id");--> statement-breakpoint
CREATE INDEX "cases_search_trgm_idx" ON "cases" USING gin ("search_text" gin_trgm_ops);