// Uploads: each accepted type, each trap refused with nothing stored, duplicates stored once,
// metadata read from the file, permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import * as files from '../../../test/helpers/media-files.js';
import { createMediaTestApp, filesUnder, multipart, upload } from '../../../test/helpers/media.js';

let t: TestApp & { dataDir: string };
let contributor: SignedIn;
let other: SignedIn;
let reader: SignedIn;

const count = async (table: string) =>
  Number(((await t.db.handle.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as { rows: Array<{ n: number }> }).rows[0].n);
const state = async () => ({
  media: await count('media'),
  blobs: await count('media_blobs'),
  audit: await count("audit_events WHERE action = 'media.upload' AND outcome = 'success'"),
  store: filesUnder(join(t.dataDir, 'media')),
  tmp: filesUnder(join(t.dataDir, 'tmp')),
});

beforeAll(async () => {
  t = await createMediaTestApp();
  contributor = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-du-lich' }) });
  other = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-ngoai-vu' }) });
  reader = await signedIn(t, 'reader', { agencyId: await fixtureAgency(t, { slug: 'bao-thua-thien-hue' }) });
});
afterAll(() => t.close());

describe('accepted types', () => {
  const cases: Array<[string, () => Promise<Buffer> | Buffer, string, string]> = [
    ['photo.jpg', () => files.jpeg({ seed: 11 }), 'image', 'image/jpeg'],
    ['photo.png', files.png, 'image', 'image/png'],
    ['photo.webp', files.webp, 'image', 'image/webp'],
    ['photo.avif', files.avif, 'image', 'image/avif'],
    ['anim.gif', files.gif, 'image', 'image/gif'],
    ['scan.tiff', files.tiff, 'image', 'image/tiff'],
    ['report.mp4', () => files.mp4(), 'video', 'video/mp4'],
    ['clip.webm', files.webm, 'video', 'video/webm'],
    ['decision.pdf', () => files.pdf(['Quyet dinh 69/2021', 'Trang hai']), 'document', 'application/pdf'],
    ['plan.docx', () => files.docx(), 'document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['figures.xlsx', files.xlsx, 'document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['slides.pptx', files.pptx, 'document', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['letter.odt', () => files.odt(), 'document', 'application/vnd.oasis.opendocument.text'],
    ['no-extension', () => files.jpeg({ seed: 12 }), 'image', 'image/jpeg'],
  ];
  for (const [name, make, kind, mime] of cases) {
    it(`${name} → ${kind} (${mime})`, async () => {
      const data = await make();
      const res = await upload(contributor.client, data, name);
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json();
      expect(m).toMatchObject({ kind, mime, size: data.length, agencyId: contributor.user.agencyId, visibility: 'internal', duplicate: false });
      expect(m.sha256).toBe(createHash('sha256').update(data).digest('hex'));
      expect(m.variantsStatus).toBe(kind === 'image' ? 'pending' : 'none');
    });
  }

  it('reads pages and text of a PDF, text of office files, and EXIF of photos', async () => {
    const pdf = (await upload(contributor.client, files.pdf(['Festival Hue 2026', 'page 2', 'page 3']), 'f.pdf')).json();
    expect(pdf.pageCount).toBe(3);
    const jpg = (await upload(contributor.client, await files.jpeg({ exif: true, seed: 13 }), 'ngo-mon.jpg')).json();
    expect(jpg.embedded).toMatchObject({ author: 'Nguyen Van An', dateTaken: '2026-03-14', copyright: 'So Van hoa va The thao Hue' });
    expect(jpg.gps.latitude).toBeCloseTo(16.475, 3);
    // prefilled into the editable fields
    expect(jpg).toMatchObject({
      authors: ['Nguyen Van An'],
      copyrightHolder: 'So Van hoa va The thao Hue',
      dateTaken: '2026-03-14',
      caption: { vi: 'Ngo Mon, Dai Noi Hue' },
    });
    // the library's search finds documents by their text, without accents
    const found = (await contributor.client.get('/api/v1/media?q=festival%20hue')).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(pdf.id);
    const docx = (await upload(contributor.client, await files.docx('Lễ hội Điện Biên'), 'x.docx')).json();
    const byText = (await contributor.client.get(`/api/v1/media?q=${encodeURIComponent('le hoi dien bien')}`)).json();
    expect(byText.items.map((i: { id: string }) => i.id)).toEqual([docx.id]);
  });

  it('orients dimensions by EXIF orientation', async () => {
    const m = (await upload(contributor.client, await files.jpeg({ width: 400, height: 200, orientation: 6, seed: 14 }), 'rotated.jpg')).json();
    expect([m.width, m.height]).toEqual([200, 400]);
  });
});

describe('traps are refused and nothing is stored', () => {
  const traps: Array<[string, string, () => Promise<Buffer> | Buffer, string]> = [
    ['a renamed Linux executable', 'holiday.jpg', files.elfExecutable, 'media_type_not_allowed'],
    ['a renamed Windows executable', 'report.pdf', files.peExecutable, 'media_type_not_allowed'],
    ['a truncated JPEG', 'cut.jpg', files.truncatedJpeg, 'media_image_unreadable'],
    ['a zip bomb dressed as DOCX', 'plan.docx', files.docxBomb, 'media_archive_bomb'],
    ['a pixel bomb (60000 × 60000 PNG)', 'big.png', files.pixelBomb, 'media_too_many_pixels'],
    ['a 0-byte file', 'empty.jpg', () => Buffer.alloc(0), 'media_empty'],
    ['a lying extension (JPEG named .png)', 'photo.png', () => files.jpeg({ seed: 21 }), 'media_extension_mismatch'],
    ['a plain zip archive', 'docs.zip', files.plainZip, 'media_type_not_allowed'],
    ['plain text', 'notes.txt', () => Buffer.from('xin chào Huế\n'.repeat(50)), 'media_type_unknown'],
    ['an HTML page named .jpg', 'x.jpg', () => Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'media_type_unknown'],
    ['an HEIC photo this server cannot decode', 'iphone.heic', files.heic, 'media_image_unreadable'],
    ['a truncated MP4', 'cut.mp4', () => files.mp4(4096).subarray(0, 2000), 'media_video_unreadable'],
    ['a truncated PDF', 'cut.pdf', () => files.pdf().subarray(0, 300), 'media_document_unreadable'],
    ['a document bearing a state-secret stamp', 'secret.docx', () => files.docx('Độ mật: Tối mật'), 'state_secret_mark'],
  ];
  for (const [what, name, make, code] of traps) {
    it(`${what}: ${code}`, async () => {
      const before = await state();
      const res = await upload(contributor.client, await make(), name);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors[0]).toMatchObject({ field: 'file', code });
      expect(res.json().errors[0].message.length).toBeGreaterThan(10);
      expect(await state()).toEqual(before);
    });
  }

  it('explains the refusal in Vietnamese by default', async () => {
    const m = multipart([{ name: 'file', filename: 'a.jpg', data: files.elfExecutable() }]);
    const res = await contributor.client.request('POST', '/api/v1/media', m.body, { ...m.headers, 'accept-language': 'vi' });
    expect(res.json().errors[0].message).toMatch(/không được phép/);
  });

  it('wrong multipart: no file part, two files, a bad body, JSON instead of a file, an unknown field', async () => {
    const before = await state();
    const noFile = multipart([{ name: 'note', data: 'hello' }]);
    const two = multipart([
      { name: 'file', filename: 'a.png', data: await files.png() },
      { name: 'file', filename: 'b.png', data: await files.png() },
    ]);
    const other = multipart([{ name: 'picture', filename: 'a.png', data: await files.png() }]);
    const res = [
      await contributor.client.request('POST', '/api/v1/media', noFile.body, noFile.headers),
      await contributor.client.request('POST', '/api/v1/media', two.body, two.headers),
      await contributor.client.request('POST', '/api/v1/media', Buffer.from('--x\r\nnot a part'), { 'content-type': 'multipart/form-data; boundary=x' }),
      await contributor.client.post('/api/v1/media', { file: 'aGVsbG8=' }),
      await contributor.client.request('POST', '/api/v1/media', other.body, other.headers),
    ];
    expect(res.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
    expect(res.map((r) => r.json().errors[0].code)).toEqual([
      'media_multipart_required',
      'media_one_file',
      'media_multipart_required',
      'media_multipart_required',
      'field_unknown',
    ]);
    const raw = await contributor.client.request('POST', '/api/v1/media', await files.png(), { 'content-type': 'image/png' });
    expect(raw.statusCode).toBe(415);
    expect(await state()).toEqual(before);
  });

  it('a file over the size limit: 400, nothing kept', async () => {
    const small = await createMediaTestApp({ MEDIA_MAX_UPLOAD_MB: '1' });
    try {
      const c = await signedIn(small, 'contributor');
      const res = await upload(c.client, Buffer.concat([files.pdf(), Buffer.alloc(1024 * 1024 + 10, 32)]), 'big.pdf');
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].code).toBe('media_too_large');
      expect(filesUnder(join(small.dataDir, 'media'))).toEqual([]);
      expect(filesUnder(join(small.dataDir, 'tmp'))).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('content-addressed storage', () => {
  it('the same file twice is stored once; the agency gets its existing record back', async () => {
    const data = await files.jpeg({ seed: 31 });
    const first = await upload(contributor.client, data, 'a.jpg');
    const before = await state();
    const again = await upload(contributor.client, data, 'copy-of-a.jpg');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, duplicate: true });
    expect(await state()).toEqual(before);
    // another agency: its own record, the same stored bytes
    const theirs = await upload(other.client, data, 'b.jpg');
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
    expect(theirs.json().sha256).toBe(first.json().sha256);
    const after = await state();
    expect(after.store).toEqual(before.store);
    expect(after.blobs).toBe(before.blobs);
    expect(after.media).toBe(before.media + 1);
  });

  it('two clients uploading the same file at once: one blob, one record per agency', async () => {
    const data = await files.jpeg({ seed: 32, width: 1200, height: 900 });
    const [a, b] = await Promise.all([upload(contributor.client, data, 'x.jpg'), upload(contributor.client, data, 'y.jpg')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const sha = a.json().sha256;
    expect(filesUnder(join(t.dataDir, 'media')).filter((f) => f.endsWith(sha))).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('a reader cannot upload; a contributor cannot upload into another agency; anonymous is refused', async () => {
    const png = await files.png();
    expect((await upload(reader.client, png, 'a.png')).statusCode).toBe(403);
    expect((await upload(contributor.client, png, 'a.png', { agencyId: other.user.agencyId })).statusCode).toBe(403);
    const m = multipart([{ name: 'file', filename: 'a.png', data: png }]);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/media', payload: m.body, headers: m.headers });
    expect(anon.statusCode).toBe(401);
  });

  it('another agency neither lists nor reads an unpublished file', async () => {
    const mine = (await upload(contributor.client, await files.jpeg({ seed: 41 }), 'mine.jpg')).json();
    expect((await other.client.get(`/api/v1/media/${mine.id}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/media/${mine.id}/original`)).statusCode).toBe(404);
    const list = (await other.client.get('/api/v1/media?limit=200')).json();
    expect(list.items.every((i: { agencyId: string }) => i.agencyId === other.user.agencyId)).toBe(true);
    expect((await other.client.get(`/api/v1/media?agencyId=${contributor.user.agencyId}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/media/${mine.id}` })).statusCode).toBe(404);
    expect((await other.client.patch(`/api/v1/media/${mine.id}`, { version: 1, place: 'x' })).statusCode).toBe(404);
    expect((await other.client.delete(`/api/v1/media/${mine.id}`)).statusCode).toBe(404);
  });
});
