// Open API reads at scale (issue 6): with N synthetic published items (BENCH_ITEMS, default 100,000)
// on PGlite and on PostgreSQL, autocannon over loopback at 10 connections against
//   - GET /api/v1/published/{itemId}/{language}  (one item)
//   - GET /api/v1/published?kind=news&language=vi&limit=20  (a filtered list page)
//   - GET /api/v1/search?q=…  (search)
// each paired with a static JSON response of the same bytes from the same Fastify (a bench-only
// route registered here, not in the app, outside /api/v1: no rate limit or usage accounting).
// Each is measured on the app as it runs (answers cached per public generation after the first
// read, http/response-cache.ts) and on the same app built without that cache (`uncached`: the cost
// of a first read, or of every read right after a change). Each pair runs BENCH_ROUNDS times (default 3), static and
// API alternating; medians are printed, and the API/static throughput ratio is the figure.
// Targets: item and list ≥ 70% of static throughput on PostgreSQL; p99 < 20 ms.
// BENCH_ENGINES=pglite,postgres; BENCH_PG_URL the server; BENCH_PG_DB the scratch database
// (default ttdn_bench_api, created and dropped); BENCH_SECONDS per run (default 5).
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { seedDemoData } from '../src/cli/seed.js';
import { loadConfig } from '../src/config.js';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import type { Context } from '../src/core/context.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import * as content from '../src/modules/content/service.js';
import { seedSyntheticItems } from '../src/cli/synthetic.js';
import { onPglite, onScratchPostgres } from './engines.js';

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}
interface Row {
  engine: string;
  name: string;
  bytes: number;
  api: Run;
  stat: Run;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medianRun = (rs: Run[]): Run => ({
  rps: median(rs.map((r) => r.rps)),
  p50: median(rs.map((r) => r.p50)),
  p99: median(rs.map((r) => r.p99)),
  non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
});

async function onEngine(label: string, handle: DatabaseHandle, dataDir: string, items: number): Promise<Row[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  // The rate limiter and usage counters run (their cost is part of the figure) but never refuse the load.
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_ANONYMOUS: '1000000000',
    RATE_LIMIT_CLIENT: '1000000000',
    RATE_LIMIT_USER: '1000000000',
  });
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
  await content.ensureDefaultTopics(ctx);
  await seedDemoData(ctx, dataDir);
  const t0 = performance.now();
  await seedSyntheticItems(ctx, items, (d, n) => process.stderr.write(`\r  ${label}: ${d}/${n} synthetic items`));
  process.stderr.write(`\n  ${label}: seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  await handle.db.execute(sql`ANALYZE`);

  const app = await buildApp({ config, database: handle, logger: false });
  let payload = '';
  app.get('/bench/static', { config: { auth: 'public' } }, async (_req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(payload),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // the same app without the per-generation answer cache: what a first read (or every read after a change) costs
  const uncachedApp = await buildApp({ config, database: handle, logger: false, apiCache: false });
  await uncachedApp.listen({ port: 0, host: '127.0.0.1' });
  const uncachedBase = `http://127.0.0.1:${(uncachedApp.server.address() as { port: number }).port}`;

  const list = '/api/v1/published?kind=news&language=vi&limit=20';
  const first = (await (await fetch(`${base}${list}`)).json()) as { items: Array<{ itemId: string; language: string }> };
  // an item from the middle of the corpus rather than the newest
  const mid = (await (await fetch(`${base}/api/v1/published?language=vi&sort=published&publishedFrom=2024-01-01&limit=1`)).json()) as {
    items: Array<{ itemId: string; language: string }>;
  };
  const pick = mid.items[0] ?? first.items[0];
  const targets: Array<[string, string, string[]]> = [
    ['one item', base, [`/api/v1/published/${pick.itemId}/${pick.language}`]],
    ['list page of 20 (kind+language)', base, [list]],
    ['search', base, ['/api/v1/search?q=hue', '/api/v1/search?q=le%20hoi', '/api/v1/search?q=Kumamoto']],
    ['one item, uncached', uncachedBase, [`/api/v1/published/${pick.itemId}/${pick.language}`]],
    ['list page of 20, uncached', uncachedBase, [list]],
    ['search, uncached', uncachedBase, ['/api/v1/search?q=hue', '/api/v1/search?q=le%20hoi', '/api/v1/search?q=Kumamoto']],
  ];

  const load = async (url: string): Promise<Run> => {
    const r = await autocannon({ url, connections: 10, duration: seconds });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  };
  const out: Row[] = [];
  for (const [name, server, paths] of targets) {
    const apiRuns: Run[] = [];
    const statRuns: Run[] = [];
    let bytes = 0;
    for (let i = 0; i < rounds; i++) {
      const path = paths[i % paths.length];
      const body = await (await fetch(server + path)).text();
      payload = body; // the same bytes as this API answer
      bytes = Buffer.byteLength(body);
      await load(server + path); // warm-up of caches and JIT for this path, not counted
      statRuns.push(await load(`${base}/bench/static`));
      apiRuns.push(await load(server + path));
    }
    const row = { engine: label, name, bytes, api: medianRun(apiRuns), stat: medianRun(statRuns) };
    out.push(row);
    printRow(row);
  }
  await app.close();
  await uncachedApp.close();
  return out;
}

function printRow(r: Row) {
  const ratio = r.api.rps / r.stat.rps;
  console.log(
    `| ${r.engine} | ${r.name} | ${r.bytes} | ${r.api.rps.toFixed(0)} | ${r.api.p50} | ${r.api.p99} | ${r.stat.rps.toFixed(0)} | ${r.stat.p50} | ${r.stat.p99} | ${ratio.toFixed(2)} | ${r.api.non2xx} |`,
  );
}

export async function benchApi() {
  const items = Number(process.env.BENCH_ITEMS ?? 100_000);
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  console.log(
    `\nOpen API reads over ${items.toLocaleString('en')} published items (+ demo): autocannon, 10 connections, loopback, medians of ${process.env.BENCH_ROUNDS ?? 3} runs of ${process.env.BENCH_SECONDS ?? 5} s\n`,
  );
  console.log('| engine | request | bytes | API req/s | API p50 ms | API p99 ms | static req/s | static p50 ms | static p99 ms | API/static | non-2xx |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  if (engines.includes('pglite')) await onPglite('ttdn-bench-api', (handle, dir) => onEngine('PGlite', handle, dir, items).then(() => undefined));
  if (engines.includes('postgres'))
    await onScratchPostgres('ttdn_bench_api', 'ttdn-bench-api', (handle, dir) => onEngine('PostgreSQL', handle, dir, items).then(() => undefined));
}
