// Bulk import at scale (moved out of the tests in issue 14; src/modules/content/import.test.ts
// keeps a 2,000-row file): a CSV of BENCH_IMPORT_ROWS rows (default 50,000) sent to
// POST /api/v1/imports by a contributor's token, timed from the upload until the import reports
// `done`; every row must be imported and the last one found by the working search. On PGlite and on
// PostgreSQL (BENCH_ENGINES=pglite,postgres; BENCH_PG_URL the server, BENCH_PG_DB the scratch
// database, default ttdn_bench_import, created and dropped).
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import type { Context } from '../src/core/context.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import * as accounts from '../src/modules/accounts/service.js';
import * as content from '../src/modules/content/service.js';
import { onPglite, onScratchPostgres } from './engines.js';

const HEADER = 'kind,agency,title,summary,body,activity_date,authors,topics,tags,place,source_type,copyright_holder,licence,visibility';

/** The CSV the 50,000-row test used to send: `rows` complete news items of the Department of Tourism. */
export function bulkCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(
      `news,so-du-lich,Tin hàng loạt ${i},Tóm tắt ${i},Nội dung số ${i} về thành phố Huế,2026-02-03,Nhóm biên tập,du-lich-di-san-le-hoi,nhập; hàng loạt,Huế,own,Sở Du lịch,CC-BY-4.0,public`,
    );
  return lines.join('\n');
}

async function onEngine(label: string, database: DatabaseHandle, dataDir: string, rows: number) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  await migrateDatabase(database);
  const ctx: Context = {
    actor: systemActor('system:bench'),
    db: database.db,
    clock: systemClock,
    log: console,
    locale: 'en',
    requestId: 'bench',
    ip: null,
    config,
  };
  await content.ensureDefaultTopics(ctx);
  const agency = await accounts.createAgency(ctx, { slug: 'so-du-lich', nameVi: 'Sở Du lịch', nameEn: 'Department of Tourism', type: 'department' });
  const { user } = await accounts.createUser(ctx, {
    agencyId: agency.id,
    email: 'bench-import@example.test',
    username: 'bench-import',
    displayName: 'Bench',
    role: 'contributor',
    password: 'Sông Hương chảy qua Huế 2026!',
  });
  const scopes = ['read:public', 'read:shared', 'write:own'] as const;
  const { secret } = await accounts.createPersonalToken(
    { ...ctx, actor: { kind: 'user', userId: user.id, agencyId: agency.id, role: 'contributor', label: 'bench', via: 'session', scopes: [...scopes] } },
    { name: 'bench', scopes: [...scopes], acceptTerms: true },
  );
  const app = await buildApp({ config, database, logger: false });
  try {
    const headers = { authorization: `Bearer ${secret}`, 'accept-language': 'en' };
    const csv = bulkCsv(rows);
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?mode=draft&fileName=bulk.csv',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    if (res.statusCode !== 202) throw new Error(`import refused: ${res.statusCode} ${res.body}`);
    const accepted = performance.now() - t0;
    const id = (res.json() as { id: string }).id;
    let status: { status: string; processed: number; imported: number; rejected: number };
    for (;;) {
      status = (await app.inject({ url: `/api/v1/imports/${id}`, headers })).json();
      if (status.status !== 'running') break;
      process.stderr.write(`\r  ${label}: ${status.processed}/${rows} rows`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - t0) / 1000;
    process.stderr.write('\n');
    if (status.status !== 'done' || status.imported !== rows) throw new Error(`import ended ${JSON.stringify(status)}`);
    const q = encodeURIComponent(`"hang loat ${rows - 1}"`);
    const found = (await app.inject({ url: `/api/v1/search?view=working&q=${q}`, headers })).json() as { items: Array<{ title: string }> };
    const last = found.items.some((i) => i.title === `Tin hàng loạt ${rows - 1}`);
    console.log(
      `| ${label} | ${rows.toLocaleString('en')} | ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB | ${(accepted / 1000).toFixed(1)} s | ${seconds.toFixed(1)} s | ${Math.round(rows / seconds).toLocaleString('en')} | ${last ? 'yes' : 'NO'} |`,
    );
    if (!last) throw new Error('the last row is not found by the working search');
  } finally {
    await app.close();
  }
}

export async function benchImport() {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  console.log(`\nBulk import of ${rows.toLocaleString('en')} CSV rows as drafts (POST /api/v1/imports, until the import reports done)\n`);
  console.log('| engine | rows | file | answered 202 after | done after | rows/s | last row found |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  if (engines.includes('pglite')) await onPglite('ttdn-bench-import', (handle, dir) => onEngine('PGlite', handle, dir, rows));
  if (engines.includes('postgres'))
    await onScratchPostgres('ttdn_bench_import', 'ttdn-bench-import', (handle, dir) => onEngine('PostgreSQL', handle, dir, rows));
}
