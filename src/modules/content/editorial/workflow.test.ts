// The appraisal workflow over HTTP: required metadata, state secrets, sanitising, every transition
// and its refusals, translations, editing what is published, scheduled publishing, content hashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../core/crypto.js';
import { createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../../../test/helpers/content.js';
import { startJobs } from '../../../jobs/runner.js';

let t: TestApp;
let topic: string;
let agencyA: string;
let agencyB: string;
let contributorA: SignedIn;
let contributorB: SignedIn;
let appraiser: SignedIn;
let reader: SignedIn;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test' });
  topic = (await topicIds(t))['du-lich-di-san-le-hoi'];
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'so-tai-chinh' });
  contributorA = await signedIn(t, 'contributor', { agencyId: agencyA });
  contributorB = await signedIn(t, 'contributor', { agencyId: agencyB });
  appraiser = await signedIn(t, 'appraiser');
  reader = await signedIn(t, 'reader', { agencyId: agencyB });
});
afterAll(() => t.close());

async function create(c: SignedIn = contributorA, over: Parameters<typeof completeItem>[1] = {}) {
  const res = await c.client.post('/api/v1/items', completeItem(topic, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const act = (c: SignedIn, id: string, name: string, body: object = {}) => c.client.post(`/api/v1/item-versions/${id}/transitions/${name}`, body);
async function countItems() {
  return (await appraiser.client.get('/api/v1/items?limit=200')).json().items.length as number;
}

describe('required metadata and declarations', () => {
  it('refuses submission with one error per missing field, in Vietnamese and English', async () => {
    const res = await contributorA.client.post('/api/v1/items', { kind: 'document', text: { title: 'Quyết định', summary: '', body: '' }, metadata: {} });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const submit = await act(contributorA, id, 'submit', DECLARE);
    expect(submit.statusCode).toBe(400);
    const fields = submit
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(
      [
        'metadata/activityDate',
        'metadata/authors',
        'metadata/copyrightHolder',
        'metadata/document/documentType',
        'metadata/document/fileId',
        'metadata/document/issueDate',
        'metadata/document/issuingBody',
        'metadata/document/number',
        'metadata/document/signer',
        'metadata/licence',
        'metadata/place',
        'metadata/source',
        'metadata/tags',
        'metadata/topicIds',
        'metadata/visibility',
        'text/body',
        'text/summary',
      ].sort(),
    );
    expect(submit.json().errors[0].message).toBe('This field is required.');
    const vi = await contributorA.client.post(`/api/v1/item-versions/${id}/transitions/submit`, DECLARE, { 'accept-language': 'vi' });
    expect(vi.json().errors[0].message).toBe('Trường này là bắt buộc.');
    expect((await contributorA.client.get(`/api/v1/item-versions/${id}`)).json().state).toBe('draft');
  });

  it('refuses submission without the no-state-secrets declaration', async () => {
    const v = await create();
    const res = await act(contributorA, v.id, 'submit', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'declaration/noStateSecrets', code: 'declaration_required' });
  });
});

describe('state secrets (Art. 4.6)', () => {
  it.each([
    ['TUYỆT MẬT in the body', { body: '<p>TUYỆT MẬT</p><p>Nội dung kế hoạch.</p>' }],
    ['a stamp on its own line', { body: '<p>MẬT</p><p>Báo cáo tình hình.</p>' }],
    ['a bracketed stamp in the title', { title: 'Báo cáo [MẬT] về dự án' }],
    ['"Độ mật: Tối mật"', { summary: 'Độ mật: Tối mật. Số lượng: 05 bản.' }],
  ])('refuses %s before anything is stored', async (_name, over) => {
    const before = await countItems();
    const res = await contributorA.client.post('/api/v1/items', completeItem(topic, over));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('state_secret_mark');
    expect(res.json().title).toBeTruthy();
    expect(await countItems()).toBe(before);
  });

  it('does not flag the ordinary word (a secret recipe, honey, an all-caps headline)', async () => {
    const v = await create(contributorA, {
      title: 'CÔNG THỨC BÍ MẬT CỦA MÓN BÚN BÒ HUẾ',
      body: '<p>Bí mật của nồi nước dùng nằm ở mắm ruốc và sả; người Huế giữ bí mật này qua nhiều thế hệ. Mật ong rừng A Lưới cũng được dùng.</p>',
    });
    expect(v.text.title).toBe('CÔNG THỨC BÍ MẬT CỦA MÓN BÚN BÒ HUẾ');
  });

  it('refuses a stamp added by a later edit, keeping the previous revision', async () => {
    const v = await create();
    const res = await contributorA.client.request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: v.revision.id,
      text: { ...v.text, body: '<p>TỐI MẬT</p>' },
    });
    expect(res.json().errors[0].code).toBe('state_secret_mark');
    expect((await contributorA.client.get(`/api/v1/item-versions/${v.id}`)).json().revision.number).toBe(1);
  });
});

