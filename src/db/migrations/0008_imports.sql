CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid,
	"created_by" text NOT NULL,
	"created_by_label" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
