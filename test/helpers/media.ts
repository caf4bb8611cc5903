// Helpers for media tests: multipart bodies, a private data folder per test app, uploads.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client, TestApp } from './app.js';
import { createTestApp } from './app.js';

/** A test app whose media store and temporary files live in a fresh folder. */
export async function createMediaTestApp(env: Record<string, string> = {}): Promise<TestApp & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ttdn-media-'));
  const t = await createTestApp({ DATA_DIR: dataDir, MEDIA_VARIANT_WIDTHS: '320,640', MEDIA_VARIANT_FORMATS: 'webp,avif', FFPROBE_PATH: 'none', ...env });
  return { ...t, dataDir };
}

export function multipart(
  parts: Array<{ name: string; filename?: string; contentType?: string; data: Buffer | string }>,
  boundary = `----ttdn${Math.random().toString(16).slice(2)}`,
) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`, 'utf8'),
    );
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(client: Client, data: Buffer, filename: string, opts: { agencyId?: string; contentType?: string } = {}) {
  const m = multipart([{ name: 'file', filename, contentType: opts.contentType ?? 'application/octet-stream', data }]);
  return client.request('POST', `/api/v1/media${opts.agencyId ? `?agencyId=${opts.agencyId}` : ''}`, m.body, m.headers);
}

/** Every file under a folder (relative paths), to prove a refusal stored nothing. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
      else out.push(`${rel}${n}`);
    }
  };
  walk(dir, '');
  return out.sort();
}
