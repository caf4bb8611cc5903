CREATE TABLE "public_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "public_generation" ("id", "value") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.ttdn_public_generation_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ttdn_public', NEW.value::text);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER public_generation_notify AFTER UPDATE ON "public_generation" FOR EACH ROW EXECUTE FUNCTION public.ttdn_public_generation_notify();
