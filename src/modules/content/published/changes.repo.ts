// The changes stream (table public_changes): rows written by the use cases that change what
// readers outside the agencies see, and the pages its readers get. Rows must be inserted after
// `bumpPublicGeneration` in the same transaction: that row lock serialises public changes, so
// `seq` order is commit order (tables.ts).
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';
import type { PublishedScope } from '../policy.js';
import { scopeCondition } from './repo.js';
import { publicChanges } from '../tables.js';

export type ChangeEvent = 'published' | 'updated' | 'unpublished' | 'deleted';
export type ChangeInsert = typeof publicChanges.$inferInsert;

/** Multi-row inserts, in the order given (that is the stream's order within a transaction). */
export async function insertChanges(db: Database, rows: ChangeInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(publicChanges).values(rows.slice(i, i + 1000));
}

/** A version's last row in the stream: its event and the visibility it had when last online. None: never in the stream. */
export async function lastChangeOf(db: Database, versionId: string): Promise<{ event: ChangeEvent; visibility: string | null } | null> {
  const rows = rowsOf<{ event: ChangeEvent; visibility: string | null }>(
    await db.execute(
      sql`SELECT event, coalesce(visibility, prev_visibility) AS visibility FROM public_changes WHERE version_id = ${versionId}::uuid ORDER BY seq DESC LIMIT 1`,
    ),
  );
  return rows[0] ?? null;
}

export interface ChangeRow {
  seq: number;
  at: Date;
  event: ChangeEvent;
  itemId: string;
  versionId: string;
  language: string;
  agencyId: string;
  kind: string;
  visibility: string | null;
  prevVisibility: string | null;
  contentHash: string | null;
}

/**
 * Rows after `since` that the scope may see (its visibility after or before the change is readable),
 * in seq order, and the stream's head (its last seq) in the same snapshot: every row up to the head
 * has committed, so a reader that saw a page short of `limit` may continue from the head.
 */
export async function changesAfter(db: Database, scope: PublishedScope, since: number, limit: number): Promise<{ rows: ChangeRow[]; head: number }> {
  const visible = sql`(${scopeCondition(scope, sql`c.visibility`, sql`c.agency_id`)} OR ${scopeCondition(scope, sql`c.prev_visibility`, sql`c.agency_id`)})`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT h.head, p.* FROM (SELECT coalesce(max(seq), 0) AS head FROM public_changes) h
      LEFT JOIN LATERAL (SELECT c.seq, c.at, c.event, c.item_id AS "itemId", c.version_id AS "versionId", c.language, c.agency_id AS "agencyId", c.kind,
          c.visibility, c.prev_visibility AS "prevVisibility", c.content_hash AS "contentHash"
        FROM public_changes c WHERE c.seq > ${since} AND ${visible} ORDER BY c.seq LIMIT ${limit}) p ON true
      ORDER BY p.seq`),
  );
  const head = Number(rows[0]?.head ?? 0);
  return {
    head,
    rows: rows
      .filter((r) => r.seq !== null && r.seq !== undefined)
      .map((r) => ({
        seq: Number(r.seq),
        at: new Date(r.at as string),
        event: r.event as ChangeEvent,
        itemId: r.itemId as string,
        versionId: r.versionId as string,
        language: r.language as string,
        agencyId: r.agencyId as string,
        kind: r.kind as string,
        visibility: (r.visibility as string | null) ?? null,
        prevVisibility: (r.prevVisibility as string | null) ?? null,
        contentHash: (r.contentHash as string | null) ?? null,
      })),
  };
}

/** The last seq of the changes stream (0 when empty): the cursor a full national export is consistent with. */
export async function changesHead(db: Database): Promise<number> {
  const rows = rowsOf<{ head: string | number }>(await db.execute(sql`SELECT coalesce(max(seq), 0) AS head FROM public_changes`));
  return Number(rows[0]?.head ?? 0);
}
