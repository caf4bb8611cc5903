// Queries of the national export (R5.5) that the open API's reads do not already make: the changes
// stream's head (the cursor a full export is consistent with) and the files a published form uses.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';

/** The last seq of the changes stream (0 when empty). */
export async function changesHead(db: Database): Promise<number> {
  const rows = rowsOf<{ head: string | number }>(await db.execute(sql`SELECT coalesce(max(seq), 0) AS head FROM public_changes`));
  return Number(rows[0]?.head ?? 0);
}

export interface ExportMediaRow {
  id: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  visibility: string;
}

/** Live media records by id (deleted ones are absent); order not kept. */
export async function mediaFiles(db: Database, ids: string[]): Promise<ExportMediaRow[]> {
  if (!ids.length) return [];
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT id, kind, mime, size, sha256, visibility FROM media
      WHERE deleted_at IS NULL AND id IN (${sql.join([...new Set(ids)].map((id) => sql`${id}::uuid`), sql`, `)})`),
  );
  return rows.map((r) => ({ id: r.id as string, kind: r.kind as string, mime: r.mime as string, size: Number(r.size), sha256: r.sha256 as string, visibility: r.visibility as string }));
}