describe('rich text', () => {
  it('is sanitised: scripts, event handlers and javascript: URLs are removed', async () => {
    const v = await create(contributorA, {
      body: '<p onclick="steal()">Xin chào <a href="javascript:alert(1)">Huế</a> <a href="https://hue.gov.vn">cổng</a></p><script>alert(1)</script><img src="x" onerror="alert(2)"><iframe src="https://evil.example"></iframe>',
    });
    expect(v.text.body).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
    expect(v.text.body).toContain('<a href="https://hue.gov.vn" rel="noopener noreferrer">cổng</a>');
  });
});

describe('workflow', () => {
  it('submit → return with reasons → fix → resubmit → approve publishes, with a verifiable hash', async () => {
    const v = await create();
    expect((await act(contributorA, v.id, 'submit', DECLARE)).json().state).toBe('submitted');
    const queue = (await appraiser.client.get('/api/v1/appraisal-queue')).json().items.map((r: { id: string }) => r.id);
    expect(queue).toContain(v.id);
    expect((await act(appraiser, v.id, 'return', {})).json().errors[0].field).toBe('comment');
    const returned = (await act(appraiser, v.id, 'return', { comment: 'Cần ghi rõ nguồn ảnh.' })).json();
    expect(returned.state).toBe('returned');
    expect(returned.appraisals[0]).toMatchObject({ decision: 'return', comment: 'Cần ghi rõ nguồn ảnh.' });
    // The author fixes and resubmits.
    const fixed = await contributorA.client.request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: returned.revision.id,
      text: { ...returned.text, summary: returned.text.summary + ' Ảnh: Trung tâm Bảo tồn Di tích Cố đô Huế.' },
    });
    expect(fixed.json().revision.number).toBe(2);
    expect((await act(contributorA, v.id, 'submit', DECLARE)).json().state).toBe('submitted');
    const incomplete = await act(appraiser, v.id, 'approve', { checklist: { copyright: true, accuracy: true } });
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual(['checklist/noHarm', 'checklist/noStateSecrets']);
    const published = (await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS })).json();
    expect(published.state).toBe('published');
    expect(published.online).toBe(true);

    const pub = (await new (await import('../../../../test/helpers/app.js')).Client(t).get(`/api/v1/item-versions/${v.id}/published`)).json();
    const recomputed = createHash('sha256')
      .update(
        canonicalJson({
          itemId: pub.itemId,
          language: pub.language,
          kind: pub.kind,
          agencyId: pub.agencyId,
          title: pub.title,
          summary: pub.summary,
          body: pub.body,
          metadata: pub.metadata,
        }),
      )
      .digest('hex');
    expect(pub.contentHash).toBe(recomputed);
    expect(pub.contentHash).toBe(published.contentHash);
  });

  it('refuses transitions from the wrong state and by the wrong role', async () => {
    const v = await create();
    expect((await act(contributorA, v.id, 'approve', { checklist: ALL_CHECKS })).statusCode).toBe(403);
    const wrongState = await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS });
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().code).toBe('transition_not_allowed');
    expect((await act(appraiser, v.id, 'publish')).statusCode).toBe(409);
    expect((await act(appraiser, v.id, 'unpublish')).statusCode).toBe(409);
    await act(contributorA, v.id, 'submit', DECLARE);
    expect((await act(contributorA, v.id, 'return', { comment: 'x' })).statusCode).toBe(403);
    expect((await act(contributorA, v.id, 'submit', DECLARE)).statusCode).toBe(409);
    const locked = await contributorA.client.request('PUT', `/api/v1/item-versions/${v.id}`, { baseRevisionId: v.revision.id, text: v.text });
    expect(locked.json().code).toBe('version_not_editable');
    expect((await act(contributorA, v.id, 'withdraw')).json().state).toBe('draft');
    expect((await act(contributorA, v.id, 'archive')).json().state).toBe('archived');
    expect((await act(contributorA, v.id, 'restore')).json().state).toBe('draft');
    expect((await act(reader, v.id, 'submit', DECLARE)).statusCode).toBe(403); // a reader's role holds no write scope
  });

  it('a stale save is a conflict, not a silent overwrite', async () => {
    const v = await create();
    const first = await contributorA.client.request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: v.revision.id,
      text: { ...v.text, title: 'Sửa lần một' },
    });
    expect(first.statusCode).toBe(200);
    const second = await contributorA.client.request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: v.revision.id,
      text: { ...v.text, title: 'Sửa lần hai' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('stale_revision');
  });

  it('editing a published version keeps the published one online until the new revision is approved', async () => {
    const v = await create(contributorA, { title: 'Bản đã công bố' });
    await act(contributorA, v.id, 'submit', DECLARE);
    const pub = (await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS })).json();
    const edited = (
      await contributorA.client.request('PUT', `/api/v1/item-versions/${v.id}`, {
        baseRevisionId: pub.revision.id,
        text: { ...pub.text, title: 'Bản sửa mới' },
      })
    ).json();
    expect(edited.state).toBe('draft');
    expect(edited.online).toBe(true);
    const anon = new (await import('../../../../test/helpers/app.js')).Client(t);
    expect((await anon.get(`/api/v1/item-versions/${v.id}/published`)).json().title).toBe('Bản đã công bố');
    await act(contributorA, v.id, 'submit', DECLARE);
    await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS });
    const now = (await anon.get(`/api/v1/item-versions/${v.id}/published`)).json();
    expect(now.title).toBe('Bản sửa mới');
    expect(now.revision).toBe(2);
  });

  it('a translation is published only when its source is, and goes down with it', async () => {
    const v = await create();
    const en = await contributorA.client.post(`/api/v1/items/${v.itemId}/translations`, {
      language: 'en',
      text: {
        title: 'Hue Festival 2026 opens',
        summary: 'The festival opens on the Perfume River.',
        body: '<p>On 4 June the festival opened at the Noon Gate.</p>',
      },
    });
    expect(en.statusCode).toBe(201);
    const enId = en.json().id;
    expect((await contributorA.client.post(`/api/v1/items/${v.itemId}/translations`, { language: 'en', text: en.json().text })).json().code).toBe(
      'translation_exists',
    );
    expect((await contributorA.client.post(`/api/v1/items/${v.itemId}/translations`, { language: 'xx', text: en.json().text })).json().errors[0].code).toBe(
      'language_not_configured',
    );
    await act(contributorA, enId, 'submit', DECLARE);
    const approved = (await act(appraiser, enId, 'approve', { checklist: ALL_CHECKS })).json();
    expect(approved.state).toBe('approved'); // waits for its source
    expect((await act(appraiser, enId, 'publish')).json().code).toBe('source_not_published');
    await act(contributorA, v.id, 'submit', DECLARE);
    await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS });
    expect((await act(appraiser, enId, 'publish')).json().state).toBe('published');
    const anon = new (await import('../../../../test/helpers/app.js')).Client(t);
    const pubEn = (await anon.get(`/api/v1/item-versions/${enId}/published`)).json();
    expect(pubEn.metadata.place).toBe('Đại Nội, thành phố Huế');
    expect(pubEn.translations.map((x: { language: string }) => x.language).sort()).toEqual(['en', 'vi']);
    // Unpublishing the source takes the translation down.
    expect((await act(appraiser, v.id, 'unpublish')).json().state).toBe('unpublished');
    expect((await anon.get(`/api/v1/item-versions/${enId}/published`)).statusCode).toBe(404);
    expect((await appraiser.client.get(`/api/v1/item-versions/${enId}`)).json().state).toBe('unpublished');
  });

  it('keeps every revision: history, diff, restore as a new draft', async () => {
    const v = await create(contributorA, { title: 'Tiêu đề một' });
    const r2 = (
      await contributorA.client.request('PUT', `/api/v1/item-versions/${v.id}`, {
        baseRevisionId: v.revision.id,
        text: { ...v.text, title: 'Tiêu đề hai' },
        note: 'đổi tiêu đề',
      })
    ).json();
    const h = (await contributorA.client.get(`/api/v1/item-versions/${v.id}/history`)).json();
    expect(h.revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(h.revisions[0]).toMatchObject({ note: 'đổi tiêu đề', createdBy: contributorA.user.username });
    const diff = (await contributorA.client.get(`/api/v1/item-versions/${v.id}/diff?from=${v.revision.id}&to=${r2.revision.id}`)).json();
    expect(diff.fields).toHaveLength(1);
    expect(diff.fields[0].field).toBe('title');
    expect(diff.fields[0].parts).toEqual([{ value: 'Tiêu đề ' }, { value: 'một', removed: true }, { value: 'hai', added: true }]);
    const restored = (
      await contributorA.client.post(`/api/v1/item-versions/${v.id}/restore`, { revisionId: v.revision.id, baseRevisionId: r2.revision.id })
    ).json();
    expect(restored.revision.number).toBe(3);
    expect(restored.text.title).toBe('Tiêu đề một');
  });
});

