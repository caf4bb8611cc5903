// The optional outside tools, through the upload endpoint: ClamAV (a clamd stand-in speaking the
// INSTREAM protocol) and ffprobe (a stand-in script printing what ffprobe prints). The real
// tools are not on the CI machine; these fakes play the outside world only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:net';
import { signedIn, type TestApp } from '../../../test/helpers/app.js';
import { EICAR, fakeClamd } from '../../../test/helpers/fake-clamd.js';
import * as files from '../../../test/helpers/media-files.js';
import { createMediaTestApp, filesUnder, upload } from '../../../test/helpers/media.js';

const apps: TestApp[] = [];
const servers: Server[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('ClamAV', () => {
  let t: TestApp & { dataDir: string };
  let scans: Array<{ data: Buffer }>;
  beforeAll(async () => {
    const clamd = await fakeClamd('scan');
    servers.push(clamd.server);
    scans = clamd.scans;
    t = await createMediaTestApp({ CLAMD_URL: clamd.url });
    apps.push(t);
  });

  it('scans every upload; an infected file is refused, audited, and nothing is stored', async () => {
    const c = await signedIn(t, 'contributor');
    const clean = await upload(c.client, await files.jpeg({ seed: 1 }), 'clean.jpg');
    expect(clean.statusCode).toBe(201);
    expect(scans).toHaveLength(1);
    const before = filesUnder(join(t.dataDir, 'media'));
    // a real JPEG carrying the EICAR test string after its end marker
    const infected = await upload(c.client, Buffer.concat([await files.jpeg({ seed: 2 }), Buffer.from(EICAR, 'latin1')]), 'infected.jpg');
    expect(infected.statusCode).toBe(400);
    expect(infected.json().errors[0]).toMatchObject({ field: 'file', code: 'media_infected' });
    expect(infected.json().errors[0].message).toContain('Eicar-Test-Signature');
    expect(filesUnder(join(t.dataDir, 'media'))).toEqual(before);
    const audit = (await t.db.handle.db.execute(
      sql`SELECT outcome, data FROM audit_events WHERE action = 'media.upload' ORDER BY seq DESC LIMIT 1`,
    )) as unknown as { rows: Array<{ outcome: string; data: { reason: string } }> };
    expect(audit.rows[0]).toMatchObject({ outcome: 'failure', data: { reason: 'infected' } });
  });

  it('fails closed: with clamd unreachable, uploads are refused', async () => {
    const down = await createMediaTestApp({ CLAMD_URL: 'tcp://127.0.0.1:9' });
    apps.push(down);
    const c = await signedIn(down, 'contributor');
    const res = await upload(c.client, await files.jpeg({ seed: 3 }), 'a.jpg');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('media_scan_unavailable');
    expect(filesUnder(join(down.dataDir, 'media'))).toEqual([]);
  });
});

describe('ffprobe', () => {
  const fake = (codec: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ttdn-ffprobe-'));
    const path = join(dir, 'ffprobe');
    const out = JSON.stringify({
      streams: [
        { codec_type: 'audio', codec_name: 'aac' },
        { codec_type: 'video', codec_name: codec, width: 1920, height: 1080 },
      ],
      format: { duration: '95.480000' },
    });
    writeFileSync(path, `#!/bin/sh\ncat <<'JSON'\n${out}\nJSON\n`);
    chmodSync(path, 0o755);
    return path;
  };

  it('reads codec, size and duration of a video; refuses a codec browsers cannot play', async () => {
    const t = await createMediaTestApp({ FFPROBE_PATH: fake('h264') });
    apps.push(t);
    const c = await signedIn(t, 'contributor');
    const res = await upload(c.client, files.mp4(), 'phong-su.mp4');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 1920, height: 1080, durationSeconds: 95.48, video: { probed: true, codec: 'h264' } });
    const hevc = await createMediaTestApp({ FFPROBE_PATH: fake('hevc') });
    apps.push(hevc);
    const c2 = await signedIn(hevc, 'contributor');
    const refused = await upload(c2.client, files.mp4(), 'phong-su.mp4');
    expect(refused.json().errors[0]).toMatchObject({ field: 'file', code: 'media_video_codec' });
  });

  it('without ffprobe, videos are accepted on their container structure and marked unprobed', async () => {
    const t = await createMediaTestApp({ FFPROBE_PATH: 'none' });
    apps.push(t);
    const c = await signedIn(t, 'contributor');
    const res = await upload(c.client, files.mp4(), 'v.mp4');
    expect(res.json()).toMatchObject({ kind: 'video', durationSeconds: null, video: { probed: false } });
  });
});
