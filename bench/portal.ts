// Portal figures: home and item pages per second and p99 latency, cached (the page cache of the
// current public generation), rendered on every request with the shared data kept per generation
// (a new Host header per request misses the page cache), and uncached (a fresh app with the cache
// disabled: pages and the data they share read on every request), against a static HTML response
// of the same size served by the same Fastify. The ratio is
// the figure. `BENCH_LIGHTHOUSE=1` also runs Lighthouse (mobile) on home and an item page when the
// `lighthouse` package is installed.
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/transaction.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { seedDemoData } from '../src/cli/seed.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { processPendingVariants } from '../src/modules/media/service.js';
import { seedSyntheticItems } from '../src/cli/synthetic.js';
import { analyzeChanged } from '../src/db/statistics.js';
import { systemContext } from '../src/cli/context.js';

export async function benchPortal() {
  const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
  const dataDir = mkdtempSync(join(tmpdir(), 'ttdn-bench-portal-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', FFPROBE_PATH: 'none' });
  const database = process.env.BENCH_DATABASE_URL
    ? await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir })
    : await openDatabase({ databaseUrl: null, dataDir });
  await migrateDatabase(database);
  const ctx = systemContext(database, config, 'system:bench');
  await seedDemoData(ctx, dataDir);
  await processPendingVariants(ctx, 100);
  // BENCH_PORTAL_ITEMS: synthetic published items besides the demo data (default 20,000), then the
  // planner statistics as `ttdn seed --items` leaves them
  const items = Number(process.env.BENCH_PORTAL_ITEMS ?? 20_000);
  if (items > 0) {
    const started = Date.now();
    await seedSyntheticItems(ctx, items);
    await analyzeChanged(database.db, { force: true });
    console.log(`portal bench: ${items} synthetic items seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  const app = await buildApp({ config, database, logger: false });
  let staticHome = Buffer.alloc(0);
  let staticItem = Buffer.alloc(0);
  app.get('/bench/static-home', { config: { auth: 'public' } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(staticHome));
  app.get('/bench/static-item', { config: { auth: 'public' } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(staticItem));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const listing = await (await fetch(`${base}/vi/kinds/photo_album`)).text();
  const itemPath = /href="(\/vi\/items\/[0-9a-f-]{36})"/.exec(listing)![1];
  staticHome = Buffer.from(await (await fetch(`${base}/vi/`)).arrayBuffer());
  staticItem = Buffer.from(await (await fetch(`${base}${itemPath}`)).arrayBuffer());

  const load = async (path: string, headers: Record<string, string> = {}) => {
    const r = await autocannon({ url: base + path, connections: 10, duration: DURATION, headers });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  };
  const rows: Array<[string, Awaited<ReturnType<typeof load>>]> = [];
  rows.push(['static HTML, home size', await load('/bench/static-home')]);
  rows.push(['home /vi/ cached', await load('/vi/')]);
  rows.push(['home /vi/ cached, brotli', await load('/vi/', { 'accept-encoding': 'br' })]);
  rows.push(['static HTML, item size', await load('/bench/static-item')]);
  rows.push(['item (album) cached', await load(itemPath)]);
  // rendered on every request, but with what pages share (agencies, topics, languages) kept per
  // generation, as after the first request that follows a publish: a new Host on each request
  // misses the page cache (its key holds the origin) while the generation stays the same
  const loadRendered = async (path: string) => {
    let n = 0;
    const r = await autocannon({
      url: base + path,
      connections: 10,
      duration: DURATION,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, host: `h${++n}.bench.invalid` } }) }],
    });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  };
  rows.push(['home /vi/ rendered, shared data kept', await loadRendered('/vi/')]);
  rows.push(['item (album) rendered, shared data kept', await loadRendered(itemPath)]);

  // uncached: each request renders (search pages are never cached; for pages, the same app
  // rendering without a generation source)
  const plain = await buildApp({ config, database, logger: false, portalCache: false });
  await plain.listen({ port: 0, host: '127.0.0.1' });
  const plainBase = `http://127.0.0.1:${(plain.server.address() as { port: number }).port}`;
  const loadPlain = async (path: string) => {
    const r = await autocannon({ url: plainBase + path, connections: 10, duration: DURATION });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  };
  rows.push(['home /vi/ uncached', await loadPlain('/vi/')]);
  rows.push(['item (album) uncached', await loadPlain(itemPath)]);
  // a listing's full page needs its total (kept counts since issue 15): page 2 and a deep page
  const [{ n: newsCount }] = rowsOf<{ n: number }>(
    await database.db.execute(sql`SELECT count(*)::int AS n FROM item_versions WHERE pub_visibility = 'public' AND language = 'vi' AND kind = 'news'`),
  );
  const lastPage = Math.max(1, Math.ceil(newsCount / 12)); // the listing's page size
  rows.push(['listing news, page 2, uncached', await loadPlain('/vi/kinds/news?page=2')]);
  rows.push([`listing news, page ${Math.ceil(lastPage / 2)} of ${lastPage}, uncached`, await loadPlain(`/vi/kinds/news?page=${Math.ceil(lastPage / 2)}`)]);

  console.log(`\nPortal bench — ${database.engine}, ${DURATION}s per run, 10 connections\n`);
  console.log('| page | req/s | p50 ms | p99 ms | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, r] of rows) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
  const get = (name: string) => rows.find(([n]) => n === name)![1].rps;
  console.log(
    `\nratio cached/static: home ${(get('home /vi/ cached') / get('static HTML, home size')).toFixed(2)}, item ${(get('item (album) cached') / get('static HTML, item size')).toFixed(2)} (target ≥ 0.80)`,
  );
  console.log(
    `ratio uncached/static: home ${(get('home /vi/ uncached') / get('static HTML, home size')).toFixed(3)}, item ${(get('item (album) uncached') / get('static HTML, item size')).toFixed(3)}`,
  );
  const oneIn = (name: string) => `1/${Math.round(get('static HTML, home size') / rows.find(([n]) => n.startsWith(name))![1].rps)}`;
  console.log(
    `uncached against static (issue 15 targets): home ${oneIn('home /vi/ uncached')} (PGlite ≥ 1/50), item ${oneIn('item (album) uncached')} (≥ 1/20), listing page 2 ${oneIn('listing news, page 2')}, deep listing page ${oneIn('listing news, page ' + Math.ceil(lastPage / 2))} (≥ 1/30)`,
  );

  if (process.env.BENCH_LIGHTHOUSE === '1') await lighthouse(base, ['/vi/', itemPath]);
  await plain.close();
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function lighthouse(base: string, pages: string[]) {
  let run: (url: string, flags: object) => Promise<{ lhr: { categories: Record<string, { score: number | null }> } } | undefined>;
  let chromeLauncher: { launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> | void }> };
  try {
    run = (await import('lighthouse' as string)).default;
    chromeLauncher = await import('chrome-launcher' as string);
  } catch {
    console.log('lighthouse: not installed (npm install -D lighthouse@12.2.3), skipped');
    return;
  }
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const p of pages) {
      const r = await run(base + p, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        formFactor: 'mobile',
      });
      const c = r!.lhr.categories;
      console.log(
        `lighthouse ${p} (mobile): performance ${Math.round((c.performance.score ?? 0) * 100)}, accessibility ${Math.round((c.accessibility.score ?? 0) * 100)}, best practices ${Math.round((c['best-practices'].score ?? 0) * 100)}, SEO ${Math.round((c.seo.score ?? 0) * 100)}`,
      );
    }
  } finally {
    await chrome.kill();
  }
}