describe('agency boundaries', () => {
  it("a contributor of agency B can neither read nor change agency A's items by any endpoint", async () => {
    const v = await create(contributorA, { visibility: 'internal', title: 'Nội bộ Sở Du lịch' });
    const b = contributorB.client;
    expect((await b.get(`/api/v1/item-versions/${v.id}`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/item-versions/${v.id}/history`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/item-versions/${v.id}/published`)).statusCode).toBe(404);
    expect((await b.request('PUT', `/api/v1/item-versions/${v.id}`, { baseRevisionId: v.revision.id, text: v.text })).statusCode).toBe(404);
    expect((await act(contributorB, v.id, 'submit', DECLARE)).statusCode).toBe(404);
    expect((await b.post(`/api/v1/items/${v.itemId}/translations`, { language: 'fr', text: v.text })).statusCode).toBe(404);
    expect((await b.post('/api/v1/items', completeItem(topic, { agencyId: agencyA }))).statusCode).toBe(403);
    const list = (await b.get('/api/v1/items?limit=200')).json().items;
    expect(list.every((r: { agencyId: string }) => r.agencyId === agencyB)).toBe(true);
    const search = (await b.get('/api/v1/search?view=working&q=noi+bo')).json();
    expect(search.items.find((x: { versionId: string }) => x.versionId === v.id)).toBeUndefined();
    // Even once published, internal stays inside agency A and the DIC.
    await act(contributorA, v.id, 'submit', DECLARE);
    await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS });
    expect((await b.get(`/api/v1/item-versions/${v.id}/published`)).statusCode).toBe(404);
    expect((await contributorA.client.get(`/api/v1/item-versions/${v.id}/published`)).statusCode).toBe(200);
    expect((await b.get('/api/v1/search?q=noi+bo')).json().items.find((x: { versionId: string }) => x.versionId === v.id)).toBeUndefined();
  });
});

