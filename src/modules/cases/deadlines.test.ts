// Deadlines of clarification cases (Art. 4.5): local calendar days in Asia/Ho_Chi_Minh (UTC+7, no
// daylight saving) across month ends, the year end and leap days; late-evening notifications;
// reminders 3 days and 1 day before and the day after, each sent once even when two runs race.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import { runScript } from '../../../test/helpers/cli.js';
import { NEEDS_POSTGRES } from '../../../test/helpers/services.js';
import type { Role } from '../../core/actor.js';
import { rowsOf } from '../../db/transaction.js';
import { deadlineEnd, dueDateFor, reminderDue } from './model.js';
import { sendCaseReminders } from './service.js';
import { startJobs } from '../../jobs/runner.js';

/**
 * A signed-in person whose client then uses a personal token instead of the session cookie, so
 * the test clock can move days ahead (deadlines) without the session expiring.
 */
export async function withToken(t: TestApp, role: Role, opts: { agencyId?: string } = {}): Promise<SignedIn> {
  const s = await signedIn(t, role, opts);
  const scopes = role === 'security' ? ['read:public', 'read:shared'] : ['read:public', 'read:shared', 'write:own'];
  const res = await s.client.post('/api/v1/tokens', { name: 'cases test', scopes, acceptTerms: true });
  expect(res.statusCode, res.body).toBe(201);
  s.client.cookie = null;
  s.client.csrf = null;
  s.client.bearer = res.json().secret;
  return s;
}

const local = (s: string) => new Date(`${s}+07:00`);

