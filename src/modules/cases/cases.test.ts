// Clarification cases over HTTP: who sees what (a non-involved agency gets 404; nothing public),
// sightings and precedents, state-secret refusals with nothing stored, the status machine's
// refusals, the clarification item through appraisal, and the figures for reports.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import { ALL_CHECKS, DECLARE, topicIds } from '../../../test/helpers/content.js';
import { createMediaTestApp, upload } from '../../../test/helpers/media.js';
import { docx } from '../../../test/helpers/media-files.js';
import type { Role } from '../../core/actor.js';
import * as accounts from '../accounts/service.js';
import { rowsOf } from '../../db/transaction.js';

/** A signed-in person whose client then uses a personal token, so the test clock can move days ahead. */
async function withToken(t: TestApp, role: Role, opts: { agencyId?: string } = {}): Promise<SignedIn> {
  const s = await signedIn(t, role, opts);
  const scopes = role === 'security' ? ['read:public', 'read:shared'] : ['read:public', 'read:shared', 'write:own'];
  const res = await s.client.post('/api/v1/tokens', { name: 'cases test', scopes, acceptTerms: true });
  expect(res.statusCode, res.body).toBe(201);
  s.client.cookie = null;
  s.client.csrf = null;
  s.client.bearer = res.json().secret;
  return s;
}

let t: TestApp;
let dic: SignedIn;
let ioc: SignedIn;
let a: SignedIn;
let b: SignedIn;
let outsider: SignedIn;
let topic: string;
const local = (s: string) => new Date(`${s}+07:00`);
const count = async (table: string) => rowsOf<{ n: number }>(await t.db.handle.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;

const OPEN = {
  title: 'Tin sai: cầu Trường Tiền bị đóng cửa vĩnh viễn',
  falseText: 'Cầu Trường Tiền sẽ bị đóng cửa vĩnh viễn từ tháng 10 để tháo dỡ.',
  severity: 'high',
  claimant: 'Trang “Huế 24h” giả mạo',
  rating: 'false',
  languages: ['vi'],
  dossier: { impact: 'Gây hoang mang cho người dân và du khách.', facts: 'Cầu chỉ sửa hệ thống chiếu sáng ban đêm.' },
  sightings: [
    { url: 'https://www.facebook.com/hue24h/posts/123?utm_source=share', platform: 'Facebook', language: 'vi', seenAt: '2026-02-27T01:00:00Z', reach: 12000 },
    { url: 'https://video.example/watch/abc', platform: 'TikTok', language: 'vi', seenAt: '2026-02-28T03:00:00Z' },
  ],
};

beforeAll(async () => {
  t = await createMediaTestApp();
  topic = (await topicIds(t))['du-lich-di-san-le-hoi'];
  dic = await withToken(t, 'appraiser');
  ioc = await withToken(t, 'security', { agencyId: await fixtureAgency(t, { slug: 'ioc' }) });
  a = await withToken(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-giao-thong' }) });
  b = await withToken(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'ubnd-phuong-phu-hoi' }) });
  outsider = await withToken(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-nong-nghiep' }) });
});
afterAll(() => t.close());

let caseId: string;