describe('transition bodies: one variant per transition', () => {
  /** What a refused transition must leave alone, as an appraiser sees it. */
  const seen = async (id: string) => {
    const v = (await appraiser.client.get(`/api/v1/item-versions/${id}`)).json();
    return { state: v.state, updatedAt: v.updatedAt, revision: v.revision.id, online: v.online, scheduledAt: v.scheduledAt, appraisals: v.appraisals.length };
  };

  it('refuses a field of another transition (400 field_unknown on that field, vi/en) and changes nothing', async () => {
    const v = await create();
    const before = await seen(v.id);
    const refused = await act(contributorA, v.id, 'submit', { ...DECLARE, checklist: ALL_CHECKS });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'invalid', errors: [{ field: 'checklist', code: 'field_unknown', message: 'Unknown field.' }] });
    const vi = await contributorA.client.post(
      `/api/v1/item-versions/${v.id}/transitions/submit`,
      { ...DECLARE, checklist: ALL_CHECKS },
      { 'accept-language': 'vi' },
    );
    expect(vi.json().errors[0].message).toBe('Trường không được chấp nhận.');
    expect(await seen(v.id)).toEqual(before);

    expect((await act(contributorA, v.id, 'archive', { comment: 'Không dùng nữa.' })).json().errors).toEqual([
      { field: 'comment', code: 'field_unknown', message: 'Unknown field.' },
    ]);
    expect(await seen(v.id)).toEqual(before);
    expect((await act(contributorA, v.id, 'submit', DECLARE)).statusCode).toBe(200);
    const submitted = await seen(v.id);
    for (const [name, body, field] of [
      ['return', { comment: 'Thiếu ảnh.', publishAt: null }, 'publishAt'],
      ['approve', { checklist: ALL_CHECKS, ...DECLARE }, 'declaration'],
      ['withdraw', { publishAt: null }, 'publishAt'],
    ] as const) {
      const res = await act(name === 'withdraw' ? contributorA : appraiser, v.id, name, body);
      expect({ name, status: res.statusCode, errors: res.json().errors }).toEqual({
        name,
        status: 400,
        errors: [{ field, code: 'field_unknown', message: 'Unknown field.' }],
      });
    }
    expect(await seen(v.id)).toEqual(submitted);
  });

  it("checks a field of the named transition as before (the variant's own rules and messages)", async () => {
    const v = await create();
    await act(contributorA, v.id, 'submit', DECLARE);
    const long = await act(appraiser, v.id, 'return', { comment: 'x'.repeat(5001) });
    expect(long.json().errors).toEqual([{ field: 'comment', code: 'field_too_long', message: expect.any(String) }]);
    expect((await act(appraiser, v.id, 'approve', { checklist: { ...ALL_CHECKS, signed: true } })).json().errors[0]).toMatchObject({
      field: 'checklist/signed',
      code: 'field_unknown',
    });
    expect((await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS, publishAt: 'mai' })).json().errors[0]).toMatchObject({
      field: 'publishAt',
      code: 'field_format',
    });
    expect((await act(appraiser, v.id, 'approve', {})).json().errors.map((e: { field: string }) => e.field)).toEqual([
      'checklist/copyright',
      'checklist/accuracy',
      'checklist/noHarm',
      'checklist/noStateSecrets',
    ]);
    expect((await appraiser.client.get(`/api/v1/item-versions/${v.id}`)).json().state).toBe('submitted');
  });

  it('answers with the version as a read right after it shows it', async () => {
    const v = await create();
    const en = (
      await contributorA.client.post(`/api/v1/items/${v.itemId}/translations`, {
        language: 'en',
        text: { title: 'Hue Festival 2026 opens', summary: 'The festival opens on the Perfume River.', body: '<p>At the Noon Gate.</p>' },
      })
    ).json();
    const reads = async (who: SignedIn, id: string, name: string, body: object = {}) => {
      const res = await act(who, id, name, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual((await who.client.get(`/api/v1/item-versions/${id}`)).json());
      return res.json();
    };
    await reads(contributorA, en.id, 'submit', DECLARE);
    expect((await reads(appraiser, en.id, 'approve', { checklist: ALL_CHECKS, comment: 'Đạt.' })).state).toBe('approved'); // waits for its source
    await reads(contributorA, v.id, 'submit', DECLARE);
    await reads(appraiser, v.id, 'return', { comment: 'Cần ghi rõ nguồn ảnh.' });
    await reads(contributorA, v.id, 'submit', DECLARE);
    expect((await reads(appraiser, v.id, 'approve', { checklist: ALL_CHECKS })).state).toBe('published');
    await reads(appraiser, en.id, 'publish');
    const down = await reads(appraiser, v.id, 'unpublish'); // the translation goes down with it
    expect(down.versions.map((x: { state: string }) => x.state)).toEqual(['unpublished', 'unpublished']);
    await reads(contributorA, v.id, 'archive');
    await reads(contributorA, v.id, 'restore');
  });
});

