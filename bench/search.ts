// Search and import at scale: N synthetic published items (default 100,000), then search latency
// (through the HTTP API, p50/p95 per query class) and import throughput, on PGlite and on
// PostgreSQL. Targets (issue 3): search p95 < 50 ms on PostgreSQL at 100k; import ≥ 2,000 items/s.
// BENCH_PG_DB names the scratch database (default ttdn_bench, dropped and created). BENCH_KEEP=1
// keeps the data for the next run (PostgreSQL database; PGlite folder BENCH_PGLITE_DIR) and reuses it
// when it is already seeded with BENCH_ITEMS items: seeding and the import are then skipped.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { seedDemoData } from '../src/cli/seed.js';
import { loadConfig } from '../src/config.js';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import type { Context } from '../src/core/context.js';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { rowsOf } from '../src/db/transaction.js';
import * as content from '../src/modules/content/service.js';
import { seedSyntheticItems } from '../src/cli/synthetic.js';

const QUERIES: Record<string, string[]> = {
  'rare word': ['Kumamoto', 'Kanazawa', 'Gyeongju', 'Blois', 'JICA', 'KOICA'],
  // the only word of the synthetic text in a fifth of the items (English titles)
  'medium word': ['news'],
  'common word': ['hue', 'du lich', 'van hoa', 'doi ngoai', 'le hoi', 'dau tu'],
  'two words': ['hop tac quoc te', 'di san van hoa', 'song huong', 'chuyen doi so'],
  phrase: ['"di san van hoa"', '"hop tac quoc te"', '"song Huong"', '"chuyen doi so"'],
  'no query (newest)': [''],
  // no match: "did you mean" looks for known words near the misspelt ones
  misspelt: ['Kumamotoo', 'festivl', 'chuyen doi soo', 'hop tac quoc tee', 'Kanazwa'],
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const keep = process.env.BENCH_KEEP === '1';

async function onEngine(label: string, handle: DatabaseHandle, dataDir: string, items: number) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  await migrateDatabase(handle);
  const ctx: Context = {
    actor: systemActor('system:bench'),
    db: handle.db,
    clock: systemClock,
    log: console,
    locale: 'en',
    requestId: 'bench',
    ip: null,
    config,
  };
  const seeded = keep
    ? Number(rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM item_versions WHERE published_revision_id IS NOT NULL`))[0].n) >=
      items
    : false;
  let seedRate = NaN;
  let importRate = NaN;
  if (!seeded) {
    await content.ensureDefaultTopics(ctx);
    await seedDemoData(ctx, dataDir);
    let t0 = performance.now();
    await seedSyntheticItems(ctx, items, (d, n) => process.stderr.write(`\r  ${label}: ${d}/${n} synthetic items`));
    seedRate = items / ((performance.now() - t0) / 1000);
    process.stderr.write('\n');
    await handle.db.execute(sql`ANALYZE`); // planner statistics after a bulk load, as an operator would

    // Import throughput: a 20,000-row CSV through the same use case as the API and CLI.
    const rows = ['kind,agency,title,summary,body,activity_date,authors,topics,tags,place,source_type,copyright_holder,licence,visibility'];
    for (let i = 0; i < 20_000; i++)
      rows.push(
        `news,so-du-lich,Tin nhập ${i},Tóm tắt ${i},Nội dung số ${i} về Huế,2026-02-03,Ban biên tập,du-lich-di-san-le-hoi,nhập,Huế,own,Sở Du lịch,CC-BY-4.0,public`,
      );
    t0 = performance.now();
    const opts = { format: 'csv', mode: 'draft' } as const;
    const { id, rows: parsed } = await content.startImport(ctx, Buffer.from(rows.join('\n')), opts);
    await content.runImport(ctx, id, parsed, opts);
    importRate = 20_000 / ((performance.now() - t0) / 1000);
    process.stderr.write(`  ${label}: synthetic insert ${seedRate.toFixed(0)} items/s, import ${importRate.toFixed(0)} items/s\n`);
  } else {
    process.stderr.write(`  ${label}: reusing the seeded data\n`);
    await handle.db.execute(sql`ANALYZE`);
  }

  const app = await buildApp({ config, database: handle, logger: false });
  await app.ready();
  const results: Array<{ cls: string; p50: number; p95: number; n: number; hits: number }> = [];
  for (const [cls, words] of Object.entries(QUERIES)) {
    for (const w of words) await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(w)}` }); // warm-up
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 40; i++) {
      const w = words[i % words.length];
      const s = performance.now();
      const res = await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(w)}` });
      times.push(performance.now() - s);
      hits += (res.json() as { total: number }).total;
    }
    results.push({ cls, p50: pct(times, 50), p95: pct(times, 95), n: times.length, hits: Math.round(hits / times.length) });
  }
  await app.close();
  return { label, seedRate, importRate, results };
}

type EngineResult = Awaited<ReturnType<typeof onEngine>>;

/** Rows of the latency table, printed as soon as an engine is done (a later failure loses nothing). */
function printLatencies(e: EngineResult) {
  for (const r of e.results) console.log(`| ${e.label} | ${r.cls} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.hits} |`);
}

export async function benchSearch() {
  const items = Number(process.env.BENCH_ITEMS ?? 100_000);
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const out: EngineResult[] = [];
  console.log(
    `\nSearch over ${items.toLocaleString('en')} published items (+ demo), 40 requests per class through GET /api/v1/search (ranking, snippets, facets)\n`,
  );
  console.log('| engine | query class | p50 ms | p95 ms | avg matches |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  if (engines.includes('pglite')) {
    const fixed = keep ? (process.env.BENCH_PGLITE_DIR ?? join(tmpdir(), 'ttdn-bench-pglite-kept')) : null;
    if (fixed && !existsSync(fixed)) mkdirSync(fixed, { recursive: true });
    const dir = fixed ?? mkdtempSync(join(tmpdir(), 'ttdn-bench-pglite-'));
    const handle = await openDatabase({ databaseUrl: null, dataDir: dir });
    out.push(await onEngine('PGlite', handle, dir, items));
    printLatencies(out[out.length - 1]);
    await handle.close();
    if (!fixed) rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: pgUrl });
  let pgDir: string | null = null;
  if (engines.includes('postgres'))
    try {
      await admin.connect();
      const name = process.env.BENCH_PG_DB ?? 'ttdn_bench';
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_PG_DB: not a plain database name: ${name}`);
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
      if (!keep || !exists) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}`);
      }
      const u = new URL(pgUrl);
      u.pathname = `/${name}`;
      pgDir = mkdtempSync(join(tmpdir(), 'ttdn-bench-pg-'));
      const handle = await openDatabase({ databaseUrl: u.toString(), dataDir: pgDir });
      out.push(await onEngine('PostgreSQL', handle, pgDir, items));
      printLatencies(out[out.length - 1]);
      await handle.close();
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (e) {
      console.log(`(PostgreSQL part skipped: ${(e as Error).message})`);
    } finally {
      if (pgDir) rmSync(pgDir, { recursive: true, force: true });
      await admin.end().catch(() => undefined);
    }
  console.log('\n| engine | synthetic insert items/s | import items/s (20,000-row CSV) |');
  console.log('| --- | ---: | ---: |');
  for (const e of out)
    console.log(
      `| ${e.label} | ${Number.isNaN(e.seedRate) ? '(reused)' : e.seedRate.toFixed(0)} | ${Number.isNaN(e.importRate) ? '(reused)' : e.importRate.toFixed(0)} |`,
    );
}