describe('opening a case, sightings and precedents', () => {
  it('opens a case with a reference, its sightings grouped under it, and audits it', async () => {
    t.clock.set(local('2026-03-02T09:00:00'));
    const res = await dic.client.post('/api/v1/cases', { ...OPEN, topicIds: [topic] });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    caseId = c.id;
    expect(c).toMatchObject({
      reference: 'VV-2026-0001',
      status: 'opened',
      severity: 'high',
      takenUp: true,
      firstSeenAt: '2026-02-27T01:00:00.000Z',
      openedByAgencyId: dic.user.agencyId,
    });
    expect(c.sightings).toHaveLength(2);
    expect(c.dossier).toEqual(OPEN.dossier);
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(['open']);
    // recorded by username, shown by the person's name
    expect(c.openedBy).toBe(`Người dùng ${dic.user.username}`);
    expect(c.timeline[0].actorLabel).toBe(`Người dùng ${dic.user.username}`);
    expect(c.sightings[0].addedBy).toBe(`Người dùng ${dic.user.username}`);
    const listed = (await dic.client.get('/api/v1/cases')).json().items.find((x: { id: string }) => x.id === caseId);
    expect(listed.openedBy).toBe(`Người dùng ${dic.user.username}`);
    expect(c.allowed).toMatchObject({ edit: true, notify: true, transitions: ['mark-published', 'close-without-publication'] });
    const second = await dic.client.post('/api/v1/cases', { title: 'Tin sai khác', falseText: 'Nội dung khác.' });
    expect(second.json().reference).toBe('VV-2026-0002');
  });

  it('refuses the same URL twice in a case (409), however it is decorated', async () => {
    const dup = await a.client.post(`/api/v1/cases/${caseId}/sightings`, { url: 'https://facebook.com/hue24h/posts/123/#comments' });
    expect(dup.statusCode).toBe(404); // agency A is not involved yet
    const refused = await dic.client.post(`/api/v1/cases/${caseId}/sightings`, {
      url: 'https://facebook.com/hue24h/posts/123/#comments',
      platform: 'Facebook',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('case_duplicate_sighting');
    const added = await dic.client.post(`/api/v1/cases/${caseId}/sightings`, {
      url: 'https://zalo.example/p/987',
      platform: 'Zalo',
      language: 'en',
      seenAt: '2026-02-26T12:00:00Z',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().sightings).toHaveLength(3);
    expect(added.json().firstSeenAt).toBe('2026-02-26T12:00:00.000Z');
    expect(added.json().languages).toEqual(['vi', 'en']);
  });

  it('finds precedents without diacritics and by URL', async () => {
    const words = await dic.client.get(`/api/v1/cases/precedents?q=${encodeURIComponent('cau truong tien dong cua')}`);
    expect(words.statusCode, words.body).toBe(200);
    expect(words.json().cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const byUrl = await dic.client.get(`/api/v1/cases/precedents?q=${encodeURIComponent('https://www.facebook.com/hue24h/posts/123')}`);
    expect(byUrl.json().cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const none = await outsider.client.get(`/api/v1/cases/precedents?q=${encodeURIComponent('truong tien')}`);
    expect(none.json().cases).toEqual([]);
  });
});

describe('who sees a case', () => {
  it('notified agencies see their case; others get 404; the IOC reads; nothing public', async () => {
    const notified = await dic.client.post(`/api/v1/cases/${caseId}/notifications`, {
      agencyIds: [a.user.agencyId],
      message: 'Đề nghị Sở cung cấp thông tin.',
    });
    expect(notified.statusCode, notified.body).toBe(200);
    expect(notified.json()).toMatchObject({
      status: 'agencies_notified',
      agencies: [{ agencyId: a.user.agencyId, dueDate: '2026-03-09', daysLeft: 7, overdue: false }],
    });
    expect((await a.client.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect((await a.client.get('/api/v1/cases')).json().items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await a.client.get('/api/v1/cases?pending=true')).json().total).toBe(1);
    for (const other of [b, outsider]) {
      const r = await other.client.get(`/api/v1/cases/${caseId}`);
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('Trường Tiền');
      expect((await other.client.get('/api/v1/cases')).json().items).toEqual([]);
      expect((await other.client.post(`/api/v1/cases/${caseId}/situation-updates`, { text: 'x' })).statusCode).toBe(404);
    }
    expect((await ioc.client.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect((await ioc.client.post(`/api/v1/cases/${caseId}/notifications`, { agencyIds: [b.user.agencyId] })).statusCode).toBe(403);
    expect((await a.client.post(`/api/v1/cases/${caseId}/notifications`, { agencyIds: [b.user.agencyId] })).statusCode).toBe(403);
    const press = await accounts.createAgency(t.system, {
      slug: 'bao-thua-thien-hue',
      nameVi: 'Báo Thừa Thiên Huế',
      nameEn: 'Thua Thien Hue newspaper',
      type: 'press',
      functions: ['exploit'],
    });
    const notAnswering = await dic.client.post(`/api/v1/cases/${caseId}/notifications`, { agencyIds: [press.id] });
    expect(notAnswering.statusCode).toBe(400);
    expect(notAnswering.json().errors[0]).toMatchObject({ field: 'agencyIds/0', code: 'case_agency_cannot_answer' });
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` });
    expect(anon.statusCode).toBe(401);
    // an agency's system (OAuth client) of a notified agency gets nothing either: cases are for people
    const { client, clientSecret } = await accounts.createApiClient(t.system, {
      name: 'Cổng Sở GTVT',
      agencyId: a.user.agencyId,
      scopes: ['read:public', 'read:shared', 'write:own'],
      acceptTerms: true,
    });
    const token = await accounts.issueClientAccessToken(t.system, { clientId: client.clientId, clientSecret });
    for (const url of [`/api/v1/cases/${caseId}`, '/api/v1/cases']) {
      const r = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token.accessToken}` } });
      expect(r.statusCode).toBe(403);
      expect(r.body).not.toContain('Trường Tiền');
    }
    for (const url of [
      '/api/v1/published',
      '/api/v1/changes',
      `/api/v1/search?q=${encodeURIComponent('Trường Tiền')}`,
      `/vi/search?q=${encodeURIComponent('Trường Tiền')}`,
    ]) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.body).not.toContain('đóng cửa vĩnh viễn');
    }
  });

  it('an agency opens a case about its own field; the DIC is told and takes it up by notifying', async () => {
    const opened = await b.client.post('/api/v1/cases', { title: 'Tin sai về ngập lụt phường Phú Hội', falseText: 'Phường Phú Hội ngập sâu 2 mét.' });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ takenUp: false, openedByAgencyId: b.user.agencyId, allowed: { edit: true, notify: false } });
    const dicNotes = rowsOf<{ kind: string }>(await t.db.handle.db.execute(sql`SELECT kind FROM notifications WHERE user_id = ${dic.user.id}`)).map(
      (r) => r.kind,
    );
    expect(dicNotes).toContain('case.opened_by_agency');
    expect((await outsider.client.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const edited = await b.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, dossier: { facts: 'Chỉ ngập cục bộ 20 cm.' } });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await b.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, title: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_revision');
    const taken = await dic.client.post(`/api/v1/cases/${c.id}/notifications`, { agencyIds: [b.user.agencyId] });
    expect(taken.json().takenUp).toBe(true);
    expect((await b.client.patch(`/api/v1/cases/${c.id}`, { version: taken.json().version, title: 'Đổi tiêu đề' })).statusCode).toBe(403);
  });
});

