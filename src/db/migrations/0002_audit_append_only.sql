-- The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself.
CREATE OR REPLACE FUNCTION public.audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $func$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$func$;--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION public.audit_events_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_append_only();
