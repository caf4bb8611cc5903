// The generation of what the public sees: a counter (table public_generation, one row) bumped in
// the transaction of every change visible outside the agencies — publishing, unpublishing, new
// published metadata, taxonomy, agency profiles, files shown by published items. Caches of public
// pages and feeds are keyed by it; a trigger NOTIFYs other processes on channel `ttdn_public`.
// It lives here, below the areas, because several areas bump it.
import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from './client.js';
import { rowsOf } from './transaction.js';

/** Bumps made by this process (committed or not): a reader here re-reads the generation after one (see `settled`). */
let localBumps = 0;

export async function bumpPublicGeneration(db: Database): Promise<void> {
  await db.execute(sql`UPDATE public_generation SET value = value + 1 WHERE id = 1`);
  localBumps++;
}

export async function readPublicGeneration(db: Database): Promise<number> {
  const r = rowsOf<{ value: string | number }>(await db.execute(sql`SELECT value FROM public_generation WHERE id = 1`));
  return Number(r[0]?.value ?? 0);
}

/**
 * The current generation, kept in memory: read once, then moved by NOTIFY (other processes'
 * changes and this one's), and re-read on request (`refresh`, after a write in this process).
 */
export interface GenerationSource {
  current(): number;
  refresh(): Promise<number>;
  /**
   * The current generation, re-read first when this process has bumped it since the last look: a
   * change written here (a job, a use case called directly) is seen by the next read without
   * waiting for its NOTIFY to come back. Changes of other processes arrive by NOTIFY.
   */
  settled(): number | Promise<number>;
  close(): Promise<void>;
}

export async function watchPublicGeneration(handle: DatabaseHandle, onError: (e: unknown) => void = () => undefined): Promise<GenerationSource> {
  let value = await readPublicGeneration(handle.db);
  const set = (v: number) => {
    if (Number.isFinite(v) && v > value) value = v;
  };
  let stop: () => Promise<void> = async () => undefined;
  if (handle.pglite) {
    const unlisten = await handle.pglite.listen('ttdn_public', (payload) => set(Number(payload)));
    stop = () => unlisten();
  } else if (handle.pool) {
    // a dedicated connection for LISTEN; reconnects if it drops
    let client: import('pg').PoolClient | null = null;
    let closed = false;
    const connect = async () => {
      try {
        const c = await handle.pool!.connect();
        client = c;
        c.on('notification', (n) => set(Number(n.payload)));
        c.on('error', (e) => {
          // a connection already given back (closing) may still hear its end: release once only
          if (client !== c) return;
          client = null;
          onError(e);
          c.release(true);
          if (!closed) setTimeout(() => void connect(), 1000).unref();
        });
        await c.query('LISTEN ttdn_public');
        set(await readPublicGeneration(handle.db)); // anything missed while (re)connecting
      } catch (e) {
        onError(e);
        if (!closed) setTimeout(() => void connect(), 1000).unref();
      }
    };
    await connect();
    stop = async () => {
      closed = true;
      const c = client;
      client = null;
      if (c) {
        await c.query('UNLISTEN ttdn_public').catch(() => undefined);
        c.release(true); // not back into the pool: it was a listener
      }
    };
  }
  let seenBumps = localBumps;
  const refresh = async () => {
    set(await readPublicGeneration(handle.db));
    return value;
  };
  return {
    current: () => value,
    refresh,
    settled: () => {
      if (seenBumps === localBumps) return value;
      seenBumps = localBumps;
      return refresh().catch(() => value); // the database is unreachable: the handler will say so
    },
    close: () => stop(),
  };
}