// Last: it moves the clock by hours, which ends the other tests' sessions.
describe('scheduled publishing', () => {
  it('scheduled publishing fires at its time, and a schedule missed while the server was down fires at start', async () => {
    const v = await create();
    await act(contributorA, v.id, 'submit', DECLARE);
    const at = new Date(t.clock.now().getTime() + 2 * 3600_000);
    const approved = (await act(appraiser, v.id, 'approve', { checklist: ALL_CHECKS, publishAt: at.toISOString() })).json();
    expect(approved).toMatchObject({ state: 'approved', online: false, scheduledAt: at.toISOString() });
    const jobs = startJobs({
      db: t.db.handle.db,
      config: t.config,
      clock: t.clock,
      log: { info() {}, warn() {}, error() {}, debug() {} },
      intervalMs: 3600_000,
    });
    await jobs.runOnce();
    expect((await appraiser.client.get(`/api/v1/item-versions/${v.id}`)).json().state).toBe('approved');
    jobs.stop();
    // The server is "down" past the time; the next start's first run publishes it.
    t.clock.advance(3 * 3600_000);
    const restarted = startJobs({
      db: t.db.handle.db,
      config: t.config,
      clock: t.clock,
      log: { info() {}, warn() {}, error() {}, debug() {} },
      intervalMs: 3600_000,
    });
    await restarted.runOnce();
    restarted.stop();
    const firedAt = t.clock.now().toISOString();
    // Sessions went idle while the clock moved: sign in again to look.
    const appraiserNow = await signedIn(t, 'appraiser');
    const after = (await appraiserNow.client.get(`/api/v1/item-versions/${v.id}`)).json();
    expect(after.state).toBe('published');
    expect(after.publishedAt).toBe(firedAt);
    const audit = (await (await signedIn(t, 'admin')).client.get(`/api/v1/audit-events?targetId=${v.id}&action=item.publish`)).json().items;
    expect(audit[0]).toMatchObject({ actorLabel: 'system:scheduler' });
  });
});

