// Webhooks in the admin app: a DIC appraiser (first sign-in: password change and TOTP) registers a
// webhook to a receiver on loopback (the operator allows internal targets here), sees its signing
// secret once, sends a ping, unpublishes an item so a change is delivered, opens the delivery log
// with the body sent and redelivers it; in Vietnamese and English. axe-core checks the page; with
// SHOTS_DIR set it is photographed at 1280 and 390 px in both languages.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { verifySignature } from '../../src/modules/webhooks/signature.js';
import { adminSession, signInDemoAccount } from './support/accounts.js';
import { launchBrowser, seriousA11yViolations, settled, shootAtWidths, watchPageProblems } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: TestServer;
let receiver: Server;
let hookUrl: string;
const received: Received[] = [];
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const SHOTS_DIR = process.env.SHOTS_DIR;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/ttdn`;
  // deliveries go out on the job runner's tick: every 2 s here instead of 30
  server = await startServer({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', JOBS_INTERVAL_SECONDS: '2' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problems = watchPageProblems(page);
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  await new Promise((r) => receiver?.close(r));
});

const shoot = (name: string) => shootAtWidths(page, SHOTS_DIR, name);

/** Clicks the log's refresh button until `target` shows (the dispatcher and sender run every 30 s). */
async function refreshUntil(target: Locator, refreshName: string, timeoutMs = 75_000) {
  await expect
    .poll(
      async () => {
        if (await target.isVisible()) return true;
        await page.getByTestId('deliveries-log').getByRole('button', { name: refreshName }).click();
        return target.isVisible();
      },
      { timeout: timeoutMs, interval: 1_000 },
    )
    .toBe(true);
}

describe('webhooks', () => {
  it('a DIC appraiser registers a webhook, sees the secret once, pings, sees a delivery and redelivers it', async () => {
    // someone else's webhook: the DIC sees it, read only
    const admin = await adminSession(server);
    await admin('POST', '/api/v1/webhooks', { url: 'https://newsroom.example.vn/hooks/ttdn', events: ['published'], description: 'Toà soạn' });
    await signInDemoAccount(page, server, 'so-van-hoa-the-thao', 'Cầu Trường Tiền sáu vài mười hai nhịp 1899', { twoFactor: true });

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Webhook' }).click();
    await page.getByRole('heading', { name: 'Webhook', level: 1 }).waitFor();
    const others = page.getByTestId('webhook-card').filter({ hasText: 'https://newsroom.example.vn/hooks/ttdn' });
    await others.getByText('Chỉ xem').waitFor();
    expect(await others.getByRole('button').allTextContents()).toEqual(['Nhật ký gửi']);

    // register: URL, events (all checked by default), description; the secret is shown once
    await page.getByRole('button', { name: 'Thêm webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm webhook' });
    await dialog.getByRole('textbox', { name: 'Địa chỉ nhận (URL)' }).fill(hookUrl);
    for (const e of ['Đăng mới', 'Cập nhật', 'Gỡ xuống', 'Xóa']) expect(await dialog.getByRole('checkbox', { name: e }).isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Mô tả' }).fill('Cổng tin tức của Sở');
    await settled(page);
    expect(await seriousA11yViolations(page), 'axe (form)').toEqual([]);
    await shoot('webhooks-form-vi');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    const secret = ((await page.getByTestId('webhook-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText('Sau khi đóng màn hình này, bạn sẽ không xem lại được.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sao chép: Khóa ký (secret)' }).waitFor();
    await settled(page); // the dialog's fade-in, which axe would read as low contrast
    expect(await seriousA11yViolations(page), 'axe (secret)').toEqual([]);
    await shoot('webhooks-secret-vi');
    await page.getByTestId('secret-done').click();
    const card = page.getByTestId('webhook-card').filter({ hasText: hookUrl });
    await card.getByTestId('webhook-state').getByText('Đang hoạt động').waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    await page.reload();
    await card.waitFor();
    expect(await page.content()).not.toContain(secret);

    // ping: the receiver's answer is shown; the request verifies with the secret shown at creation
    await card.getByRole('button', { name: 'Gửi thử' }).click();
    await card.getByTestId('ping-result').getByText('Hệ thống nhận đã trả lời 204.').waitFor();
    const ping = received.find((r) => JSON.parse(r.body).type === 'ping')!;
    const ts = Number(ping.headers['webhook-timestamp']);
    expect(verifySignature(secret, String(ping.headers['webhook-signature']), ts, ping.body, ts)).toBe(true);

    // a change: the appraiser unpublishes a public item (through the API, with this session)
    const versionId = await page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const list = (await (await fetch('/api/v1/published?limit=1')).json()) as { items: Array<{ id: string }> };
      const id = list.items[0].id;
      const res = await fetch(`/api/v1/item-versions/${id}/transitions/unpublish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: '{}',
      });
      if (!res.ok) throw new Error(`unpublish: ${res.status} ${await res.text()}`);
      return id;
    });

    await card.getByRole('button', { name: 'Nhật ký gửi' }).click();
    const row = page.getByTestId('delivery-row').first();
    await refreshUntil(row.getByTestId('delivery-status').getByText('Đã gửi'), 'Tải lại');
    const delivered = received.filter((r) => JSON.parse(r.body).type === 'change');
    expect(delivered).toHaveLength(1);
    expect(JSON.parse(delivered[0].body)).toMatchObject({ event: 'unpublished', versionId });
    await row.getByRole('button', { name: 'Xem nội dung' }).click();
    await page.getByTestId('delivery-body').getByText(versionId, { exact: false }).waitFor();
    expect(await seriousA11yViolations(page), 'axe (vi)').toEqual([]);
    await shoot('webhooks-vi');

    // redeliver: confirmed, queued, sent again with the same Webhook-Id
    await row.getByRole('button', { name: /^Gửi lại: #\d+$/ }).click();
    await page.getByRole('dialog').getByTestId('confirm-action').click();
    await page.getByText('Đã đưa lần gửi vào hàng đợi; sẽ gửi trong vòng một phút.').waitFor();
    await row.getByTestId('delivery-status').getByText('Đang chờ').waitFor();
    await refreshUntil(row.getByTestId('delivery-status').getByText('Đã gửi'), 'Tải lại');
    const again = received.filter((r) => JSON.parse(r.body).type === 'change');
    expect(again).toHaveLength(2);
    expect(again[1].headers['webhook-id']).toBe(again[0].headers['webhook-id']);
    expect(again[1].body).toBe(again[0].body);

    // English
    await page.evaluate(() => localStorage.setItem('ttdn.admin.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await card.getByTestId('webhook-state').getByText('Active').waitFor();
    await card.getByRole('button', { name: 'Delivery log' }).click();
    await page.getByTestId('delivery-row').first().getByTestId('delivery-status').getByText('Delivered').waitFor();
    await page.getByTestId('delivery-row').first().getByRole('button', { name: 'Show body' }).click();
    await card.getByRole('button', { name: 'Send ping' }).click();
    await card.getByTestId('ping-result').getByText('The receiver answered 204.').waitFor();
    expect(await seriousA11yViolations(page), 'axe (en)').toEqual([]);
    await shoot('webhooks-en');

    // pause and resume; rotation asks first and shows the new secret once
    await card.getByRole('button', { name: 'Pause' }).click();
    await card.getByTestId('webhook-state').getByText('Paused').waitFor();
    await card.getByRole('button', { name: 'Resume' }).click();
    await card.getByTestId('webhook-state').getByText('Active').waitFor();
    await card.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByTestId('confirm-action').click();
    const rotated = ((await page.getByTestId('webhook-secret').textContent()) ?? '').trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByTestId('secret-done').click();
    expect(problems).toEqual([]);
  });
});
