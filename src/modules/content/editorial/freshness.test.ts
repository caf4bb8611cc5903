// Freshness per agency, missing translations, reminders of stale agencies, scheduling health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../../../test/helpers/content.js';
import { FRESHNESS_REMINDERS, SCHEDULED_PUBLISHING, startJobs } from '../../../jobs/runner.js';
import { getJobStatus } from '../../monitoring/service.js';

let t: TestApp;
let active: string;
let silent: string;
let contributor: SignedIn;
let appraiser: SignedIn;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test', STALE_AFTER_DAYS: '30', CONTENT_LANGUAGES: 'vi,en,fr' });
  const topic = (await topicIds(t))['tong-quan'];
  active = await fixtureAgency(t, { slug: 'so-du-lich' });
  silent = await fixtureAgency(t, { slug: 'ubnd-phuong-phu-xuan' });
  contributor = await signedIn(t, 'contributor', { agencyId: active });
  appraiser = await signedIn(t, 'appraiser');
  const v = (await contributor.client.post('/api/v1/items', completeItem(topic))).json();
  await contributor.client.post(`/api/v1/item-versions/${v.id}/transitions/submit`, DECLARE);
  await appraiser.client.post(`/api/v1/item-versions/${v.id}/transitions/approve`, { checklist: ALL_CHECKS });
  await contributor.client.post(`/api/v1/items/${v.itemId}/translations`, { language: 'en', text: { title: 'Hue', summary: 's', body: '<p>b</p>' } });
  await contributor.client.post('/api/v1/items', { kind: 'news', text: { title: 'Nháp thiếu', summary: '', body: '' }, metadata: {} });
});
afterAll(() => t.close());

describe('freshness', () => {
  it('shows last update, states, missing translations, incomplete drafts, and flags silent agencies', async () => {
    const res = (await appraiser.client.get('/api/v1/freshness')).json();
    expect(res.staleAfterDays).toBe(30);
    const a = res.items.find((x: { agencyId: string }) => x.agencyId === active);
    expect(a).toMatchObject({ stale: false, daysSinceUpdate: 0, online: 1, missingTranslations: { en: 0, fr: 1 }, incompleteDrafts: 1 });
    expect(a.byState).toMatchObject({ published: 1, draft: 2 });
    const s = res.items.find((x: { agencyId: string }) => x.agencyId === silent);
    expect(s).toMatchObject({ stale: true, lastUpdateAt: null, online: 0 });
    const missing = (await appraiser.client.get(`/api/v1/freshness/${active}/missing-translations?language=fr`)).json().items;
    expect(missing).toHaveLength(1);
  });

  it('a contributor sees only its own agency', async () => {
    const res = (await contributor.client.get('/api/v1/freshness')).json();
    expect(res.items.map((x: { agencyId: string }) => x.agencyId)).toEqual([active]);
    expect((await contributor.client.get(`/api/v1/freshness/${silent}/missing-translations?language=en`)).statusCode).toBe(403);
  });

  it('reminds the accounts of stale agencies once per period, and reports job health', async () => {
    const silentUser = await signedIn(t, 'contributor', { agencyId: silent });
    const jobs = startJobs({ db: t.db.handle.db, config: t.config, clock: t.clock, log: quiet, intervalMs: 3600_000 });
    await jobs.runOnce();
    await jobs.runOnce();
    jobs.stop();
    const notes = (await silentUser.client.get('/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'freshness.reminder');
    expect(notes).toHaveLength(1);
    expect((await contributor.client.get('/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'freshness.reminder')).toHaveLength(
      0,
    );
    const status = (await appraiser.client.get('/api/v1/scheduling')).json();
    expect(status).toMatchObject({ lastError: null, overdue: false, nextScheduledAt: null });
    expect(status.lastRunAt).toBe(t.clock.now().toISOString());
  });

  it('runs the freshness reminders once a day, not on every tick, and records how long each job took', async () => {
    const runs = async () => (await getJobStatus(t.system, FRESHNESS_REMINDERS))!.runs;
    const jobs = startJobs({ db: t.db.handle.db, config: t.config, clock: t.clock, log: quiet, intervalMs: 3600_000, wakeOnMedia: false });
    try {
      const before = await runs();
      expect(before).toBeGreaterThan(0); // the test above ran it
      t.clock.advance(23 * 3_600_000);
      await jobs.runOnce();
      expect(await runs()).toBe(before);
      t.clock.advance(3_600_000);
      await jobs.runOnce();
      expect(await runs()).toBe(before + 1);
      // every job records its duration; a job of every tick ran on each
      const publishing = (await getJobStatus(t.system, SCHEDULED_PUBLISHING))!;
      expect(publishing.runs).toBeGreaterThanOrEqual(4);
      expect(publishing.details.ms).toEqual(expect.any(Number));
    } finally {
      jobs.stop();
    }
  });
});
