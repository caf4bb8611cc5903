// HTTP figures: the API against a static JSON response of the same size on the same server.
// - API list of agencies vs a static JSON response of the same size on the same server
// - session-authenticated request vs anonymous request (cost of resolving the session)
// - sign-in (argon2id verify) latency
// The machine is shared and noisy: compare ratios, not absolute numbers between runs.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { seedDemoData } from '../src/cli/seed.js';
import * as accounts from '../src/modules/accounts/service.js';
import { systemContext } from '../src/cli/context.js';

export async function benchHttp() {
  const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
  const dataDir = mkdtempSync(join(tmpdir(), 'ttdn-bench-'));
  // The rate limiter runs (its cost is part of the figure) but never refuses the load generator.
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LOGIN_MAX_IP_FAILURES: '100000',
    RATE_LIMIT_ANONYMOUS: '1000000000',
    RATE_LIMIT_USER: '1000000000',
  });
  const database = process.env.BENCH_DATABASE_URL
    ? await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir })
    : await openDatabase({ databaseUrl: null, dataDir });
  await migrateDatabase(database);
  const ctx = systemContext(database, config, 'system:bench');
  if ((await accounts.countAllUsers(ctx)) === 0) await seedDemoData(ctx, dataDir);

  const app = await buildApp({ config, database, logger: false });
  let listPayload = '';
  app.get('/bench/static', { config: { auth: 'public' } }, async (_req, reply) => reply.header('content-type', 'application/json').send(listPayload));
  listPayload = (await app.inject({ url: '/api/v1/agencies' })).body;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  // A reader with a finished first sign-in, for the session-authenticated run.
  const agency = (await accounts.listAgencies(ctx, {})).find((a) => a.type === 'press')!;
  const password = 'Sông Hương chảy qua Huế 2026!';
  await accounts.createUser(ctx, {
    agencyId: agency.id,
    email: 'bench@example.test',
    username: 'bench-reader',
    displayName: 'Bench',
    role: 'reader',
    password,
  });
  const signInBody = JSON.stringify({ login: 'bench-reader', password });
  const first = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: signInBody });
  const cookie = first.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  await fetch(`${base}/api/v1/auth/password`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: password, newPassword: password + '!' }),
  });

  async function load(path: string, headers: Record<string, string> = {}) {
    const r = await autocannon({ url: base + path, connections: 10, duration: DURATION, headers });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  }

  const results: Record<string, { rps: number; p50: number; p99: number; non2xx: number }> = {};
  results['static JSON (same bytes)'] = await load('/bench/static');
  results['GET /api/v1/agencies (anonymous)'] = await load('/api/v1/agencies');
  results['GET /api/v1/agencies (session)'] = await load('/api/v1/agencies', { cookie });
  results['GET /api/v1/users (session, row filter)'] = await load('/api/v1/users', { cookie });

  const signIns: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const r = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bench-reader', password: password + '!' }),
    });
    await r.arrayBuffer();
    signIns.push(performance.now() - t0);
  }
  signIns.sort((a, b) => a - b);

  console.log(`\nTTDN bench — ${database.engine}, ${DURATION}s per run, 10 connections, ${new Date().toISOString()}\n`);
  console.log('| endpoint | req/s | p50 ms | p99 ms | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
  const s = results['static JSON (same bytes)'].rps;
  console.log(`\nratio API/static (anonymous): ${(results['GET /api/v1/agencies (anonymous)'].rps / s).toFixed(2)}`);
  console.log(`ratio API/static (session):   ${(results['GET /api/v1/agencies (session)'].rps / s).toFixed(2)}`);
  console.log(`sign-in (argon2id verify + session insert + audit), median of ${signIns.length}: ${signIns[Math.floor(signIns.length / 2)].toFixed(1)} ms`);

  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
