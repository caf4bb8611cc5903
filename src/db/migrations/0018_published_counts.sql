CREATE TABLE "published_counts" (
	"language" text NOT NULL,
	"visibility" text NOT NULL,
	"kind" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"versions" integer NOT NULL,
	CONSTRAINT "published_counts_language_visibility_kind_agency_id_topic_id_pk" PRIMARY KEY("language","visibility","kind","agency_id","topic_id")
);
--> statement-breakpoint
-- What a set of item_versions rows adds to published_counts: each online version (pub_visibility
-- set) once under the nil uuid (every topic) and once under each distinct topic of its published form.
CREATE OR REPLACE FUNCTION public.ttdn_published_count_rows(rows_json jsonb, sign integer)
RETURNS TABLE (language text, visibility text, kind text, agency_id uuid, topic_id uuid, versions bigint)
LANGUAGE sql STABLE AS $$
  WITH v AS (
    SELECT r.language, r.pub_visibility, r.kind, r.agency_id, r.pub_topic_ids
    FROM jsonb_to_recordset(rows_json) AS r(language text, pub_visibility text, kind text, agency_id uuid, pub_topic_ids uuid[])
    WHERE r.pub_visibility IS NOT NULL
  )
  SELECT v.language, v.pub_visibility, v.kind, v.agency_id, '00000000-0000-0000-0000-000000000000'::uuid, sign * count(*)
  FROM v GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT v.language, v.pub_visibility, v.kind, v.agency_id, t.topic_id, sign * count(*)
  FROM v, LATERAL (SELECT DISTINCT u AS topic_id FROM unnest(coalesce(v.pub_topic_ids, ARRAY[]::uuid[])) u) t
  GROUP BY 1, 2, 3, 4, 5
$$;
--> statement-breakpoint
-- One statement's change to item_versions, applied to published_counts in one upsert (statement
-- triggers with transition tables: a bulk insert of thousands of versions is one upsert here), in
-- key order so that concurrent publications lock the counters in the same order. A counter that
-- falls to 0 stays (it adds nothing to a sum).
CREATE OR REPLACE FUNCTION public.ttdn_published_counts_apply(old_json jsonb, new_json jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH delta AS (
    SELECT d.language, d.visibility, d.kind, d.agency_id, d.topic_id, sum(d.versions)::int AS versions
    FROM (
      SELECT * FROM public.ttdn_published_count_rows(old_json, -1)
      UNION ALL
      SELECT * FROM public.ttdn_published_count_rows(new_json, 1)
    ) d
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(d.versions) <> 0
  )
  INSERT INTO public.published_counts AS c (language, visibility, kind, agency_id, topic_id, versions)
  SELECT language, visibility, kind, agency_id, topic_id, versions FROM delta
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (language, visibility, kind, agency_id, topic_id) DO UPDATE SET versions = c.versions + EXCLUDED.versions;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.ttdn_published_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM public.ttdn_published_counts_apply('[]'::jsonb,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('language', n.language, 'pub_visibility', n.pub_visibility, 'kind', n.kind, 'agency_id', n.agency_id, 'pub_topic_ids', n.pub_topic_ids)), '[]') FROM new_rows n WHERE n.pub_visibility IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM public.ttdn_published_counts_apply(
      (SELECT coalesce(jsonb_agg(jsonb_build_object('language', o.language, 'pub_visibility', o.pub_visibility, 'kind', o.kind, 'agency_id', o.agency_id, 'pub_topic_ids', o.pub_topic_ids)), '[]') FROM old_rows o WHERE o.pub_visibility IS NOT NULL),
      '[]'::jsonb);
  ELSE
    -- most updates (a working copy saved, a submission) leave the published columns alone
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.pub_visibility, o.pub_topic_ids, o.language, o.kind, o.agency_id) IS DISTINCT FROM (n.pub_visibility, n.pub_topic_ids, n.language, n.kind, n.agency_id)
    ) THEN
      RETURN NULL;
    END IF;
    PERFORM public.ttdn_published_counts_apply(
      (SELECT coalesce(jsonb_agg(jsonb_build_object('language', o.language, 'pub_visibility', o.pub_visibility, 'kind', o.kind, 'agency_id', o.agency_id, 'pub_topic_ids', o.pub_topic_ids)), '[]') FROM old_rows o WHERE o.pub_visibility IS NOT NULL),
      (SELECT coalesce(jsonb_agg(jsonb_build_object('language', n.language, 'pub_visibility', n.pub_visibility, 'kind', n.kind, 'agency_id', n.agency_id, 'pub_topic_ids', n.pub_topic_ids)), '[]') FROM new_rows n WHERE n.pub_visibility IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER item_versions_published_counts_insert AFTER INSERT ON "item_versions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.ttdn_published_counts_trigger();--> statement-breakpoint
CREATE TRIGGER item_versions_published_counts_update AFTER UPDATE ON "item_versions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.ttdn_published_counts_trigger();--> statement-breakpoint
CREATE TRIGGER item_versions_published_counts_delete AFTER DELETE ON "item_versions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.ttdn_published_counts_trigger();--> statement-breakpoint
-- the versions online when this migration runs
INSERT INTO "published_counts" (language, visibility, kind, agency_id, topic_id, versions)
SELECT language, visibility, kind, agency_id, topic_id, sum(versions)::int
FROM public.ttdn_published_count_rows(
  (SELECT coalesce(jsonb_agg(jsonb_build_object('language', v.language, 'pub_visibility', v.pub_visibility, 'kind', v.kind, 'agency_id', v.agency_id, 'pub_topic_ids', v.pub_topic_ids)), '[]') FROM item_versions v WHERE v.pub_visibility IS NOT NULL), 1)
GROUP BY 1, 2, 3, 4, 5;
