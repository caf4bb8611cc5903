CREATE TABLE "media" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"ext" text NOT NULL,
	"size" bigint NOT NULL,
	"original_name" text NOT NULL,
	"width" integer,
	"height" integer,
	"duration_seconds" real,
	"page_count" integer,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"caption" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"alt" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"authors" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"tags" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"date_taken" date,
	"place" text DEFAULT '' NOT NULL,
	"copyright_holder" text DEFAULT '' NOT NULL,
	"licence" text,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"keep_gps" boolean DEFAULT false NOT NULL,
	"focal_x" real DEFAULT 0.5 NOT NULL,
	"focal_y" real DEFAULT 0.5 NOT NULL,
	"variants_status" text NOT NULL,
	"variants_error" text,
	"variants_revision" integer DEFAULT 1 NOT NULL,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_by_label" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "media_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "media_downloads" (
	"day" date NOT NULL,
	"media_id" uuid NOT NULL,
	"principal" text NOT NULL,
	"principal_agency_id" uuid,
	"count" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "media_downloads_day_media_id_principal_pk" PRIMARY KEY("day","media_id","principal")
);
--> statement-breakpoint
CREATE TABLE "media_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"size" bigint NOT NULL,
	"file_name" text NOT NULL,
	"media_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "storage_quota_bytes" bigint;--> statement-breakpoint
ALTER TABLE "item_versions" ADD COLUMN "media_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "item_versions" ADD COLUMN "pub_media_ids" uuid[];--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_sha256_media_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."media_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_agency_created_idx" ON "media" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "media_created_idx" ON "media" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "media_sha_idx" ON "media" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "media_agency_sha_live_key" ON "media" USING btree ("agency_id","sha256") WHERE "media"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "media_variants_pending_idx" ON "media" USING btree ("updated_at") WHERE "media"."variants_status" = 'pending';--> statement-breakpoint
CREATE INDEX "media_search_trgm_idx" ON "media" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "media_downloads_media_idx" ON "media_downloads" USING btree ("media_id");--> statement-breakpoint
CREATE INDEX "media_uploads_created_idx" ON "media_uploads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "item_versions_pub_media_idx" ON "item_versions" USING gin ("pub_media_ids");--> statement-breakpoint
CREATE INDEX "item_versions_media_idx" ON "item_versions" USING gin ("media_ids");