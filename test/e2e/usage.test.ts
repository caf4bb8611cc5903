// API usage in the admin app: an API client registered by the administrator, a person and an
// anonymous address call the API; a DIC appraiser (first sign-in: password change and TOTP) opens
// "API usage" and finds each caller with its counters, the client's terms-of-use acceptance, the
// agencies and the totals, in Vietnamese and English. axe-core checks the page; with SHOTS_DIR set
// it is photographed at 1280 and 390 px in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminSession, signInDemoAccount } from './support/accounts.js';
import { launchBrowser, seriousA11yViolations, shootAtWidths, watchPageProblems } from './support/browser.js';
import type { TestServer } from './support/server.js';
import { sharedServer } from './support/shared-server.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const SHOTS_DIR = process.env.SHOTS_DIR;
const CLIENT_NAME = 'Cổng thông tin du lịch Huế';

beforeAll(async () => {
  server = sharedServer();
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
});

const shoot = (name: string) => shootAtWidths(page, SHOTS_DIR, name);

describe('API usage', () => {
  it('counts a client’s, a person’s and an anonymous address’s requests', async () => {
    const admin = await adminSession(server);
    const agencies = (await admin('GET', '/api/v1/agencies')) as { items: Array<{ id: string; slug: string }> };
    const agency = agencies.items.find((a) => a.slug !== 'so-van-hoa-the-thao')!;
    const created = (await admin('POST', '/api/v1/api-clients', { name: CLIENT_NAME, agencyId: agency.id, scopes: ['read:public'], acceptTerms: true })) as {
      client: { clientId: string };
      clientSecret: string;
    };
    const token = await fetch(`${server.origin}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: created.clientSecret }).toString(),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.origin}/api/v1/agencies`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('1200');
      await res.arrayBuffer();
    }
    expect((await fetch(`${server.origin}/api/v1/item-versions/00000000-0000-4000-8000-000000000000/published`)).status).toBe(404);
    // Counters reach the database on the recorder's next flush (USAGE_FLUSH_SECONDS=1): wait for
    // the report to show the client's six requests, or the page below could load before them.
    await expect
      .poll(async () => {
        const report = (await admin('GET', '/api/v1/usage')) as { principals: Array<{ name: string; totals: { requests: number } }> };
        return report.principals.find((p) => p.name === CLIENT_NAME)?.totals.requests ?? 0;
      })
      .toBe(6);
  });

  it('a DIC appraiser sees every caller with its counters, the terms acceptance and the totals', async () => {
    await signInDemoAccount(page, server, 'so-van-hoa-the-thao', 'Lăng Tự Đức giữa rừng thông Dương Xuân 1867', { twoFactor: true });

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sử dụng API' }).click();
    await page.getByRole('heading', { name: 'Tình hình sử dụng API', level: 1 }).waitFor();
    const clientRow = page.getByTestId('usage-principals').getByRole('row').filter({ hasText: CLIENT_NAME });
    await clientRow.waitFor();
    // six reads of the agencies list: 6 requests, none of them items
    const cells = await clientRow.getByRole('cell').allTextContents();
    expect(cells.slice(2, 5)).toEqual(['6', '0', '0']);
    expect(await clientRow.textContent()).toMatch(/Phiên bản 2026-\d+, chấp nhận \d{2}\/\d{2}\/\d{4}/);
    const anonymousRow = page.getByTestId('usage-principals').getByRole('row').filter({ hasText: 'IP ẩn danh' }).first();
    await anonymousRow.waitFor();
    await page.getByTestId('usage-agencies').getByRole('rowheader', { name: 'Truy cập ẩn danh' }).waitFor();
    await page.getByTestId('usage-days').getByRole('rowheader', { name: 'Tổng' }).waitFor();
    expect(await seriousA11yViolations(page), 'axe (vi)').toEqual([]);
    await shoot('usage-vi');

    await page.evaluate(() => localStorage.setItem('ttdn.admin.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'API usage', level: 1 }).waitFor();
    await page
      .getByTestId('usage-principals')
      .getByRole('row')
      .filter({ hasText: CLIENT_NAME })
      .getByText(/^Version 2026-\d+, accepted \d{2} \w{3} \d{4}/)
      .waitFor();
    await page.getByTestId('usage-agencies').getByRole('rowheader', { name: 'Anonymous access' }).waitFor();
    expect(await seriousA11yViolations(page), 'axe (en)').toEqual([]);
    await shoot('usage-en');
    expect(problems).toEqual([]);
  });
});