describe('state secrets (Art. 4.6)', () => {
  it('refuses a secrecy mark in any case field, storing nothing', async () => {
    const before = await count('cases');
    const res = await dic.client.post('/api/v1/cases', { ...OPEN, sightings: [], dossier: { legalGrounds: 'Căn cứ văn bản\nTỐI MẬT\nsố 12' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'dossier/legalGrounds', code: 'state_secret_mark' });
    expect(await count('cases')).toBe(before);
    const update = await a.client.post(`/api/v1/cases/${caseId}/situation-updates`, { text: 'Độ mật: Mật — báo cáo nội bộ' });
    expect(update.statusCode).toBe(400);
    const sighting = await dic.client.post(`/api/v1/cases/${caseId}/sightings`, { url: 'https://x.example/1', note: '[MẬT] ghi chú' });
    expect(sighting.statusCode).toBe(400);
    expect((await dic.client.get(`/api/v1/cases/${caseId}`)).json().sightings).toHaveLength(3);
  });

  it('refuses an attachment bearing a mark (link label, or a document with the stamp), storing nothing', async () => {
    const before = await count('case_attachments');
    const label = await a.client.post(`/api/v1/cases/${caseId}/attachments`, { url: 'https://drive.example/doc', label: 'Công văn (TỐI MẬT)' });
    expect(label.statusCode).toBe(400);
    expect(label.json().errors[0].field).toBe('label');
    const file = await upload(a.client, await docx('TUYỆT MẬT — Báo cáo tình hình'), 'bao-cao.docx');
    expect(file.statusCode).toBe(400);
    expect(file.json().errors[0].code).toBe('state_secret_mark');
    expect(await count('case_attachments')).toBe(before);
    expect(await count('media')).toBe(0);
    // a clean screenshot-like document from the library is accepted; someone else's library file is not
    const clean = await upload(a.client, await docx('Ảnh chụp bài đăng sai sự thật'), 'bai-dang.docx');
    expect(clean.statusCode, clean.body).toBe(201);
    const attached = await a.client.post(`/api/v1/cases/${caseId}/attachments`, { mediaId: clean.json().id, label: 'Ảnh chụp bài đăng' });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json().attachments[0]).toMatchObject({ mediaId: clean.json().id, label: 'Ảnh chụp bài đăng' });
    // without a label, a library file is named by its title or file name, for readers who cannot open that library
    const unlabelled = await upload(a.client, await docx('Ảnh chụp bình luận'), 'binh-luan.docx');
    const named = (await a.client.post(`/api/v1/cases/${caseId}/attachments`, { mediaId: unlabelled.json().id })).json();
    const expected = Object.values((unlabelled.json().title ?? {}) as Record<string, string>).find(Boolean) ?? 'binh-luan.docx';
    const namedRow = named.attachments.find((x: { mediaId: string }) => x.mediaId === unlabelled.json().id);
    expect(namedRow.label).toBe(expected);
    expect((await a.client.delete(`/api/v1/cases/${caseId}/attachments/${namedRow.id}`)).statusCode).toBe(200);
    const foreign = await b.client.post(`/api/v1/cases/${caseId}/attachments`, { mediaId: clean.json().id });
    expect(foreign.statusCode).toBe(404); // B is not involved in this case at all
    const link = await dic.client.post(`/api/v1/cases/${caseId}/attachments`, { url: 'https://archive.example/snap/1', label: 'Bản lưu' });
    const linkId = link.json().attachments.find((x: { url: string | null }) => x.url).id;
    expect((await a.client.delete(`/api/v1/cases/${caseId}/attachments/${linkId}`)).statusCode).toBe(403); // the DIC added it
    const removed = await dic.client.delete(`/api/v1/cases/${caseId}/attachments/${linkId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().attachments).toHaveLength(1);
    expect(removed.json().timeline.at(-1).kind).toBe('attachment_removed');
  });
});

describe('status machine, responses and the clarification item', () => {
  it('refuses transitions the status does not allow, with the reason', async () => {
    const close = await dic.client.post(`/api/v1/cases/${caseId}/transitions/close`, {});
    expect(close.statusCode).toBe(409);
    expect(close.json()).toMatchObject({ code: 'case_transition_not_allowed' });
    expect(close.json().title).toContain('agencies_notified');
    const noItem = await dic.client.post(`/api/v1/cases/${caseId}/transitions/mark-published`, {});
    expect(noItem.json().code).toBe('case_no_clarification');
    const noReason = await dic.client.post(`/api/v1/cases/${caseId}/transitions/close-without-publication`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    expect((await a.client.post(`/api/v1/cases/${caseId}/transitions/close`, {})).statusCode).toBe(403);
  });

  it('records material and Art. 4.4 responses; produces a bilingual clarification that is appraised, published, then closes the case', async () => {
    t.clock.set(local('2026-03-05T10:00:00'));
    const material = await a.client.post(`/api/v1/cases/${caseId}/agencies/${a.user.agencyId}/material`, {
      note: 'Cầu vẫn thông xe; chỉ sửa đèn chiếu sáng.',
      links: ['https://sogtvt.example/thong-cao'],
    });
    expect(material.statusCode, material.body).toBe(200);
    expect(material.json().status).toBe('material_received');
    const again = await a.client.post(`/api/v1/cases/${caseId}/agencies/${a.user.agencyId}/material`, { note: 'lần 2' });
    expect(again.json().code).toBe('case_material_already_received');
    const response = await a.client.post(`/api/v1/cases/${caseId}/responses`, {
      form: 'agency_portal_post',
      date: '2026-03-05',
      links: ['https://sogtvt.example/bai-viet'],
      languages: ['vi', 'en'],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().responses[0]).toMatchObject({ form: 'agency_portal_post', agencyId: a.user.agencyId });

    const texts = {
      vi: {
        title: 'Làm rõ: cầu Trường Tiền vẫn thông xe',
        summary: 'Tin cầu bị đóng cửa vĩnh viễn là sai sự thật.',
        body: '<p>Cầu vẫn thông xe bình thường.</p>',
      },
      en: {
        title: 'Clarification: Truong Tien Bridge stays open',
        summary: 'Claims that the bridge is closed for good are false.',
        body: '<p>The bridge is open.</p>',
      },
    };
    const meta = {
      authors: ['Sở Giao thông vận tải'],
      tags: ['cầu Trường Tiền'],
      place: 'Thành phố Huế',
      copyrightHolder: 'Sở Giao thông vận tải',
      licence: 'CC-BY-4.0',
    };
    const created = await dic.client.post(`/api/v1/cases/${caseId}/clarification`, {
      texts,
      statement: { en: 'Truong Tien Bridge will be closed for good.' },
      metadata: meta,
    });
    expect(created.statusCode, created.body).toBe(201);
    const clar = created.json().clarification;
    expect(clar.versions.map((v: { language: string; state: string }) => [v.language, v.state])).toEqual([
      ['vi', 'draft'],
      ['en', 'draft'],
    ]);
    expect((await dic.client.post(`/api/v1/cases/${caseId}/clarification`, { texts, metadata: meta })).json().code).toBe('case_has_clarification');
    const item = (await dic.client.get(`/api/v1/item-versions/${clar.versionId}`)).json();
    expect(item).toMatchObject({ kind: 'clarification', agencyId: a.user.agencyId, state: 'draft' });
    expect(item.metadata.claim).toMatchObject({
      rating: 'false',
      claimant: OPEN.claimant,
      firstSeen: '2026-02-26',
      statement: { vi: OPEN.falseText, en: 'Truong Tien Bridge will be closed for good.' },
    });
    expect(item.metadata.claim.appearances).toHaveLength(3);

    const early = await dic.client.post(`/api/v1/cases/${caseId}/transitions/mark-published`, {});
    expect(early.json().code).toBe('case_clarification_not_published');
    for (const v of clar.versions) {
      expect((await a.client.post(`/api/v1/item-versions/${v.versionId}/transitions/submit`, DECLARE)).statusCode).toBe(200);
      const approved = await dic.client.post(`/api/v1/item-versions/${v.versionId}/transitions/approve`, { checklist: ALL_CHECKS });
      expect(approved.statusCode, approved.body).toBe(200);
      if (approved.json().state !== 'published')
        expect((await dic.client.post(`/api/v1/item-versions/${v.versionId}/transitions/publish`, {})).statusCode).toBe(200);
    }
    const published = await dic.client.post(`/api/v1/cases/${caseId}/transitions/mark-published`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'clarification_published', clarification: { versions: [{ online: true }, { online: true }] } });
    expect(published.json().clarification.publishedAt).toBeTruthy();
    // the published clarification is now a precedent too (public content search, unaccented)
    const precedents = (await b.client.get(`/api/v1/cases/precedents?q=${encodeURIComponent('truong tien thong xe')}`)).json();
    expect(precedents.cases).toEqual([]); // B was never involved in this case
    expect(precedents.clarifications.map((c: { itemId: string }) => c.itemId)).toContain(clar.itemId);
    const sighting = await a.client.post(`/api/v1/cases/${caseId}/sightings`, { url: 'https://late.example/1' });
    expect(sighting.statusCode).toBe(409);
    expect(sighting.json().code).toBe('case_not_active');
    const closed = await dic.client.post(`/api/v1/cases/${caseId}/transitions/close`, {});
    expect(closed.json().status).toBe('closed');
    const reopenNoReason = await dic.client.post(`/api/v1/cases/${caseId}/transitions/reopen`, {});
    expect(reopenNoReason.statusCode).toBe(400);
    const reopened = await dic.client.post(`/api/v1/cases/${caseId}/transitions/reopen`, { reason: 'Tin sai tái xuất hiện trên TikTok' });
    expect(reopened.json()).toMatchObject({ status: 'material_received', reopenReason: 'Tin sai tái xuất hiện trên TikTok' });
    const transitions = reopened
      .json()
      .timeline.filter((e: { kind: string }) => e.kind === 'transition')
      .map((e: { data: { name: string } }) => e.data.name);
    expect(transitions).toEqual(['mark-published', 'close', 'reopen']);
    const audited = rowsOf<{ action: string }>(
      await t.db.handle.db.execute(sql`SELECT action FROM audit_events WHERE target_id = ${caseId} AND action = 'case.transition'`),
    );
    expect(audited).toHaveLength(3);
  });
});

describe('figures for reports', () => {
  it('counts per agency and quarter: opened, on time, late, overdue, average response time', async () => {
    // Q1: A answered the first case in 3 days 1 hour (on time); B's own case was notified to B on 2 March, due 9 March, unanswered.
    // Q2: a case notified to A and B on 1 April; A answers after its due date (late), B not at all.
    t.clock.set(local('2026-04-01T09:00:00'));
    const c = (await dic.client.post('/api/v1/cases', { title: 'Tin sai quý 2', falseText: 'Nội dung sai quý 2.' })).json();
    await dic.client.post(`/api/v1/cases/${c.id}/notifications`, { agencyIds: [a.user.agencyId, b.user.agencyId] });
    t.clock.set(local('2026-04-09T09:00:00'));
    const late = await a.client.post(`/api/v1/cases/${c.id}/agencies/${a.user.agencyId}/material`, { note: 'Trả lời muộn.' });
    expect(late.json().assignments.find((x: { agencyId: string }) => x.agencyId === a.user.agencyId).answeredOnTime).toBe(false);
    const figures = await dic.client.get('/api/v1/cases/figures?from=2026-01-01&to=2026-06-30');
    expect(figures.statusCode, figures.body).toBe(200);
    const rows = figures.json().items as Array<Record<string, unknown>>;
    const row = (q: string, agencyId: string) => rows.find((r) => r.quarter === q && r.agencyId === agencyId);
    expect(row('2026-Q1', a.user.agencyId)).toMatchObject({ notified: 1, answeredOnTime: 1, answeredLate: 0, overdue: 0, averageResponseHours: 73 });
    expect(row('2026-Q1', b.user.agencyId)).toMatchObject({ opened: 1, notified: 1, overdue: 1 });
    expect(row('2026-Q1', dic.user.agencyId)).toMatchObject({ opened: 2, notified: 0 });
    expect(row('2026-Q2', a.user.agencyId)).toMatchObject({ notified: 1, answeredOnTime: 0, answeredLate: 1, averageResponseHours: 192 });
    expect(row('2026-Q2', b.user.agencyId)).toMatchObject({ notified: 1, overdue: 1 });
    const own = await a.client.get('/api/v1/cases/figures?from=2026-01-01&to=2026-06-30');
    expect((own.json().items as Array<{ agencyId: string }>).every((r) => r.agencyId === a.user.agencyId)).toBe(true);
    expect((await a.client.get(`/api/v1/cases/figures?from=2026-01-01&to=2026-06-30&agencyId=${b.user.agencyId}`)).statusCode).toBe(403);
  });
});

describe('a case no longer worked owes nothing', () => {
  it('unanswered notifications of a case closed without publication are not overdue (list, case, count), and still count as unanswered in the figures', async () => {
    t.clock.set(local('2026-05-04T09:00:00'));
    const c = (await dic.client.post('/api/v1/cases', { title: 'Tin sai đã tự gỡ', falseText: 'Nội dung sai đã được gỡ.' })).json();
    await dic.client.post(`/api/v1/cases/${c.id}/notifications`, { agencyIds: [b.user.agencyId] });
    t.clock.set(local('2026-05-13T09:00:00'));
    const overdueIds = async () => ((await dic.client.get('/api/v1/cases?overdue=true')).json().items as Array<{ id: string }>).map((x) => x.id);
    const before = (await dic.client.get(`/api/v1/cases/${c.id}`)).json();
    expect(before.assignments[0].overdue).toBe(true);
    expect(before.overdueCount).toBe(1);
    expect(await overdueIds()).toContain(c.id);
    const closed = await dic.client.post(`/api/v1/cases/${c.id}/transitions/close-without-publication`, { reason: 'Bài đăng đã bị gỡ, không còn lan truyền.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().assignments[0]).toMatchObject({ overdue: false, answered: false });
    expect(closed.json().overdueCount).toBe(0);
    expect(await overdueIds()).not.toContain(c.id);
    const figures = (await dic.client.get('/api/v1/cases/figures?from=2026-04-01&to=2026-06-30')).json().items as Array<Record<string, unknown>>;
    expect(figures.find((r) => r.quarter === '2026-Q2' && r.agencyId === b.user.agencyId)).toMatchObject({ notified: 2, answeredOnTime: 0 });
  });
});

describe('editing a case and its clarification topics', () => {
  it('edits the facts after opening (title, false text, claimant, first seen, reach) with the version; a stale version changes nothing', async () => {
    t.clock.set(local('2026-06-01T09:00:00'));
    const c = (await dic.client.post('/api/v1/cases', { title: 'Tin sai chưa rõ', falseText: 'Bản nháp nội dung.' })).json();
    const edited = await dic.client.patch(`/api/v1/cases/${c.id}`, {
      version: c.version,
      title: 'Tin sai: Đại Nội đóng cửa',
      falseText: 'Đại Nội đóng cửa đến hết năm.',
      claimant: 'Kênh TikTok "hue.review"',
      firstSeenAt: '2026-05-30T02:00:00.000Z',
      reach: 8000,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Tin sai: Đại Nội đóng cửa',
      falseText: 'Đại Nội đóng cửa đến hết năm.',
      claimant: 'Kênh TikTok "hue.review"',
      firstSeenAt: '2026-05-30T02:00:00.000Z',
      reach: 8000,
      version: c.version + 1,
    });
    const edit = edited.json().timeline.find((e: { kind: string }) => e.kind === 'edit');
    expect(edit.data.fields).toEqual(expect.arrayContaining(['title', 'falseText', 'claimant', 'firstSeenAt', 'reach']));
    const stale = await dic.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, title: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect((await dic.client.get(`/api/v1/cases/${c.id}`)).json().title).toBe('Tin sai: Đại Nội đóng cửa');
    // found by its new words
    const found = (await dic.client.get('/api/v1/cases?q=dai%20noi')).json().items as Array<{ id: string }>;
    expect(found.map((x) => x.id)).toContain(c.id);
  });

  it('a clarification needs a topic: a case without one is refused with nothing created, unless the request names topics', async () => {
    const c = (await dic.client.post('/api/v1/cases', { title: 'Tin sai không chủ đề', falseText: 'Nội dung sai.', rating: 'false' })).json();
    const texts = {
      vi: { title: 'Làm rõ tin sai', summary: 'Tóm tắt.', body: '<p>Nội dung.</p>' },
      en: { title: 'Clarification', summary: 'Summary.', body: '<p>Body.</p>' },
    };
    const items = await count('items');
    const refused = await dic.client.post(`/api/v1/cases/${c.id}/clarification`, { texts });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'metadata/topicIds' });
    expect(await count('items')).toBe(items);
    const unknownTopic = await dic.client.post(`/api/v1/cases/${c.id}/clarification`, {
      texts,
      metadata: { topicIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknownTopic.statusCode).toBe(400);
    expect(await count('items')).toBe(items);
    const created = await dic.client.post(`/api/v1/cases/${c.id}/clarification`, { texts, metadata: { topicIds: [topic] } });
    expect(created.statusCode, created.body).toBe(201);
    const item = (await dic.client.get(`/api/v1/item-versions/${created.json().clarification.versionId}`)).json();
    expect(item.metadata.topicIds).toEqual([topic]);
  });
});
