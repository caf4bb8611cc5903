// Notification e-mails through a real SMTP exchange with a local test server (smtp-server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestApp, fixtureAgency, signedIn, type TestApp } from '../../../test/helpers/app.js';
import { completeItem, DECLARE, topicIds } from '../../../test/helpers/content.js';
import { startJobs } from '../../jobs/runner.js';

let t: TestApp;
let smtp: SMTPServer;
const received: Array<{ to: string[]; raw: string }> = [];
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (d) => (raw += d));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '') }); // undo quoted-printable soft breaks
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test', SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'TTDN <ttdn@example.test>' });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe('notification e-mails', () => {
  it('e-mails a submission to the appraisers, once, with a link to the admin app', async () => {
    const topic = (await topicIds(t))['tong-quan'];
    const c = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-du-lich' }) });
    const a = await signedIn(t, 'appraiser');
    const v = (await c.client.post('/api/v1/items', completeItem(topic, { title: 'Bài gửi qua thư' }))).json();
    await c.client.post(`/api/v1/item-versions/${v.id}/transitions/submit`, DECLARE);
    const jobs = startJobs({ db: t.db.handle.db, config: t.config, clock: t.clock, log: quiet, intervalMs: 3600_000 });
    await jobs.runOnce();
    await jobs.runOnce(); // a second run sends nothing again
    jobs.stop();
    // (the appraiser's agency also gets a freshness reminder: it has no items yet)
    const toAppraiser = received.filter((m) => m.to.includes(`${a.user.username}@example.test`) && m.raw.includes(`/admin/items/${v.id}`));
    expect(received.some((m) => m.raw.includes('/admin/freshness'))).toBe(true);
    expect(toAppraiser).toHaveLength(1);
    expect(toAppraiser[0].raw).toContain('From: TTDN <ttdn@example.test>');
    expect(toAppraiser[0].raw).toContain(`https://ttdn.test/admin/items/${v.id}`);
    expect(toAppraiser[0].raw).toMatch(/Subject: =\?UTF-8\?|Subject: \[TTDN\]/);
  });
});