describe('notifications', () => {
  it('tells appraisers of a submission and the author of the outcome', async () => {
    const c = await signedIn(t, 'contributor', { agencyId: agencyA });
    const a = await signedIn(t, 'appraiser');
    const v = (await c.client.post('/api/v1/items', completeItem(topic, { title: 'Thông báo thử' }))).json();
    await c.client.post(`/api/v1/item-versions/${v.id}/transitions/submit`, DECLARE);
    const forAppraiser = (await a.client.get('/api/v1/notifications')).json();
    expect(forAppraiser.items[0]).toMatchObject({ kind: 'item.submitted', title: 'Awaiting appraisal: Thông báo thử', link: `/admin/items/${v.id}` });
    await a.client.post(`/api/v1/item-versions/${v.id}/transitions/return`, { comment: 'Thiếu ảnh' });
    const mine = (await c.client.get('/api/v1/notifications')).json();
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: 'item.returned', data: { comment: 'Thiếu ảnh' } });
    expect((await c.client.get('/api/v1/notifications', { 'accept-language': 'vi' })).json().items[0].title).toBe('Bị trả lại: Thông báo thử');
    expect((await a.client.post(`/api/v1/notifications/${mine.items[0].id}/read`)).statusCode).toBe(404); // not the appraiser's
    expect((await c.client.post(`/api/v1/notifications/${mine.items[0].id}/read`)).json().marked).toBe(1);
    expect((await c.client.get('/api/v1/notifications')).json().unread).toBe(0);
  });
});
