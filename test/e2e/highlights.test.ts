// Portal highlights, chosen by a DIC appraiser in the admin app from the demo data: the appraiser
// (first sign-in: password change and TOTP) adds two public published items from the search,
// reorders them with the keyboard (the move is announced), saves, and the portal's home shows them
// first in that order; the switch on an item's page adds a third; a refusal of the server (an item
// taken offline meanwhile) is shown on its row. axe-core checks the page. With SHOTS_DIR set, the
// page is photographed at 1280 and 390 px in Vietnamese and English.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signInDemoAccount } from './support/accounts.js';
import { launchBrowser, seriousA11yViolations, settled, watchPageProblems } from './support/browser.js';
import type { TestServer } from './support/server.js';
import { sharedServer } from './support/shared-server.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[][] = [];

const SHOTS_DIR = process.env.SHOTS_DIR;
const DAI_NOI = 'Đại Nội Huế mở cửa đón khách tham quan về đêm';
const KIM_LONG = 'Phường Kim Long ra mắt tuyến du lịch nhà vườn ven sông Hương';
const JAPAN = 'Đoàn doanh nghiệp Nhật Bản tìm hiểu cơ hội đầu tư tại Huế';

beforeAll(async () => {
  server = sharedServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problems.push(watchPageProblems(page));
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

const rows = () => page.getByTestId('highlights-list').getByTestId('highlight-row');
const order = () => rows().evaluateAll((els) => els.map((el) => el.querySelector('[data-testid="highlight-title"]')?.textContent ?? ''));

/** A button's name: its visible label, then (for screen readers) the item's title. */
const labelled = (label: string, title: string) => new RegExp(`^${label}\\s*:\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

async function expectAccessible(p: Page, name: string) {
  expect(await seriousA11yViolations(p), `axe on ${name}`).toEqual([]);
}

async function addFromSearch(words: string, title: string) {
  await page.getByTestId('highlights-search').fill(words);
  const result = page.getByTestId('highlight-result').filter({ hasText: title });
  await result.waitFor();
  await result.getByRole('button', { name: labelled('Thêm', title) }).click();
  await result.getByRole('button', { name: labelled('Đã chọn', title) }).waitFor();
}

async function shoot(name: string) {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  // The toasts of earlier steps would hide the top of the page.
  const toasts = page.locator('.mantine-Notification-root');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++)
    await toasts
      .first()
      .getByRole('button')
      .click({ timeout: 2000 })
      .catch(() => {});
  await toasts.first().waitFor({ state: 'detached' });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await settled(page);
    await page.screenshot({ path: join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true });
    // Close-ups, readable at their size.
    await page.getByTestId('highlights-panel').screenshot({ path: join(SHOTS_DIR, `${name}-${width}-list.png`) });
    await page.getByTestId('highlights-add').screenshot({ path: join(SHOTS_DIR, `${name}-${width}-add.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow of ${name} at ${width}px`).toBeLessThanOrEqual(1);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** One part of the page as it is now, at 1280 px. */
async function shootPart(testId: string, name: string) {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.getByTestId(testId).screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
}

describe('portal highlights', () => {
  it('the appraiser signs in for the first time (password, TOTP) and opens the highlights', async () => {
    await signInDemoAccount(page, server, 'so-van-hoa-the-thao', 'Sen Tịnh Tâm nở rộ bên hồ Kinh thành 1838', { twoFactor: true });

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nổi bật trên cổng thông tin' }).click();
    await page.getByRole('heading', { name: 'Nổi bật trên cổng thông tin', level: 1 }).waitFor();
    await page.getByTestId('highlights-note').getByText('Trang chủ hiển thị tối đa 12 tin, bài nổi bật.').waitFor();
    await page.getByText('Chưa có tin, bài nổi bật nào').waitFor();
    await page.getByTestId('highlights-results').waitFor();
    await expectAccessible(page, 'highlights (empty)');
  });

  it('adds two public published items from the search; shared ones are not offered', async () => {
    // The press photos are published for the agencies only (shared): not for the portal.
    await page.getByTestId('highlights-search').fill('"Nam Giao"');
    await page.getByText('Không có tin, bài đã công bố công khai nào phù hợp.').waitFor();
    await addFromSearch('dai noi', DAI_NOI);
    await addFromSearch('Kim Long', KIM_LONG);
    expect(await order()).toEqual([DAI_NOI, KIM_LONG]);
    await page.getByTestId('highlights-unsaved').waitFor();
    expect(await page.getByTestId('highlights-count').textContent()).toBe('2/12 tin, bài');
    // Each row links to the item in the admin app and to its public page.
    const first = rows().first();
    expect(await first.getByRole('link', { name: DAI_NOI, exact: true }).getAttribute('href')).toMatch(/^\/admin\/items\/[0-9a-f-]{36}$/);
    const itemId = await first.getAttribute('data-item-id');
    expect(await first.getByRole('link', { name: /Xem trên cổng thông tin/ }).getAttribute('href')).toBe(`/vi/items/${itemId}`);
  });

  it('reorders with the keyboard: the move is announced and the focus stays on the item', async () => {
    const up = page.getByRole('button', { name: `Chuyển lên: ${KIM_LONG}` });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual([KIM_LONG, DAI_NOI]);
    await page
      .getByRole('status')
      .filter({ hasText: `Đã chuyển ${KIM_LONG} đến vị trí 1/2.` })
      .waitFor({ state: 'attached' });
    // At the top its "up" button is off: the focus moves to its "down" one.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Chuyển xuống: ${KIM_LONG}`);
    await expectAccessible(page, 'highlights (unsaved changes)');
  });

  it('saves, and the portal home shows them first, in that order', async () => {
    await page.getByTestId('save-highlights').click();
    await page.getByText('Đã lưu danh sách nổi bật; trang chủ cổng thông tin đã được cập nhật.').waitFor();
    await page.getByTestId('highlights-unsaved').waitFor({ state: 'detached' });
    expect(await order()).toEqual([KIM_LONG, DAI_NOI]);
    await expectAccessible(page, 'highlights (saved)');

    const portal = await browser.newPage();
    try {
      await portal.goto(`${server.origin}/vi/`);
      // The first section after the search box is "Nổi bật", with the two items in order.
      expect(await portal.locator('main section h2').first().textContent()).toBe('Nổi bật');
      const titles = await portal.locator('section[aria-labelledby="highlights"] .card h3').allTextContents();
      expect(titles).toEqual([KIM_LONG, DAI_NOI]);
    } finally {
      await portal.close();
    }
  });

  it('the switch on an item adds it at the end of the highlights', async () => {
    await page.getByTestId('highlights-search').fill('Nhat Ban');
    const result = page.getByTestId('highlight-result').filter({ hasText: JAPAN });
    await result.getByRole('link', { name: JAPAN, exact: true }).click();
    await page.getByRole('heading', { name: JAPAN, level: 1 }).waitFor();
    const toggle = page.getByTestId('highlight-toggle').getByRole('switch', { name: 'Nổi bật trên trang chủ' });
    expect(await toggle.isChecked()).toBe(false);
    // By keyboard, as a switch is used.
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.getByText('Đã đưa tin, bài lên mục Nổi bật của trang chủ.').waitFor();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByTestId('highlight-toggle').getByText('Đang ở vị trí 3/3 trong mục "Nổi bật" của trang chủ cổng thông tin.').waitFor();
    await expectAccessible(page, 'item with the highlight switch');
    await shootPart('status-panel', 'item-switch-vi-1280');

    await page.getByTestId('highlight-toggle').getByRole('link', { name: 'Sắp xếp danh sách nổi bật' }).click();
    await page.getByRole('heading', { name: 'Nổi bật trên cổng thông tin', level: 1 }).waitFor();
    await expect.poll(order).toEqual([KIM_LONG, DAI_NOI, JAPAN]);
  });

  it('shows the server refusal on its row when an item went offline meanwhile', async () => {
    const japanRow = rows().filter({ hasText: JAPAN });
    const adminHref = (await japanRow.getByRole('link', { name: JAPAN, exact: true }).getAttribute('href'))!;
    // Unsaved change here...
    await page.getByRole('button', { name: `Chuyển lên: ${JAPAN}` }).click();
    await expect.poll(order).toEqual([KIM_LONG, JAPAN, DAI_NOI]);
    // ...while the item is taken offline in another tab (its source: the translations go too).
    const other = await context.newPage();
    problems.push(watchPageProblems(other));
    try {
      await other.goto(`${server.origin}${adminHref}`);
      await other.getByRole('heading', { name: JAPAN, level: 1 }).waitFor();
      await other.getByTestId('wf-unpublish').click();
      await other.getByRole('dialog').getByTestId('confirm-action').click();
      await other.getByText('Đã gỡ bản Tiếng Việt.').waitFor();
    } finally {
      await other.close();
    }

    await page.getByTestId('save-highlights').click();
    const refused = rows().nth(1);
    await refused.getByTestId('highlight-error').getByText('Tin, bài này không còn bản công bố công khai: hãy bỏ khỏi danh sách rồi lưu lại.').waitFor();
    await page.getByTestId('error-alert').getByText('Danh sách chưa được lưu: xem các tin, bài được đánh dấu đỏ.').waitFor();
    await expectAccessible(page, 'highlights (refused)');
    await shootPart('highlights-panel', 'highlights-refused-vi-1280');
    await refused.getByRole('button', { name: `Bỏ khỏi danh sách nổi bật: ${JAPAN}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã bỏ ${JAPAN} khỏi danh sách.` })
      .waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Bỏ khỏi danh sách nổi bật: ${DAI_NOI}`);
    await page.getByTestId('save-highlights').click();
    await page.getByText('Đã lưu danh sách nổi bật; trang chủ cổng thông tin đã được cập nhật.').waitFor();
    expect(await order()).toEqual([KIM_LONG, DAI_NOI]);
    // Offline now: no longer offered (the search still finds others that name Japan).
    await page.getByTestId('highlights-search').fill('Nhat Ban');
    await page.getByTestId('highlight-result').filter({ hasText: 'Sinh viên quốc tế đến Huế học tiếng Việt và văn hóa Việt Nam' }).waitFor();
    await expect.poll(() => page.getByTestId('highlight-result').filter({ hasText: JAPAN }).count()).toBe(0);
  });

  it('in Vietnamese and English, at desktop and phone widths', async () => {
    // An unsaved addition, so the pictures show every part of the page.
    await addFromSearch('dau tu ha tang so', 'Hội nghị xúc tiến đầu tư vào hạ tầng số và đô thị thông minh');
    await page.getByTestId('highlights-search').fill('');
    await shoot('highlights-vi');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'Portal highlights', level: 1 }).waitFor();
    await page.getByTestId('highlights-note').getByText('The home page shows at most 12 highlights.').waitFor();
    // Titles in the UI language, the unsaved one too (the search found its English version).
    await expect
      .poll(order)
      .toEqual([
        'Kim Long ward launches a garden-house trail along the Perfume River',
        'Hue Imperial City opens to visitors at night',
        'Investment promotion conference on digital infrastructure and smart city',
      ]);
    await expectAccessible(page, 'highlights in English');
    await shoot('highlights-en');
    await page.getByRole('button', { name: 'Undo changes' }).click();
    await expect.poll(order).toEqual(['Kim Long ward launches a garden-house trail along the Perfume River', 'Hue Imperial City opens to visitors at night']);
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'Nổi bật trên cổng thông tin', level: 1 }).waitFor();
  });

  it('met no CSP violation or page error on the way', () => {
    expect(problems.flat()).toEqual([]);
  });
});
