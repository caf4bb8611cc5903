-- Search (docs/search.md): the lexicon of the public published text, for the plan choice (how
-- many rows a word matches) and for "did you mean" (the known words near a misspelt one).
-- search_words holds, per lexeme of pub_search (unaccented, lower case), the number of public
-- published versions holding it; the empty word holds the number of public published versions.
-- Statement-level triggers keep it, from the transition tables: one grouped upsert per statement.
-- Only public published versions count, so no word of shared, internal or unpublished content is
-- ever in it; words whose count falls to 0 are deleted.
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"ndoc" integer NOT NULL
) WITH (fillfactor = 80);--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gist ("word" gist_trgm_ops);--> statement-breakpoint
-- Adds per word the difference between the public versions holding it after and before.
CREATE FUNCTION public.search_words_apply(words text[], deltas integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF words IS NULL OR cardinality(words) = 0 THEN RETURN; END IF;
  -- sorted (the callers sort), so concurrent writers lock the rows in the same order
  INSERT INTO public.search_words AS w (word, ndoc)
    SELECT d.word, d.delta FROM unnest(words, deltas) AS d(word, delta)
    ON CONFLICT (word) DO UPDATE SET ndoc = w.ndoc + excluded.ndoc;
  IF EXISTS (SELECT 1 FROM unnest(deltas) x WHERE x < 0) THEN
    DELETE FROM public.search_words w WHERE w.word = ANY(words) AND w.ndoc <= 0 AND w.word <> '';
  END IF;
END $$;--> statement-breakpoint
CREATE FUNCTION public.search_words_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE ws text[]; ds integer[];
BEGIN
  SELECT array_agg(l ORDER BY l), array_agg(n ORDER BY l) INTO ws, ds FROM (
    SELECT l, count(*)::int AS n FROM new_rows r, unnest(array_append(tsvector_to_array(r.pub_search), '')) l
    WHERE r.published_revision_id IS NOT NULL AND r.pub_visibility = 'public' GROUP BY l) x;
  PERFORM public.search_words_apply(ws, ds);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION public.search_words_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE ws text[]; ds integer[];
BEGIN
  SELECT array_agg(l ORDER BY l), array_agg(n ORDER BY l) INTO ws, ds FROM (
    SELECT l, sum(c.d)::int AS n FROM (
      -- only the rows whose public text changed: taken down, put up, or a new published text
      SELECT o.pub_search AS was, n.pub_search AS now,
             (o.published_revision_id IS NOT NULL AND o.pub_visibility IS NOT DISTINCT FROM 'public') AS was_public,
             (n.published_revision_id IS NOT NULL AND n.pub_visibility IS NOT DISTINCT FROM 'public') AS now_public
      FROM old_rows o JOIN new_rows n ON n.id = o.id) r,
    LATERAL (SELECT r.was AS vec, -1 AS d WHERE r.was_public
             UNION ALL SELECT r.now, 1 WHERE r.now_public) c,
    unnest(array_append(tsvector_to_array(c.vec), '')) l
    WHERE r.was_public <> r.now_public OR (r.now_public AND r.was IS DISTINCT FROM r.now)
    GROUP BY l HAVING sum(c.d) <> 0) x;
  PERFORM public.search_words_apply(ws, ds);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION public.search_words_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE ws text[]; ds integer[];
BEGIN
  SELECT array_agg(l ORDER BY l), array_agg(n ORDER BY l) INTO ws, ds FROM (
    SELECT l, -count(*)::int AS n FROM old_rows r, unnest(array_append(tsvector_to_array(r.pub_search), '')) l
    WHERE r.published_revision_id IS NOT NULL AND r.pub_visibility = 'public' GROUP BY l) x;
  PERFORM public.search_words_apply(ws, ds);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION public.search_words_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE public.search_words;
  INSERT INTO public.search_words (word, ndoc) VALUES ('', 0);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "search_words_insert" AFTER INSERT ON "item_versions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_words_after_insert();--> statement-breakpoint
CREATE TRIGGER "search_words_update" AFTER UPDATE ON "item_versions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_words_after_update();--> statement-breakpoint
CREATE TRIGGER "search_words_delete" AFTER DELETE ON "item_versions" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_words_after_delete();--> statement-breakpoint
CREATE TRIGGER "search_words_truncate" AFTER TRUNCATE ON "item_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_words_after_truncate();--> statement-breakpoint
-- What is published already.
INSERT INTO "search_words" (word, ndoc)
  SELECT word, ndoc FROM ts_stat($$SELECT pub_search FROM public.item_versions WHERE published_revision_id IS NOT NULL AND pub_visibility = 'public'$$)
  UNION ALL
  SELECT '', count(*)::int FROM "item_versions" WHERE published_revision_id IS NOT NULL AND pub_visibility = 'public';--> statement-breakpoint
-- The published view walks the newest published versions; drafts (no published_at) would come
-- first in a backward walk of item_versions_published_idx.
CREATE INDEX "item_versions_pub_order_idx" ON "item_versions" USING btree ("published_at","id") WHERE "published_revision_id" IS NOT NULL;
