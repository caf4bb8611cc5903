// The library in use: variants made by the job and served with the right headers, range
// requests, who may fetch originals (R6.3) and the download counter (R5.2), files attached to
// items (what submission demands, what publishing opens up, what deletion refuses), quotas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../../test/helpers/content.js';
import * as files from '../../../test/helpers/media-files.js';
import { createMediaTestApp, upload } from '../../../test/helpers/media.js';
import { collectMediaGarbage, processPendingVariants } from './service.js';

let t: TestApp & { dataDir: string };
let contributor: SignedIn;
let appraiser: SignedIn;
let otherAgency: SignedIn;
let readerWithAccount: SignedIn;
let admin: SignedIn;
let topic: string;
const anon = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createMediaTestApp();
  topic = (await topicIds(t))['du-lich-di-san-le-hoi'];
  contributor = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'trung-tam-bao-ton' }) });
  appraiser = await signedIn(t, 'appraiser');
  admin = await signedIn(t, 'admin');
  otherAgency = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-tai-chinh' }) });
  readerWithAccount = await signedIn(t, 'reader', { agencyId: await fixtureAgency(t, { slug: 'bao-hue' }) });
});
afterAll(() => t.close());

async function signInAgain() {
  contributor = await signedIn(t, 'contributor', { agencyId: contributor.user.agencyId });
  appraiser = await signedIn(t, 'appraiser');
  admin = await signedIn(t, 'admin');
  otherAgency = await signedIn(t, 'contributor', { agencyId: otherAgency.user.agencyId });
}

