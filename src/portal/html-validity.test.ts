// Every portal page type is valid HTML for the Nu HTML Checker (vnu-jar, run with the system's
// Java): no errors. Pages are taken from a seeded app over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../test/helpers/content.js';
import { createMediaTestApp, upload } from '../../test/helpers/media.js';
import * as files from '../../test/helpers/media-files.js';
import { processPendingVariants } from '../modules/media/service.js';

const vnuJar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
let t: TestApp & { dataDir: string };
let contributor: SignedIn;
let appraiser: SignedIn;
const pages: Record<string, string> = {};

beforeAll(async () => {
  t = await createMediaTestApp();
  const topics = await topicIds(t);
  contributor = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-van-hoa' }) });
  appraiser = await signedIn(t, 'appraiser');
  const photo = (await upload(contributor.client, await files.jpeg({ width: 1000, height: 700, seed: 3 }), 'a.jpg')).json();
  await contributor.client.patch(`/api/v1/media/${photo.id}`, {
    version: photo.version,
    alt: { vi: 'Ảnh', en: 'Photo' },
    authors: ['A'],
    copyrightHolder: 'B',
    licence: 'CC-BY-4.0',
    visibility: 'public',
  });
  const pdf = (await upload(contributor.client, files.pdf(['Ke hoach']), 'kh.pdf')).json();
  await contributor.client.patch(`/api/v1/media/${pdf.id}`, {
    version: pdf.version,
    authors: ['A'],
    copyrightHolder: 'B',
    licence: 'CC-BY-4.0',
    visibility: 'public',
  });
  await processPendingVariants(t.system);
  const ids: Record<string, string> = {};
  const bodies = {
    news: completeItem(topics['du-lich-di-san-le-hoi'], {
      body: '<p>Đoạn <strong>một</strong>.</p><ul><li>Ý</li></ul><p><a href="https://hue.gov.vn">Cổng</a></p>',
    }),
    album: { ...completeItem(topics['du-lich-di-san-le-hoi'], { kind: 'photo_album', title: 'Bộ ảnh' }) },
    document: { ...completeItem(topics['chinh-sach-phap-luat'], { kind: 'document', title: 'Kế hoạch 45' }) },
    clarification: { ...completeItem(topics['du-lich-di-san-le-hoi'], { kind: 'clarification', title: 'Làm rõ tin sai' }) },
    profile: { ...completeItem(topics['du-lich-di-san-le-hoi'], { kind: 'profile_page', title: 'Giới thiệu Huế' }) },
  };
  bodies.clarification.metadata = {
    ...bodies.clarification.metadata,
    claim: {
      statement: { vi: 'Tin sai <b>đây</b> & kia' },
      rating: 'misleading',
      claimant: 'Trang X',
      firstSeen: '2026-02-01',
      appearances: [{ url: 'https://x.example/a?b=1&c=2', platform: 'X' }],
    },
  } as never;
  bodies.album.metadata = { ...bodies.album.metadata, media: [{ mediaId: photo.id, caption: { vi: 'Chú thích' } }] } as never;
  bodies.document.metadata = {
    ...bodies.document.metadata,
    document: { number: '45/KH-UBND', issuingBody: 'UBND', issueDate: '2026-02-20', signer: 'Chủ tịch', documentType: 'plan', fileId: pdf.id },
  } as never;
  for (const [name, body] of Object.entries(bodies)) {
    const created = (await contributor.client.post('/api/v1/items', body)).json();
    await contributor.client.post(`/api/v1/item-versions/${created.id}/transitions/submit`, DECLARE);
    const ok = await appraiser.client.post(`/api/v1/item-versions/${created.id}/transitions/approve`, { checklist: ALL_CHECKS });
    expect(ok.statusCode, ok.body).toBe(200);
    ids[name] = created.itemId;
  }
  const urls: Record<string, string> = {
    'home-vi': '/vi/',
    'home-en': '/en/',
    news: `/vi/items/${ids.news}`,
    album: `/vi/items/${ids.album}`,
    document: `/vi/items/${ids.document}`,
    topic: '/vi/topics/du-lich-di-san-le-hoi',
    kind: '/en/kinds/news',
    agency: '/vi/agencies/so-van-hoa',
    search: '/vi/search?q=festival',
    'search-empty': '/en/search',
    'not-found': '/vi/khong-co',
    documents: '/vi/documents?type=plan',
    agencies: '/en/agencies',
    print: `/vi/items/${ids.document}/print`,
    download: `/en/items/${ids.news}/download`,
    clarification: `/vi/items/${ids.clarification}`,
    'clarification-print': `/vi/items/${ids.clarification}/print`,
    clarifications: '/en/clarifications',
    'clarifications-filtered': '/vi/clarifications?rating=misleading',
    profile: '/vi/profile',
  };
  for (const [name, url] of Object.entries(urls)) pages[name] = (await t.app.inject({ url })).body;
});
afterAll(() => t.close());

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  extract?: string;
}

describe('HTML validity (Nu HTML Checker)', () => {
  it('every page type validates without errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ttdn-vnu-'));
    const paths = Object.entries(pages).map(([name, html]) => {
      const p = join(dir, `${name}.html`);
      writeFileSync(p, html);
      return p;
    });
    const out = await new Promise<string>((resolve) =>
      execFile('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...paths], { maxBuffer: 16 * 1024 * 1024 }, (_e, stdout, stderr) =>
        resolve(stderr || stdout),
      ),
    );
    const messages = (JSON.parse(out) as { messages: VnuMessage[] }).messages;
    const errors = messages.filter((m) => m.type === 'error').map((m) => `${m.url.split('/').pop()}: ${m.message} [${m.extract ?? ''}]`);
    expect(errors).toEqual([]);
  });
});
