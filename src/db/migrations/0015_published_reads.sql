-- The open API's published list sorts by first publication (GET /published, sort=-published).
CREATE INDEX "item_versions_first_published_idx" ON "item_versions" USING btree ("first_published_at","id");--> statement-breakpoint
-- 0014 backfilled the changes stream with versions in state 'published'; a version edited after its
-- publication (draft, submitted, returned or approved again) is online too, with its published
-- revision: it enters the stream now, so a mirror built from the stream holds everything online.
INSERT INTO "public_changes" ("at", "event", "item_id", "version_id", "language", "agency_id", "kind", "visibility", "prev_visibility", "content_hash")
  SELECT coalesce(v."published_at", now()), 'published', v."item_id", v."id", v."language", v."agency_id", v."kind", v."pub_visibility", NULL, v."content_hash"
  FROM "item_versions" v
  WHERE v."pub_visibility" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public_changes" c WHERE c."version_id" = v."id")
  ORDER BY v."published_at", v."id";
