// Resumable uploads (tus) over real HTTP with tus-js-client: a large file interrupted mid-way and
// resumed, the same file from two clients at once, refusals (another person's upload, quota,
// limits, a trap file), cookie sessions with the CSRF token; and the whole path on S3 storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import * as tus from 'tus-js-client';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import * as files from '../../../test/helpers/media-files.js';
import { createMediaTestApp, filesUnder } from '../../../test/helpers/media.js';
import { startS3rver, stopS3rver } from '../../../test/helpers/s3rver.js';
import { processPendingVariants } from './service.js';

let t: TestApp & { dataDir: string };
let base: string;
let contributor: SignedIn;
let token: string;
let otherToken: string;

async function tokenOf(s: SignedIn) {
  const res = await s.client.post('/api/v1/tokens', { name: 'Máy tải lên', scopes: ['read:public', 'read:shared', 'write:own'], acceptTerms: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().secret as string;
}

interface Outcome {
  mediaId: string | null;
  body: string;
  status: number;
  sentBytes: number;
}

/** Uploads with tus-js-client; `stopAt` aborts the upload once that many bytes are confirmed. */
function tusUpload(
  data: Buffer,
  opts: {
    bearer?: string;
    headers?: Record<string, string>;
    fileName?: string;
    agencyId?: string;
    chunkSize?: number;
    uploadUrl?: string;
    stopAt?: number;
    endpoint?: string;
  },
) {
  return new Promise<Outcome & { url: string | null; aborted: boolean }>((resolve) => {
    let sentBytes = 0;
    const upload: tus.Upload = new tus.Upload(data, {
      endpoint: opts.endpoint ?? `${base}/api/v1/uploads`,
      uploadUrl: opts.uploadUrl,
      chunkSize: opts.chunkSize ?? 256 * 1024,
      retryDelays: [],
      headers: { ...(opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {}), ...opts.headers },
      metadata: { filename: opts.fileName ?? 'video.mp4', ...(opts.agencyId ? { agencyId: opts.agencyId } : {}) },
      onChunkComplete: (chunk, accepted) => {
        sentBytes += chunk;
        if (opts.stopAt !== undefined && accepted >= opts.stopAt) {
          void upload.abort().then(() => resolve({ mediaId: null, body: '', status: 0, sentBytes, url: upload.url, aborted: true }));
        }
      },
      onSuccess: (payload) => {
        const res = payload.lastResponse;
        resolve({
          mediaId: res.getHeader('Ttdn-Media-Id') ?? null,
          body: res.getBody() ?? '',
          status: res.getStatus(),
          sentBytes,
          url: upload.url,
          aborted: false,
        });
      },
      onError: (err) => {
        const res = (err as tus.DetailedError).originalResponse;
        resolve({ mediaId: null, body: res?.getBody() ?? String(err), status: res?.getStatus() ?? 0, sentBytes, url: upload.url, aborted: false });
      },
    });
    upload.start();
  });
}

beforeAll(async () => {
  t = await createMediaTestApp({ MEDIA_MAX_RESUMABLE_MB: '8' });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  contributor = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'dai-truyen-hinh' }) });
  token = await tokenOf(contributor);
  otherToken = await tokenOf(await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-xay-dung' }) }));
});
afterAll(() => t.close());

