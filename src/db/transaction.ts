// Transactions are opened at the use-case boundary, never inside a repository.
import type { Database } from './client.js';

export interface HasDb {
  db: Database;
}

export async function withTransaction<C extends HasDb, T>(ctx: C, fn: (txCtx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Database }));
}

/** Rows of a raw `db.execute(sql...)` on either engine. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