describe('deadline arithmetic', () => {
  it('counts local calendar days across month ends, the year end and leap days', () => {
    expect(dueDateFor(local('2026-01-28T10:00:00'), 7)).toBe('2026-02-04');
    expect(dueDateFor(local('2026-04-30T08:00:00'), 7)).toBe('2026-05-07');
    expect(dueDateFor(local('2026-12-28T20:00:00'), 7)).toBe('2027-01-04');
    expect(dueDateFor(local('2026-12-31T23:59:00'), 7)).toBe('2027-01-07');
    expect(dueDateFor(local('2028-02-22T09:00:00'), 7)).toBe('2028-02-29');
    expect(dueDateFor(local('2028-02-23T09:00:00'), 7)).toBe('2028-03-01');
    expect(dueDateFor(local('2027-02-22T09:00:00'), 7)).toBe('2027-03-01');
    expect(dueDateFor(local('2026-03-02T09:00:00'), 30)).toBe('2026-04-01');
  });

  it('takes the Hanoi date of a late-evening notification, not the UTC one', () => {
    // 23:30 on 31 March in Huế is 16:30 UTC the same day; 00:30 on 1 April is 17:30 UTC on 31 March
    expect(dueDateFor(new Date('2026-03-31T16:30:00Z'), 7)).toBe('2026-04-07');
    expect(dueDateFor(new Date('2026-03-31T17:30:00Z'), 7)).toBe('2026-04-08');
    // 06:00 in Huế on 1 January is still 31 December in UTC
    expect(dueDateFor(new Date('2026-12-31T23:00:00Z'), 7)).toBe('2027-01-08');
  });

  it('ends the deadline at local midnight after the due date', () => {
    expect(deadlineEnd('2026-04-07').toISOString()).toBe('2026-04-07T17:00:00.000Z');
    expect(deadlineEnd('2026-12-31').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(deadlineEnd('2028-02-28').toISOString()).toBe('2028-02-28T17:00:00.000Z');
  });

  it('reminds 3 days and 1 day before, and the day after the due date', () => {
    expect(reminderDue('2026-04-07', local('2026-04-03T23:59:00'))).toBe(null);
    expect(reminderDue('2026-04-07', local('2026-04-04T00:01:00'))).toBe('3d');
    expect(reminderDue('2026-04-07', local('2026-04-05T12:00:00'))).toBe(null);
    expect(reminderDue('2026-04-07', local('2026-04-06T08:00:00'))).toBe('1d');
    expect(reminderDue('2026-04-07', local('2026-04-07T23:59:00'))).toBe(null);
    expect(reminderDue('2026-04-07', local('2026-04-08T00:00:30'))).toBe('overdue');
    // across the year end
    expect(reminderDue('2027-01-02', local('2026-12-30T09:00:00'))).toBe('3d');
    expect(reminderDue('2027-01-02', local('2027-01-01T09:00:00'))).toBe('1d');
  });
});

describe('reminders through the job', () => {
  let t: TestApp;
  let dic: SignedIn;
  let a: SignedIn;
  let b: SignedIn;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    dic = await withToken(t, 'appraiser');
    a = await withToken(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-y-te' }) });
    b = await withToken(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'ubnd-phu-vang' }) });
  });
  afterAll(() => t.close());

  const reminders = async (userId: string) =>
    rowsOf<{ kind: string }>(
      await t.db.handle.db.execute(sql`SELECT kind FROM notifications WHERE user_id = ${userId} AND kind LIKE 'case.reminder.%' ORDER BY created_at`),
    ).map((r) => r.kind);
  const runTwiceAtOnce = () => Promise.all([sendCaseReminders(t.system), sendCaseReminders(t.system)]);

  it('notified at 23:30 Huế time: due 7 local days later, each reminder once though two runs race', async () => {
    t.clock.set(new Date('2026-03-31T16:30:00Z')); // 23:30 on 31 March in Huế
    const opened = await dic.client.post('/api/v1/cases', {
      title: 'Tin đồn bệnh viện Trung ương Huế ngừng tiếp nhận bệnh nhân',
      falseText: 'Bệnh viện ngừng tiếp nhận bệnh nhân từ tháng 4.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
    const notified = await dic.client.post(`/api/v1/cases/${caseId}/notifications`, { agencyIds: [a.user.agencyId, b.user.agencyId] });
    expect(notified.statusCode, notified.body).toBe(200);
    expect(notified.json().agencies.map((x: { dueDate: string }) => x.dueDate)).toEqual(['2026-04-07', '2026-04-07']);
    expect(notified.json().agencies[0].deadlineAt).toBe('2026-04-07T17:00:00.000Z');

    t.clock.set(local('2026-04-03T09:00:00'));
    expect((await runTwiceAtOnce()).reduce((n, r) => n + r.sent, 0)).toBe(0);

    t.clock.set(local('2026-04-04T09:00:00'));
    const [r1, r2] = await runTwiceAtOnce();
    expect(r1.sent + r2.sent).toBe(2); // one per agency, whichever run won
    expect(await reminders(a.user.id)).toEqual(['case.reminder.3d']);
    await runTwiceAtOnce();
    t.clock.set(local('2026-04-04T21:00:00'));
    await sendCaseReminders(t.system);
    expect(await reminders(a.user.id)).toEqual(['case.reminder.3d']);

    // agency A answers on the last minute of the due date: on time, no more reminders for it
    t.clock.set(local('2026-04-06T09:00:00'));
    await runTwiceAtOnce();
    t.clock.set(local('2026-04-07T23:59:00'));
    const material = await a.client.post(`/api/v1/cases/${caseId}/agencies/${a.user.agencyId}/material`, {
      note: 'Bệnh viện vẫn hoạt động bình thường; thông cáo báo chí kèm theo.',
    });
    expect(material.statusCode, material.body).toBe(200);
    expect(material.json().assignments.find((x: { agencyId: string }) => x.agencyId === a.user.agencyId).answeredOnTime).toBe(true);

    t.clock.set(local('2026-04-08T00:00:30'));
    const overdueView = (await dic.client.get(`/api/v1/cases/${caseId}`)).json();
    expect(overdueView.agencies.find((x: { agencyId: string }) => x.agencyId === b.user.agencyId)).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(overdueView.overdueCount).toBe(1);
    await runTwiceAtOnce();
    expect(await reminders(a.user.id)).toEqual(['case.reminder.3d', 'case.reminder.1d']);
    expect(await reminders(b.user.id)).toEqual(['case.reminder.3d', 'case.reminder.1d', 'case.reminder.overdue']);
    expect(await reminders(dic.user.id)).toEqual(['case.reminder.overdue']);
    const overdueList = (await dic.client.get('/api/v1/cases?overdue=true')).json();
    expect(overdueList.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });

  it('an extension with a reason re-arms the reminders for the new date', async () => {
    const refused = await dic.client.post(`/api/v1/cases/${caseId}/agencies/${b.user.agencyId}/extension`, {
      dueDate: '2026-04-07',
      reason: 'Chờ kết quả kiểm tra',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].code).toBe('case_due_date_not_later');
    const byAgency = await b.client.post(`/api/v1/cases/${caseId}/agencies/${b.user.agencyId}/extension`, { dueDate: '2026-04-12', reason: 'Xin gia hạn' });
    expect(byAgency.statusCode).toBe(403);
    const extended = await dic.client.post(`/api/v1/cases/${caseId}/agencies/${b.user.agencyId}/extension`, {
      dueDate: '2026-04-12',
      reason: 'Chờ kết quả kiểm tra của Sở Y tế',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    const asB = extended.json().assignments.find((x: { agencyId: string }) => x.agencyId === b.user.agencyId);
    expect(asB).toMatchObject({ dueDate: '2026-04-12', originalDueDate: '2026-04-07', overdue: false });
    expect(asB.extensions[0]).toMatchObject({ from: '2026-04-07', to: '2026-04-12', reason: 'Chờ kết quả kiểm tra của Sở Y tế' });
    t.clock.set(local('2026-04-09T08:00:00'));
    await runTwiceAtOnce();
    t.clock.set(local('2026-04-11T08:00:00'));
    await runTwiceAtOnce();
    expect(await reminders(b.user.id)).toEqual(['case.reminder.3d', 'case.reminder.1d', 'case.reminder.overdue', 'case.reminder.3d', 'case.reminder.1d']);
    const auditRows = rowsOf<{ action: string }>(await t.db.handle.db.execute(sql`SELECT action FROM audit_events WHERE target_id = ${caseId} ORDER BY seq`));
    expect(auditRows.map((r) => r.action)).toEqual(['case.open', 'case.notify', 'case.notify', 'case.status', 'case.material', 'case.extend']);
  });
  it('runs as a job of the runner: two runners racing (as those of two app processes would, over one database) send each reminder once', async () => {
    t.clock.set(local('2026-05-10T15:00:00'));
    const opened = (
      await dic.client.post('/api/v1/cases', { title: 'Tin sai về giá vé tham quan Đại Nội', falseText: 'Giá vé tăng gấp ba từ tháng 6.' })
    ).json();
    await dic.client.post(`/api/v1/cases/${opened.id}/notifications`, { agencyIds: [a.user.agencyId] });
    t.clock.set(local('2026-05-14T07:00:00')); // due 17 May: 3 days before
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
    const one = startJobs({ db: t.db.handle.db, config: t.config, clock: t.clock, log: quiet, intervalMs: 3600_000, wakeOnMedia: false });
    const two = startJobs({ db: t.db.handle.db, config: t.config, clock: t.clock, log: quiet, intervalMs: 3600_000, wakeOnMedia: false });
    await Promise.all([one.runOnce(), two.runOnce()]);
    await Promise.all([one.runOnce(), two.runOnce()]);
    one.stop();
    two.stop();
    const forCase = rowsOf<{ n: number }>(
      await t.db.handle.db.execute(
        sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${a.user.id} AND kind = 'case.reminder.3d' AND data->>'caseId' = ${opened.id}`,
      ),
    );
    expect(forCase[0].n).toBe(1);
    const status = rowsOf<{ last_error: string | null }>(await t.db.handle.db.execute(sql`SELECT last_error FROM job_status WHERE name = 'case-reminders'`));
    expect(status).toEqual([{ last_error: null }]);
  });
});

describe('reminders from two OS processes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // The embedded database belongs to one process (a second one is refused: cli.test.ts), so two
  // app processes exist only on a PostgreSQL server: run with TEST_DATABASE_URL (CI does).
  it('two processes running the reminders job at the same moment send each reminder once (PostgreSQL)', async (ctx) => {
    ctx.skip(!process.env.TEST_DATABASE_URL, NEEDS_POSTGRES);
    const dic = await withToken(t, 'appraiser');
    const agency = await fixtureAgency(t, { slug: 'so-xay-dung' });
    t.clock.set(local('2026-07-01T10:00:00'));
    const opened = (await dic.client.post('/api/v1/cases', { title: 'Tin sai về cầu Phú Xuân', falseText: 'Cầu Phú Xuân bị nứt, sắp sập.' })).json();
    await dic.client.post(`/api/v1/cases/${opened.id}/notifications`, { agencyIds: [agency] });
    await signedIn(t, 'contributor', { agencyId: agency }); // someone to remind
    const run = (clock: string, startAt: number) =>
      runScript('test/helpers/case-reminders-process.ts', [], { DATABASE_URL: t.db.url ?? '', CLOCK: clock, START_AT: String(startAt) });
    const count = async () =>
      rowsOf<{ kind: string; n: number }>(
        await t.db.handle.db.execute(
          sql`SELECT kind, count(*)::int AS n FROM notifications WHERE data->>'caseId' = ${opened.id} AND kind LIKE 'case.reminder.%' GROUP BY kind ORDER BY kind`,
        ),
      );
    // 3 days before, then 1 day before: each time both processes fire together (after ~3 s, once both are loaded)
    for (const [day, kind] of [
      ['2026-07-05T08:00:00', 'case.reminder.3d'],
      ['2026-07-07T08:00:00', 'case.reminder.1d'],
    ] as const) {
      const startAt = Date.now() + 3000;
      const [one, two] = await Promise.all([run(local(day).toISOString(), startAt), run(local(day).toISOString(), startAt)]);
      expect(one.code, one.stderr).toBe(0);
      expect(two.code, two.stderr).toBe(0);
      expect(Number(one.stdout) + Number(two.stdout)).toBe(1); // one process sent it, the other found it claimed
      expect((await count()).find((r) => r.kind === kind)?.n).toBeGreaterThan(0);
    }
    const perKind = await count();
    expect(perKind.map((r) => r.kind)).toEqual(['case.reminder.1d', 'case.reminder.3d']);
    const users = rowsOf<{ n: number }>(
      await t.db.handle.db.execute(
        sql`SELECT count(DISTINCT user_id)::int AS n FROM notifications WHERE data->>'caseId' = ${opened.id} AND kind = 'case.reminder.3d'`,
      ),
    )[0].n;
    expect(perKind.every((r) => r.n === users)).toBe(true); // one notification per person and reminder
  }, 60_000);
});

describe('CASE_RESPONSE_DAYS', () => {
  it('sets the days an agency has, and clients read it from /meta', async () => {
    const t = await createTestApp({ CASE_RESPONSE_DAYS: '10' });
    try {
      const dic = await withToken(t, 'appraiser');
      const agency = await fixtureAgency(t, { slug: 'so-tai-nguyen' });
      expect((await dic.client.get('/api/v1/meta')).json().caseResponseDays).toBe(10);
      t.clock.set(local('2026-12-28T10:00:00'));
      const opened = (await dic.client.post('/api/v1/cases', { title: 'Tin sai về lũ lụt', falseText: 'Đập thủy điện sắp vỡ.' })).json();
      const notified = (await dic.client.post(`/api/v1/cases/${opened.id}/notifications`, { agencyIds: [agency] })).json();
      expect(notified.assignments[0].dueDate).toBe('2027-01-07');
    } finally {
      await t.close();
    }
  });
});
