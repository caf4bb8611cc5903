// The generation of what the public sees: a counter (table public_generation, one row) bumped in
// the transaction of every change visible outside the agencies — publishing, unpublishing, new
// published metadata, taxonomy, agency profiles, files shown by published items. Caches of public
// pages and feeds are keyed by it; a trigger NOTIFYs other processes on channel `ttdn_public`.
// It lives here, below the areas, because several areas bump it.
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { rowsOf } from './transaction.js';

export async function bumpPublicGeneration(db: Database): Promise<void> {
  await db.execute(sql`UPDATE public_generation SET value = value + 1 WHERE id = 1`);
}

export async function readPublicGeneration(db: Database): Promise<number> {
  const r = rowsOf<{ value: string | number }>(await db.execute(sql`SELECT value FROM public_generation WHERE id = 1`));
  return Number(r[0]?.value ?? 0);
}
