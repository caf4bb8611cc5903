// Published clarifications with their claim (kept on the source version's published revision),
// for the portal's clarification pages: newest first, filterable by rating.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';
import type { ClaimFields } from '../model.js';
import type { PublishedCard } from './listings.repo.js';

export interface ClarificationRow extends PublishedCard {
  claim: ClaimFields;
}

export interface ClarificationFilter {
  visibilities: string[];
  language: string;
  rating?: string;
}

export async function listClarifications(db: Database, f: ClarificationFilter, offset: number, limit: number): Promise<{ rows: ClarificationRow[]; total: number }> {
  const claim = sql`r.snapshot->'metadata'->'claim'`;
  const conds: SQL[] = [
    sql`v.pub_visibility IS NOT NULL`, // online, whatever the working state
    sql`v.kind = 'clarification'`,
    sql`v.language = ${f.language}`,
    sql`v.pub_visibility IN (${sql.join((f.visibilities.length ? f.visibilities : ['-']).map((x) => sql`${x}`), sql`, `)})`,
  ];
  if (f.rating) conds.push(sql`${claim}->>'rating' = ${f.rating}`);
  const from = sql`FROM item_versions v JOIN item_versions s ON s.item_id = v.item_id AND s.is_source JOIN revisions r ON r.id = s.published_revision_id WHERE ${sql.join(conds, sql` AND `)}`;
  const [rows, count] = await Promise.all([
    db.execute(sql`SELECT v.id AS "versionId", v.item_id AS "itemId", v.language, v.is_source AS "isSource", v.kind, v.agency_id AS "agencyId", v.pub_title AS title, v.pub_summary AS summary,
      v.pub_visibility AS visibility, coalesce(v.pub_topic_ids, ARRAY[]::uuid[]) AS "topicIds", coalesce(v.pub_media_ids, ARRAY[]::uuid[]) AS "mediaIds", v.pub_activity_date AS "activityDate",
      v.published_at AS "publishedAt", v.first_published_at AS "firstPublishedAt", v.content_hash AS "contentHash", ${claim} AS claim
      ${from} ORDER BY v.published_at DESC, v.id DESC OFFSET ${offset} LIMIT ${limit}`),
    db.execute(sql`SELECT count(*)::int AS n ${from}`),
  ]);
  const [n] = rowsOf<{ n: number }>(count);
  return {
    rows: rowsOf<Record<string, unknown>>(rows).map((r) => ({ ...(r as unknown as ClarificationRow), publishedAt: new Date(r.publishedAt as string), claim: (r.claim ?? {}) as ClaimFields })),
    total: Number(n.n),
  };
}
