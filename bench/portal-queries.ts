// Queries per uncached portal page (PGlite, demo data; PORTAL_ITEMS=20000 adds synthetic items): `npx tsx bench/portal-queries.ts`.
// Counts statements sent to the database while one page renders: with the page cache off
// (`portalCache: false`, as the bench's uncached rows), on the first render after a publish (a
// new generation: what pages share is read again), and on a later render in the same generation
// (shared data kept). Then the cost of one render, sequentially, median of PORTAL_SAMPLES (25):
// wall time and the process's CPU time (PGlite runs in this process, so CPU time holds the
// database's work too and is less disturbed by other load on a shared machine than throughput).
// VERBOSE=1 prints the statements.
import { sql } from 'drizzle-orm';
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

const dataDir = mkdtempSync(join(tmpdir(), 'ttdn-portal-queries-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', FFPROBE_PATH: 'none' });
const database = await openDatabase({ databaseUrl: null, dataDir });
await migrateDatabase(database);
const ctx = systemContext(database, config, 'system:bench');
await seedDemoData(ctx, dataDir);
await processPendingVariants(ctx, 100);
// PORTAL_ITEMS: synthetic published items besides the demo data (0 by default), then statistics
const items = Number(process.env.PORTAL_ITEMS ?? 0);
if (items > 0) {
  await seedSyntheticItems(ctx, items);
  await analyzeChanged(database.db, { force: true });
}

const pglite = database.pglite!;
let count = 0;
const log: string[] = [];
const verbose = process.env.VERBOSE === '1';
for (const name of ['query', 'exec'] as const) {
  const original = pglite[name].bind(pglite) as (...a: unknown[]) => Promise<unknown>;
  (pglite as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    count++;
    if (verbose) log.push(String(args[0]).replace(/\s+/g, ' ').slice(0, 160));
    return original(...args);
  };
}

const cached = await buildApp({ config, database, logger: false });
const plain = await buildApp({ config, database, logger: false, portalCache: false });
const listing = (await plain.inject({ url: '/vi/kinds/photo_album' })).body;
const item = /href="(\/vi\/items\/[0-9a-f-]{36})"/.exec(listing)![1];
const topic = /href="(\/vi\/topics\/[a-z0-9-]+)"/.exec(listing)![1];
const agency = /href="(\/vi\/agencies\/[a-z0-9-]+)"/.exec((await plain.inject({ url: '/vi/agencies' })).body)![1];
const pages = [
  '/vi/',
  '/en/',
  item,
  `${item}/photos/1`,
  topic,
  '/vi/kinds/news',
  agency,
  '/vi/agencies',
  '/vi/documents',
  '/vi/search?q=hue',
  '/vi/feed.xml',
  '/vi/feed.json',
  '/sitemap.xml',
];

const bump = async () => {
  await database.db.execute(sql`UPDATE public_generation SET value = value + 1 WHERE id = 1`);
  await new Promise((r) => setTimeout(r, 20)); // the in-process NOTIFY moves the generation
};
console.log('| page | cache off | first render after a publish | later render (shared data kept) |');
console.log('| --- | ---: | ---: | ---: |');
for (const p of pages) {
  const lang = p.startsWith('/en/') ? 'en' : 'vi';
  count = 0;
  log.length = 0;
  const r = await plain.inject({ url: p });
  const off = count;
  if (verbose) console.log(`${p}:\n  ${log.join('\n  ')}`);
  await bump();
  count = 0;
  await cached.inject({ url: p });
  const first = count;
  await bump();
  // warm what every page (and every feed) of the language shares
  await cached.inject({ url: `/${lang}/search` });
  await cached.inject({ url: `/${lang}/feed.atom` });
  count = 0;
  const again = await cached.inject({ url: p });
  console.log(`| ${p.replace(/[0-9a-f-]{36}/, '{id}')} (${r.statusCode}/${again.statusCode}) | ${off} | ${first} | ${count} |`);
}

// the cost of one render: cache off, and rendered with shared data kept (a new Host misses the page cache)
const SAMPLES = Number(process.env.PORTAL_SAMPLES ?? 25);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\n| page | cache off: wall ms | CPU ms | shared data kept: wall ms | CPU ms |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
let host = 0;
for (const p of pages) {
  const cost = async (send: () => Promise<unknown>) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await send();
      const c = process.cpuUsage(c0);
      wall.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
    return [median(wall), median(cpu)];
  };
  const [offWall, offCpu] = await cost(() => plain.inject({ url: p }));
  const [keptWall, keptCpu] = await cost(() => cached.inject({ url: p, headers: { host: `h${++host}.bench.invalid` } }));
  console.log(`| ${p.replace(/[0-9a-f-]{36}/, '{id}')} | ${offWall.toFixed(1)} | ${offCpu.toFixed(1)} | ${keptWall.toFixed(1)} | ${keptCpu.toFixed(1)} |`);
}
await plain.close();
await cached.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
