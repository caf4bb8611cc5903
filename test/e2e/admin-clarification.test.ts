// A clarification's claim in the admin app: a contributor of the Department of Tourism writes a
// clarification with the false information it answers (rating, first seen, who spread it, the
// statement in the source language, where it appeared: a row added and removed, an empty one that
// is dropped, a wrong address refused next to its row); the draft reads back as saved; adding the
// English version asks for the statement in English too, and submitting that version without it
// is refused next to the statement on the translation's page. Enter in a date field does not send
// the form. axe-core checks the editor with the claim.
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
let problems: string[] = [];

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

const field = (name: string) => page.getByRole('textbox', { name, exact: true });

async function choose(combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('a clarification and its claim', () => {
  const title = 'Làm rõ tin đồn cầu Trường Tiền đóng cửa vĩnh viễn';
  const statement = 'Cầu Trường Tiền đóng cửa vĩnh viễn từ tháng 11/2026.';
  let creates = 0;

  it('the contributor signs in and opens a new item', async () => {
    await signInDemoAccount(page, server, 'so-du-lich', 'Cầu Trường Tiền sáu vài mười hai nhịp 2026', { twoFactor: false });
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/items') creates++;
    });
    await page.getByRole('link', { name: 'Thêm tin, bài' }).first().click();
    await page.getByRole('heading', { name: 'Thêm tin, bài', level: 1 }).waitFor();
    // Only clarifications have a claim.
    expect(await page.getByTestId('claim-fields').count()).toBe(0);
    await choose('Loại', 'Thông tin làm rõ');
    await page.getByRole('group', { name: 'Thông tin được làm rõ' }).waitFor();
  });

  it('Enter in a date field does not send the form', async () => {
    await field('Tiêu đề').fill(title);
    // A form's submission by Enter is a `submit` event, dispatched while the key is handled: counted
    // in the page, it is known once the key press returns (the POST it would lead to comes later).
    await page.evaluate(() => {
      (window as unknown as { submits: number }).submits = 0;
      document.addEventListener('submit', () => (window as unknown as { submits: number }).submits++, true);
    });
    const submits = () => page.evaluate(() => (window as unknown as { submits: number }).submits);
    const date = page.getByLabel('Ngày phát hiện lần đầu');
    await date.fill('2911');
    await date.press('Enter');
    await page.getByText('Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.').waitFor();
    await date.fill('29/10/2026');
    await date.press('Enter');
    await settled(page);
    expect(await submits()).toBe(0);
    expect(creates).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/admin/items/new');
  });

  it('writes the claim: rating, statement, who spread it and where it appeared', async () => {
    await choose('Mức độ sai lệch', 'Xuyên tạc');
    await field('Nội dung thông tin sai lệch (Tiếng Việt)').fill(statement);
    await field('Người, trang hoặc tài khoản lan truyền').fill('Trang “Huế 24h”');
    const add = page.getByRole('button', { name: 'Thêm nơi xuất hiện' });
    await add.click();
    // The new row's address has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('claim-appearance-url');
    await page.keyboard.type('https://social.example/posts/1');
    await field('Nền tảng 1').fill('Facebook');
    await add.click();
    await field('Địa chỉ (URL) 2').fill('https://to-remove.example/');
    await page.getByRole('button', { name: 'Xóa nơi xuất hiện 2' }).click();
    expect(await page.getByTestId('claim-appearance').count()).toBe(1);
    await add.click();
    await field('Địa chỉ (URL) 2').fill('ftp://video.example/v/2');
    await add.click(); // left empty: dropped on saving
    expect(await seriousA11yViolations(page), 'axe on the new clarification').toEqual([]);

    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByTestId('claim-fields').getByText('Địa chỉ phải bắt đầu bằng http:// hoặc https://.').waitFor();
    expect(creates).toBe(0);
    await field('Địa chỉ (URL) 2').fill('https://video.example/v/2');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  });

  it('reads the draft back as saved', async () => {
    const id = /\/admin\/items\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    const saved = await page.evaluate(
      async (versionId) => (await (await fetch(`/api/v1/item-versions/${versionId}`)).json()) as { metadata: { claim?: unknown } },
      id,
    );
    expect(saved.metadata.claim).toEqual({
      statement: { vi: statement },
      rating: 'distorted',
      claimant: 'Trang “Huế 24h”',
      firstSeen: '2026-10-29',
      appearances: [{ url: 'https://social.example/posts/1', platform: 'Facebook' }, { url: 'https://video.example/v/2' }],
    });
    await page.reload();
    await page.getByTestId('claim-fields').waitFor();
    expect(await page.getByRole('combobox', { name: 'Mức độ sai lệch', exact: true }).inputValue()).toBe('Xuyên tạc');
    expect(await page.getByLabel('Ngày phát hiện lần đầu').inputValue()).toBe('29/10/2026');
    expect(await field('Nội dung thông tin sai lệch (Tiếng Việt)').inputValue()).toBe(statement);
    expect(await page.getByTestId('claim-appearance-url').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'https://social.example/posts/1',
      'https://video.example/v/2',
    ]);
    expect(await seriousA11yViolations(page), 'axe on the clarification editor').toEqual([]);
  });

  it('the English version needs the statement in English, asked for where it is shown', async () => {
    await page.getByRole('button', { name: 'Thêm bản dịch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm bản dịch' });
    await dialog.getByRole('combobox', { name: 'Ngôn ngữ' }).click();
    await page.getByRole('option', { name: 'Tiếng Anh', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Tiêu đề bản dịch' }).fill('Clarification: the Truong Tien bridge is not closed');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByRole('heading', { name: 'Clarification: the Truong Tien bridge is not closed', level: 1 }).waitFor();

    const claim = page.getByTestId('claim-view');
    await claim.getByText('Xuyên tạc').waitFor();
    await field('Tóm tắt').fill('The bridge is open.');
    await field('Nội dung').fill('<p>The Truong Tien bridge is open as usual.</p>');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu phiên bản số 2.').waitFor();
    await page.getByTestId('status-panel').getByRole('button', { name: 'Gửi thẩm định' }).click();
    const submit = page.getByRole('dialog');
    await submit.getByRole('checkbox').check();
    await submit.getByTestId('confirm-submit').click();
    await submit.waitFor({ state: 'hidden' });
    await claim.getByTestId('claim-view-statement-en').getByText('Trường này là bắt buộc.').waitFor();
    expect(await seriousA11yViolations(page), 'axe on the translation with its claim').toEqual([]);

    // The source's editor now has a statement field for English as well.
    await page.getByTestId('lang-vi').click();
    await field('Nội dung thông tin sai lệch (Tiếng Anh)').waitFor();
    expect(problems).toEqual([]);
  });
});