describe('resumable uploads', () => {
  it('an upload interrupted mid-way resumes from where it stopped, and ends as a media record with the right hash', async () => {
    const data = files.mp4(3 * 1024 * 1024);
    const first = await tusUpload(data, { bearer: token, stopAt: 1024 * 1024, fileName: 'phóng sự nón lá.mp4' });
    expect(first.aborted).toBe(true);
    expect(first.url).toMatch(/\/api\/v1\/uploads\/[A-Za-z0-9]+$/);
    // the server kept what it received
    const head = await fetch(first.url!, { method: 'HEAD', headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' } });
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThanOrEqual(1024 * 1024);
    expect(offset).toBeLessThan(data.length);
    // a fresh client continues the same upload
    const second = await tusUpload(data, { bearer: token, uploadUrl: first.url!, fileName: 'phóng sự nón lá.mp4' });
    expect(second.status, second.body).toBe(200);
    expect(second.sentBytes).toBe(data.length - offset);
    const media = JSON.parse(second.body);
    expect(media).toMatchObject({
      id: second.mediaId,
      kind: 'video',
      size: data.length,
      fileName: 'phóng sự nón lá.mp4',
      sha256: createHash('sha256').update(data).digest('hex'),
    });
    // nothing of the upload is left in the tus folder
    expect(filesUnder(join(t.dataDir, 'uploads')).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  it('only its creator may see or continue an upload', async () => {
    const data = files.mp4(600 * 1024);
    const started = await tusUpload(data, { bearer: token, stopAt: 256 * 1024 });
    const theirs = await fetch(started.url!, { method: 'HEAD', headers: { authorization: `Bearer ${otherToken}`, 'tus-resumable': '1.0.0' } });
    expect(theirs.status).toBe(404);
    // tus-js-client, refused the resumption, starts an upload of its own: the other agency's copy
    const hijack = await tusUpload(data, { bearer: otherToken, uploadUrl: started.url! });
    expect(hijack.url).not.toBe(started.url);
    expect(JSON.parse(hijack.body).agencyId).not.toBe(contributor.user.agencyId);
    const patch = await fetch(started.url!, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${otherToken}`,
        'tus-resumable': '1.0.0',
        'upload-offset': '262144',
        'content-type': 'application/offset+octet-stream',
      },
      body: new Uint8Array(10),
    });
    expect(patch.status).toBe(404);
    const anonymous = await fetch(started.url!, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
    expect(anonymous.status).toBe(401);
  });

  it('two clients uploading the same file at once: one stored file, one record for the agency', async () => {
    const data = files.mp4(700 * 1024);
    const [a, b] = await Promise.all([tusUpload(data, { bearer: token, fileName: 'a.mp4' }), tusUpload(data, { bearer: token, fileName: 'b.mp4' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.mediaId).toBe(b.mediaId);
    const sha = createHash('sha256').update(data).digest('hex');
    expect(filesUnder(join(t.dataDir, 'media')).filter((f) => f.endsWith(sha))).toHaveLength(1);
    expect([JSON.parse(a.body).duplicate, JSON.parse(b.body).duplicate].sort()).toEqual([false, true]);
  });

  it('refuses a trap at the end with the reason, and keeps nothing', async () => {
    const before = filesUnder(join(t.dataDir, 'media'));
    const uploadsBefore = filesUnder(join(t.dataDir, 'uploads'));
    const res = await tusUpload(Buffer.concat([files.elfExecutable(), Buffer.alloc(400 * 1024)]), { bearer: token, fileName: 'setup.mp4' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'invalid', errors: [{ field: 'file', code: 'media_type_not_allowed' }] });
    expect(filesUnder(join(t.dataDir, 'media'))).toEqual(before);
    expect(filesUnder(join(t.dataDir, 'uploads'))).toEqual(uploadsBefore);
  });

  it('refuses at creation what cannot fit: over the size limit, over the quota, into another agency, without the write scope', async () => {
    const tooBig = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-length': String(9 * 1024 * 1024) },
    });
    expect(tooBig.status).toBe(400);
    expect((await tooBig.json()).errors[0].code).toBe('media_too_large');
    const other = await tusUpload(files.mp4(1000), { bearer: token, agencyId: await fixtureAgency(t, { slug: 'so-xay-dung' }) });
    expect(other.status).toBe(403);
    const readRes = await contributor.client.post('/api/v1/tokens', { name: 'Chỉ đọc', scopes: ['read:public'], acceptTerms: true });
    const readOnly = await tusUpload(files.mp4(1000), { bearer: readRes.json().secret });
    expect(readOnly.status).toBe(403);
    await t.db.handle.db.execute(`UPDATE agencies SET storage_quota_bytes = 1000 WHERE id = '${contributor.user.agencyId}'` as never);
    const quota = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-length': '500000' },
    });
    expect(quota.status).toBe(409);
    expect((await quota.json()).code).toBe('media_quota_exceeded');
    await t.db.handle.db.execute(`UPDATE agencies SET storage_quota_bytes = NULL WHERE id = '${contributor.user.agencyId}'` as never);
  });

  it('works from the browser session: the CSRF token is required', async () => {
    const cookie = contributor.client.cookie!.replace(/^[^=]*=/, '');
    const cookieHeader = `${contributor.client.cookie!.split('=')[0]}=${cookie}`;
    const withoutCsrf = await tusUpload(files.mp4(2000), { headers: { cookie: cookieHeader } });
    expect(withoutCsrf.status).toBe(403);
    const ok = await tusUpload(files.mp4(2001), { headers: { cookie: cookieHeader, 'x-csrf-token': contributor.client.csrf! } });
    expect(ok.status, ok.body).toBe(200);
  });
});

describe('on S3-compatible storage', () => {
  let s3: ChildProcess;
  let app: TestApp & { dataDir: string };
  afterAll(async () => {
    await app?.close();
    await stopS3rver(s3);
  });

  it('uploads, makes variants and serves the original and a range from the bucket', async () => {
    const { child, port } = await startS3rver(join(t.dataDir, 's3rver'));
    s3 = child;
    const endpoint = `http://127.0.0.1:${port}`;
    const raw = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await raw.send(new CreateBucketCommand({ Bucket: 'ttdn' }));
    app = await createMediaTestApp({ S3_BUCKET: 'ttdn', S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_PREFIX: 'hue/' });
    const c = await signedIn(app, 'contributor');
    const data = await files.jpeg({ width: 900, height: 600, seed: 91 });
    const { multipart } = await import('../../../test/helpers/media.js');
    const m = multipart([{ name: 'file', filename: 'cau-truong-tien.jpg', data }]);
    const created = (await c.client.request('POST', '/api/v1/media', m.body, m.headers)).json();
    expect(await processPendingVariants(app.system)).toEqual({ done: 1, failed: 0 });
    const keys = ((await raw.send(new ListObjectsV2Command({ Bucket: 'ttdn', Prefix: 'hue/' }))).Contents ?? []).map((o) => o.Key);
    expect(keys).toContain(`hue/originals/${created.sha256.slice(0, 2)}/${created.sha256.slice(2, 4)}/${created.sha256}`);
    expect(keys.filter((k) => k!.startsWith(`hue/variants/${created.id}/`))).toHaveLength(6);
    const original = await c.client.get(created.originalUrl);
    expect(original.rawPayload.equals(data)).toBe(true);
    const part = await c.client.get(created.originalUrl, { range: 'bytes=10-19' });
    expect(part.rawPayload.equals(data.subarray(10, 20))).toBe(true);
    // nothing was written to local disk
    expect(filesUnder(join(app.dataDir, 'media'))).toEqual([]);
    raw.destroy();
  });
});
