CREATE TABLE "appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_version_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"appraiser_id" uuid,
	"appraiser_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"language" text NOT NULL,
	"is_source" boolean NOT NULL,
	"state" text NOT NULL,
	"working_revision_id" uuid,
	"published_revision_id" uuid,
	"scheduled_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"content_hash" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visibility" text NOT NULL,
	"topic_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"activity_date" date,
	"title" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', public.f_unaccent(coalesce("item_versions"."title", ''))), 'A') || setweight(to_tsvector('simple', public.f_unaccent(coalesce("item_versions"."summary", ''))), 'B') || setweight(to_tsvector('simple', public.f_unaccent(coalesce("item_versions"."body_text", ''))), 'C')) STORED,
	"pub_visibility" text,
	"pub_topic_ids" uuid[],
	"pub_activity_date" date,
	"pub_title" text,
	"pub_summary" text,
	"pub_body_text" text,
	"pub_search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', public.f_unaccent(coalesce("item_versions"."pub_title", ''))), 'A') || setweight(to_tsvector('simple', public.f_unaccent(coalesce("item_versions"."pub_summary", ''))), 'B') || setweight(to_tsvector('simple', public.f_unaccent(coalesce("item_versions"."pub_body_text", ''))), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_language" text DEFAULT 'vi' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_version_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"language" text NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"based_on_revision_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_item_version_id_item_versions_id_fk" FOREIGN KEY ("item_version_id") REFERENCES "public"."item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_appraiser_id_users_id_fk" FOREIGN KEY ("appraiser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_versions" ADD CONSTRAINT "item_versions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_item_version_id_item_versions_id_fk" FOREIGN KEY ("item_version_id") REFERENCES "public"."item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_parent_id_topics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appraisals_version_idx" ON "appraisals" USING btree ("item_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "item_versions_item_lang_key" ON "item_versions" USING btree ("item_id","language");--> statement-breakpoint
CREATE INDEX "item_versions_agency_state_idx" ON "item_versions" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "item_versions_state_submitted_idx" ON "item_versions" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "item_versions_updated_idx" ON "item_versions" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "item_versions_published_idx" ON "item_versions" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "item_versions_scheduled_idx" ON "item_versions" USING btree ("scheduled_at") WHERE "item_versions"."state" = 'approved' AND "item_versions"."scheduled_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "item_versions_search_idx" ON "item_versions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "item_versions_pub_search_idx" ON "item_versions" USING gin ("pub_search");--> statement-breakpoint
CREATE INDEX "item_versions_topics_idx" ON "item_versions" USING gin ("topic_ids");--> statement-breakpoint
CREATE INDEX "item_versions_title_trgm_idx" ON "item_versions" USING gin (public.f_unaccent("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "items_agency_idx" ON "items" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revisions_version_number_key" ON "revisions" USING btree ("item_version_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "topics_slug_key" ON "topics" USING btree ("slug");