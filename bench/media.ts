// Media figures: image variant generation for a 12-megapixel JPEG (images/s), and upload
// throughput over loopback (MB/s) — one request and resumable (tus) — against a route that only
// reads the body and discards it, on the same server (the ratio is the figure).
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { buildApp } from '../src/app.js';
import { mp4 } from '../src/cli/demo-files.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import * as accounts from '../src/modules/accounts/service.js';
import { renderVariants } from '../src/modules/media/variants.js';
import { jpeg } from '../test/helpers/media-files.js';
import { systemContext } from '../src/cli/context.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchMedia() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ttdn-bench-media-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', FFPROBE_PATH: 'none' });
  try {
    // ---- variants
    const photo = join(dataDir, '12mp.jpg');
    await writeFile(photo, await jpeg({ width: 4000, height: 3000, seed: 7, quality: 90 }));
    const runs = Number(process.env.BENCH_IMAGES ?? 3);
    for (const formats of [['webp', 'avif'], ['webp']] as const) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const out = await renderVariants(photo, { config: { ...config.media, variantFormats: [...formats] }, focalX: 0.5, focalY: 0.5, keepMetadata: false });
        times.push(performance.now() - t0);
        count = out.length;
      }
      const ms = median(times);
      console.log(
        `media: variants of a 12 MP JPEG (${config.media.variantWidths.join('/')} px × ${formats.join('+')} + 2 crops = ${count} files): median ${Math.round(ms)} ms per image → ${(1000 / ms).toFixed(2)} images/s (${runs} runs)`,
      );
    }

    // ---- uploads over loopback
    const database = await openDatabase({ databaseUrl: null, dataDir });
    await migrateDatabase(database);
    const ctx = systemContext(database, config, 'system:bench');
    const agency = await accounts.createAgency(ctx, { slug: 'bench-agency', nameVi: 'Cơ quan đo', nameEn: 'Bench agency', type: 'department' });
    const { user } = await accounts.createUser(ctx, {
      agencyId: agency.id,
      email: 'bench-media@example.test',
      username: 'bench-media',
      displayName: 'Bench',
      role: 'contributor',
      password: 'Sông Hương chảy qua Huế 2026!',
    });
    const { secret } = await accounts.createPersonalToken(
      {
        ...ctx,
        actor: {
          kind: 'user',
          userId: user.id,
          agencyId: agency.id,
          role: 'contributor',
          label: 'bench',
          via: 'session',
          scopes: ['read:public', 'read:shared', 'write:own'],
        },
      },
      {
        name: 'bench',
        scopes: ['read:public', 'read:shared', 'write:own'],
        acceptTerms: true,
      },
    );
    const app = await buildApp({ config, database, logger: false });
    app.addContentTypeParser('application/x-bench', (_req, payload, done) => {
      payload.on('data', () => undefined);
      payload.on('end', () => done(null, null));
    });
    app.post('/bench/sink', { config: { auth: 'public' }, bodyLimit: 1024 ** 3 }, async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const auth = { authorization: `Bearer ${secret}` };
    const size = Number(process.env.BENCH_UPLOAD_MB ?? 64) * 1024 * 1024;
    const mb = size / 1024 / 1024;
    const rounds = Number(process.env.BENCH_UPLOADS ?? 3);
    const figures: Record<string, number[]> = { sink: [], multipart: [], tus: [] };
    for (let i = 0; i < rounds; i++) {
      const data = mp4(size - 200); // distinct content each round: no duplicate short-cut
      data.writeUInt32BE(i + 1, data.length - 8);
      let t0 = performance.now();
      await fetch(`${base}/bench/sink`, { method: 'POST', headers: { 'content-type': 'application/x-bench' }, body: new Uint8Array(data) });
      figures.sink.push(mb / ((performance.now() - t0) / 1000));

      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)]), `bench-${i}.mp4`);
      t0 = performance.now();
      const res = await fetch(`${base}/api/v1/media`, { method: 'POST', headers: auth, body: form });
      if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
      figures.multipart.push(mb / ((performance.now() - t0) / 1000));

      data.writeUInt32BE(1000 + i, data.length - 8);
      t0 = performance.now();
      await new Promise<void>((resolve, reject) =>
        new tus.Upload(data, {
          endpoint: `${base}/api/v1/uploads`,
          chunkSize: 8 * 1024 * 1024,
          headers: auth,
          metadata: { filename: `bench-tus-${i}.mp4` },
          onSuccess: () => resolve(),
          onError: reject,
        }).start(),
      );
      figures.tus.push(mb / ((performance.now() - t0) / 1000));
    }
    const sink = median(figures.sink);
    console.log(
      `media: upload of ${mb} MB over loopback (median of ${rounds}): body read and discarded ${sink.toFixed(0)} MB/s; one request (multipart) ${median(figures.multipart).toFixed(0)} MB/s (ratio ${(median(figures.multipart) / sink).toFixed(2)}); resumable tus, 8 MB chunks ${median(figures.tus).toFixed(0)} MB/s (ratio ${(median(figures.tus) / sink).toFixed(2)}) — both include hashing, inspection and storing`,
    );
    await app.close();
    await database.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