async function describeFile(id: string, over: Record<string, unknown> = {}) {
  const m = (await contributor.client.get(`/api/v1/media/${id}`)).json();
  const res = await contributor.client.patch(`/api/v1/media/${id}`, {
    version: m.version,
    alt: { vi: 'Cổng Ngọ Môn nhìn từ quảng trường', en: 'The Noon Gate seen from the square' },
    caption: { vi: 'Ngọ Môn', en: 'Noon Gate' },
    authors: ['Lê Thị Hoa'],
    copyrightHolder: 'Trung tâm Bảo tồn Di tích Cố đô Huế',
    licence: 'CC-BY-4.0',
    visibility: 'public',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function publishedAlbum(mediaIds: string[], visibility = 'public') {
  const body = completeItem(topic, { kind: 'photo_album', visibility });
  const created = await contributor.client.post('/api/v1/items', {
    ...body,
    metadata: { ...body.metadata, media: mediaIds.map((mediaId) => ({ mediaId, caption: { vi: 'Chú thích', en: 'Caption' } })) },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id;
  const submitted = await contributor.client.post(`/api/v1/item-versions/${id}/transitions/submit`, DECLARE);
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await appraiser.client.post(`/api/v1/item-versions/${id}/transitions/approve`, { checklist: ALL_CHECKS });
  expect(approved.statusCode, approved.body).toBe(200);
  return id as string;
}

describe('variants', () => {
  it('the job makes WebP/AVIF widths and focal-point crops, oriented and without GPS; served immutable with ETag and 304', async () => {
    const data = await files.jpeg({ width: 900, height: 600, exif: true, seed: 51 });
    const m = (await upload(contributor.client, data, 'ngo-mon.jpg')).json();
    expect(m.variantsStatus).toBe('pending');
    expect(await processPendingVariants(t.system)).toEqual({ done: 1, failed: 0 });
    const ready = (await contributor.client.get(`/api/v1/media/${m.id}`)).json();
    expect(ready.variantsStatus).toBe('ready');
    const names = ready.variants.map((v: { name: string }) => v.name).sort();
    // the configured widths below the original's (the test app configures 320 and 640)
    expect(names).toEqual(['320.avif', '320.webp', '640.avif', '640.webp', 'social.webp', 'square.webp'].sort());
    const v640 = ready.variants.find((v: { name: string }) => v.name === '640.webp');
    const res = await contributor.client.get(v640.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toContain('immutable');
    const meta = await sharp(res.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 640, 427]);
    expect(meta.exif).toBeUndefined(); // GPS (and all EXIF) stripped
    const again = await contributor.client.get(v640.url, { 'if-none-match': res.headers.etag as string });
    expect(again.statusCode).toBe(304);
    const square = await sharp(
      (await contributor.client.get(ready.variants.find((v: { name: string }) => v.name === 'square.webp').url)).rawPayload,
    ).metadata();
    expect([square.width, square.height]).toEqual([600, 600]);
    // not public yet: nobody outside the library gets the variants
    expect((await anon(v640.url)).statusCode).toBe(404);
  });

  it('a new focal point gives new crops at new addresses; the old ones are gone', async () => {
    const m = (await upload(contributor.client, await files.jpeg({ width: 1200, height: 400, seed: 52 }), 'wide.jpg')).json();
    await processPendingVariants(t.system);
    const before = (await contributor.client.get(`/api/v1/media/${m.id}`)).json();
    const oldSquare = before.variants.find((v: { name: string }) => v.name === 'square.webp').url;
    const left = await sharp((await contributor.client.get(oldSquare)).rawPayload)
      .raw()
      .toBuffer();
    const moved = await contributor.client.patch(`/api/v1/media/${m.id}`, { version: before.version, focalPoint: { x: 0.05, y: 0.5 } });
    expect(moved.json().variantsStatus).toBe('pending');
    await processPendingVariants(t.system);
    const after = (await contributor.client.get(`/api/v1/media/${m.id}`)).json();
    const newSquare = after.variants.find((v: { name: string }) => v.name === 'square.webp').url;
    expect(newSquare).not.toBe(oldSquare);
    expect((await contributor.client.get(oldSquare)).statusCode).toBe(404);
    const right = await sharp((await contributor.client.get(newSquare)).rawPayload)
      .raw()
      .toBuffer();
    expect(right.equals(left)).toBe(false);
  });

  it('keeping the GPS position keeps EXIF in the variants', async () => {
    const m = (await upload(contributor.client, await files.jpeg({ width: 700, height: 500, exif: true, seed: 53 }), 'gps.jpg')).json();
    await describeFile(m.id, { keepGps: true });
    await processPendingVariants(t.system);
    const ready = (await contributor.client.get(`/api/v1/media/${m.id}`)).json();
    const v = await sharp((await contributor.client.get(ready.variants.find((x: { name: string }) => x.name === '320.webp').url)).rawPayload).metadata();
    expect(v.exif).toBeDefined();
  });
});

describe('originals, ranges and downloads', () => {
  it('Range requests on a video: 206 with Content-Range, suffix ranges, 416 beyond the end, whole file otherwise', async () => {
    const data = files.mp4(100_000);
    const m = (await upload(contributor.client, data, 'phong-su.mp4')).json();
    const url = m.originalUrl as string;
    const full = await contributor.client.get(url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers['content-disposition']).toMatch(/^inline; filename="phong-su.mp4"/);
    expect(createHash('sha256').update(full.rawPayload).digest('hex')).toBe(m.sha256);
    const part = await contributor.client.get(url, { range: 'bytes=1000-1999' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${data.length}`);
    expect(part.rawPayload.equals(data.subarray(1000, 2000))).toBe(true);
    const tail = await contributor.client.get(url, { range: 'bytes=-500' });
    expect(tail.rawPayload.equals(data.subarray(data.length - 500))).toBe(true);
    const open = await contributor.client.get(url, { range: `bytes=${data.length - 10}-` });
    expect(open.headers['content-range']).toBe(`bytes ${data.length - 10}-${data.length - 1}/${data.length}`);
    const beyond = await contributor.client.get(url, { range: `bytes=${data.length + 5}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${data.length}`);
    const head = await contributor.client.request('HEAD', url);
    expect([head.statusCode, Number(head.headers['content-length']), head.rawPayload.length]).toEqual([200, data.length, 0]);
    const conditional = await contributor.client.get(url, { 'if-none-match': `"${m.sha256}"` });
    expect(conditional.statusCode).toBe(304);
  });

  it('downloads as an attachment with a UTF-8 file name', async () => {
    const m = (await upload(contributor.client, files.pdf(['Ke hoach']), 'Kế hoạch 45-KH.pdf')).json();
    const res = await contributor.client.get(`${m.originalUrl}?download=true`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="K_ ho_ch 45-KH.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch 45-KH.pdf')}`);
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it('once published: anonymous readers get public images as variants but not the original; exploit-right holders download it and are counted', async () => {
    const photo = (await upload(contributor.client, await files.jpeg({ width: 800, height: 600, seed: 61 }), 'le-hoi.jpg')).json();
    await describeFile(photo.id);
    await processPendingVariants(t.system);
    expect((await anon(`/api/v1/media/${photo.id}`)).statusCode).toBe(404);
    const albumId = await publishedAlbum([photo.id]);
    const seen = await anon(`/api/v1/media/${photo.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().originalUrl).toBeNull();
    expect(seen.json().createdByLabel).toBeUndefined(); // library-only fields stay inside
    expect(seen.json().gps).toBeUndefined();
    const variant = seen.json().variants.find((v: { name: string }) => v.name === '320.webp');
    const v = await anon(variant.url);
    expect(v.statusCode).toBe(200);
    expect(v.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await anon(`/api/v1/media/${photo.id}/original`)).statusCode).toBe(404);
    // editing the item (a new draft revision) keeps its published revision, and so its photos, online
    const album = (await contributor.client.get(`/api/v1/item-versions/${albumId}`)).json();
    const edited = await contributor.client.request('PUT', `/api/v1/item-versions/${albumId}`, {
      baseRevisionId: album.revision.id,
      text: { ...album.text, title: 'Sửa tiếp' },
      metadata: album.metadata,
    });
    expect(edited.json().state).toBe('draft');
    expect((await anon(`/api/v1/media/${photo.id}`)).statusCode).toBe(200);
    expect((await anon(variant.url)).statusCode).toBe(200);
    // while the public item shows it, the file cannot become narrower
    const current = (await contributor.client.get(`/api/v1/media/${photo.id}`)).json();
    const narrower = await contributor.client.patch(`/api/v1/media/${photo.id}`, { version: current.version, visibility: 'shared' });
    expect(narrower.statusCode).toBe(409);
    expect(narrower.json()).toMatchObject({ code: 'media_visibility_narrower', errors: [{ field: 'visibility' }] });
    // an account holder with the exploit right (read:shared) downloads the original
    const r1 = await readerWithAccount.client.get(`/api/v1/media/${photo.id}/original`);
    expect(r1.statusCode).toBe(200);
    await readerWithAccount.client.get(`/api/v1/media/${photo.id}/original`, { range: 'bytes=100-200' }); // a range later in the file: not a new download
    await readerWithAccount.client.get(`/api/v1/media/${photo.id}/original`);
    const downloads = (await contributor.client.get(`/api/v1/media/${photo.id}/downloads`)).json().items;
    expect(downloads).toEqual([
      {
        day: '2026-03-02',
        principal: `user:${readerWithAccount.user.id}`,
        principalAgencyId: readerWithAccount.user.agencyId,
        count: 2,
        bytes: photo.size * 2,
      },
    ]);
    // the downloads list is the owner's business
    expect((await readerWithAccount.client.get(`/api/v1/media/${photo.id}/downloads`)).statusCode).toBe(404);
  });

  it('shared media of a shared item: account holders only; internal never outside the agency and the DIC', async () => {
    const shared = (await upload(contributor.client, await files.jpeg({ seed: 62 }), 'shared.jpg')).json();
    await describeFile(shared.id, { visibility: 'shared' });
    await publishedAlbum([shared.id], 'shared');
    expect((await anon(`/api/v1/media/${shared.id}`)).statusCode).toBe(404);
    expect((await readerWithAccount.client.get(`/api/v1/media/${shared.id}`)).statusCode).toBe(200);
    const internal = (await upload(contributor.client, await files.jpeg({ seed: 63 }), 'internal.jpg')).json();
    expect((await otherAgency.client.get(`/api/v1/media/${internal.id}`)).statusCode).toBe(404);
    expect((await appraiser.client.get(`/api/v1/media/${internal.id}`)).statusCode).toBe(200);
    expect((await appraiser.client.get(`/api/v1/media/${internal.id}/original`)).statusCode).toBe(200);
  });
});

describe('files attached to items', () => {
  it('submission names each missing fact of each file, per language; a narrower file is refused', async () => {
    const photo = (await upload(contributor.client, await files.jpeg({ seed: 71 }), 'a.jpg')).json();
    const body = completeItem(topic, { kind: 'photo_album' });
    const created = (await contributor.client.post('/api/v1/items', { ...body, metadata: { ...body.metadata, media: [{ mediaId: photo.id }] } })).json();
    const en = (
      await contributor.client.post(`/api/v1/items/${created.itemId}/translations`, {
        language: 'en',
        text: { title: 'Album', summary: 'Photos', body: '<p>Photos</p>' },
      })
    ).json();
    const refused = await contributor.client.post(`/api/v1/item-versions/${created.id}/transitions/submit`, DECLARE);
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(
      [
        'metadata/media/0/alt/vi',
        'metadata/media/0/authors',
        'metadata/media/0/copyrightHolder',
        'metadata/media/0/licence',
        'metadata/media/0/visibility',
      ].sort(),
    );
    await describeFile(photo.id, { alt: { vi: 'Ảnh' } });
    expect((await contributor.client.post(`/api/v1/item-versions/${created.id}/transitions/submit`, DECLARE)).statusCode).toBe(200);
    // the English version needs English alt text
    const enRefused = await contributor.client.post(`/api/v1/item-versions/${en.id}/transitions/submit`, DECLARE);
    expect(enRefused.json().errors.map((e: { field: string }) => e.field)).toEqual(['metadata/media/0/alt/en']);
  });

  it('kinds: an album takes images only, a document needs its file, a document file must be a document', async () => {
    const pdf = (await upload(contributor.client, files.pdf(['Quyet dinh']), 'qd.pdf')).json();
    const photo = (await upload(contributor.client, await files.jpeg({ seed: 72 }), 'b.jpg')).json();
    const album = completeItem(topic, { kind: 'photo_album' });
    const wrong = await contributor.client.post('/api/v1/items', { ...album, metadata: { ...album.metadata, media: [{ mediaId: pdf.id }] } });
    expect(wrong.json().errors[0]).toMatchObject({ field: 'metadata/media/0/mediaId', code: 'media_kind_expected' });
    const doc = completeItem(topic, { kind: 'document' });
    const docMeta = { number: '12/QĐ-UBND', issuingBody: 'UBND thành phố Huế', issueDate: '2026-02-01', signer: 'Chủ tịch', documentType: 'decision' };
    const notADoc = await contributor.client.post('/api/v1/items', { ...doc, metadata: { ...doc.metadata, document: { ...docMeta, fileId: photo.id } } });
    expect(notADoc.json().errors[0]).toMatchObject({ field: 'metadata/document/fileId', code: 'media_kind_expected' });
    const noFile = (await contributor.client.post('/api/v1/items', { ...doc, metadata: { ...doc.metadata, document: docMeta } })).json();
    const refused = await contributor.client.post(`/api/v1/item-versions/${noFile.id}/transitions/submit`, DECLARE);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['metadata/document/fileId']);
    // another agency's unpublished file cannot be used
    const theirs = (await upload(otherAgency.client, await files.jpeg({ seed: 73 }), 'c.jpg')).json();
    const borrowed = await contributor.client.post('/api/v1/items', { ...album, metadata: { ...album.metadata, media: [{ mediaId: theirs.id }] } });
    expect(borrowed.json().errors[0]).toMatchObject({ field: 'metadata/media/0/mediaId', code: 'media_not_found' });
  });

  it('a published document’s file is public (the decree’s PDF), a file in use cannot be deleted until unpublished; then its bytes go', async () => {
    const data = files.pdf(['Ke hoach thong tin doi ngoai 2026']);
    const pdf = (await upload(contributor.client, data, 'kh.pdf')).json();
    await describeFile(pdf.id, { alt: {} });
    const doc = completeItem(topic, { kind: 'document' });
    const created = (
      await contributor.client.post('/api/v1/items', {
        ...doc,
        metadata: {
          ...doc.metadata,
          document: { number: '45/KH-UBND', issuingBody: 'UBND', issueDate: '2026-02-20', signer: 'Phó Chủ tịch', documentType: 'plan', fileId: pdf.id },
        },
      })
    ).json();
    await contributor.client.post(`/api/v1/item-versions/${created.id}/transitions/submit`, DECLARE);
    await appraiser.client.post(`/api/v1/item-versions/${created.id}/transitions/approve`, { checklist: ALL_CHECKS });
    const file = await anon(`/api/v1/media/${pdf.id}/original`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(data)).toBe(true);
    const refused = await contributor.client.delete(`/api/v1/media/${pdf.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'media_in_use' });
    expect((await contributor.client.get(`/api/v1/media/${pdf.id}/usage`)).json().items[0]).toMatchObject({ online: true, state: 'published' });
    expect((await appraiser.client.post(`/api/v1/item-versions/${created.id}/transitions/unpublish`, {})).statusCode).toBe(200);
    expect((await anon(`/api/v1/media/${pdf.id}/original`)).statusCode).toBe(404);
    expect((await contributor.client.delete(`/api/v1/media/${pdf.id}`)).statusCode).toBe(200);
    expect((await contributor.client.get(`/api/v1/media/${pdf.id}`)).statusCode).toBe(404);
    // the bytes are removed an hour after the last media using them was deleted
    expect((await collectMediaGarbage(t.system)).blobs).toBe(0);
    t.clock.advance(61 * 60_000);
    expect((await collectMediaGarbage(t.system)).blobs).toBe(1);
    await signInAgain(); // sessions went idle while the clock moved
    // uploading the same file again stores it again
    const back = await upload(contributor.client, data, 'kh.pdf');
    expect(back.statusCode).toBe(201);
    expect((await contributor.client.get(`${back.json().originalUrl}`)).rawPayload.equals(data)).toBe(true);
  });
});

describe('descriptions and quotas', () => {
  it('refuses a state-secret mark in a caption, an unconfigured language, a stale version; audits the change', async () => {
    const m = (await upload(contributor.client, await files.png(), 'x.png')).json();
    const secret = await contributor.client.patch(`/api/v1/media/${m.id}`, { version: m.version, caption: { vi: 'TÀI LIỆU TỐI MẬT' } });
    expect(secret.json().errors[0]).toMatchObject({ field: 'caption/vi', code: 'state_secret_mark' });
    const lang = await contributor.client.patch(`/api/v1/media/${m.id}`, { version: m.version, alt: { xx: 'nope' } });
    expect(lang.json().errors[0]).toMatchObject({ field: 'alt/xx', code: 'language_not_configured' });
    const ok = await contributor.client.patch(`/api/v1/media/${m.id}`, { version: m.version, place: 'Huế' });
    expect(ok.statusCode).toBe(200);
    expect((await contributor.client.patch(`/api/v1/media/${m.id}`, { version: m.version, place: 'Hội An' })).statusCode).toBe(409);
    expect((await contributor.client.get(`/api/v1/media/${m.id}`)).json().place).toBe('Huế');
    const focal = await contributor.client.patch(`/api/v1/media/${m.id}`, { version: ok.json().version, focalPoint: { x: 1.5, y: 0 } });
    expect(focal.statusCode).toBe(400);
  });

  it('per-agency quota: usage shown, an upload over the quota refused with nothing stored, admins set the quota', async () => {
    const agency = contributor.user.agencyId;
    const usage = (await contributor.client.get(`/api/v1/media-usage/${agency}`)).json();
    expect(usage.usedBytes).toBeGreaterThan(0);
    expect(usage.customQuota).toBe(false);
    expect((await contributor.client.request('PUT', `/api/v1/media-usage/${agency}/quota`, { quotaBytes: usage.usedBytes + 100 })).statusCode).toBe(403);
    expect((await otherAgency.client.get(`/api/v1/media-usage/${agency}`)).statusCode).toBe(403);
    const set = await admin.client.request('PUT', `/api/v1/media-usage/${agency}/quota`, { quotaBytes: usage.usedBytes + 100 });
    expect(set.statusCode, set.body).toBe(200);
    const refused = await upload(contributor.client, await files.jpeg({ seed: 81 }), 'over.jpg');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('media_quota_exceeded');
    expect((await contributor.client.get(`/api/v1/media-usage/${agency}`)).json().usedBytes).toBe(usage.usedBytes);
    await admin.client.request('PUT', `/api/v1/media-usage/${agency}/quota`, { quotaBytes: null });
    expect((await upload(contributor.client, await files.jpeg({ seed: 81 }), 'over.jpg')).statusCode).toBe(201);
  });
});
