// The appraisal journey, with two people at two browsers: a contributor of the Department of
// Tourism writes a bilingual article and submits the Vietnamese version; a DIC appraiser (first
// sign-in: password change and TOTP) finds it in the queue and returns it with a comment; the
// contributor sees the notification and the comment, fixes and resubmits; the appraiser approves
// it with the Art. 6.4 checklist and it is published with its content hash; then the English
// translation goes the same way. axe-core checks the list, the editor, the queue and the
// appraisal screen; the public API serves both published versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signInDemoAccount } from './support/accounts.js';
import { launchBrowser, seriousA11yViolations, watchPageProblems } from './support/browser.js';
import type { TestServer } from './support/server.js';
import { sharedServer } from './support/shared-server.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The contributor's browser and the appraiser's. */
let author: Page;
let appraiser: Page;
/** CSP violations and page errors, per page. */
const problemsOf: string[][] = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problemsOf.push(watchPageProblems(page));
  return page;
}

beforeAll(async () => {
  server = sharedServer();
  browser = await launchBrowser();
  author = await newPage();
  appraiser = await newPage();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page, name: string) {
  const violations = await seriousA11yViolations(page);
  expect(violations, `axe on ${name}`).toEqual([]);
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

async function choose(page: Page, combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function submitWithDeclaration(page: Page) {
  await page.getByTestId('status-panel').getByRole('button', { name: 'Gửi thẩm định' }).click();
  const dialog = page.getByRole('dialog');
  // The declaration is mandatory.
  await dialog.getByTestId('confirm-submit').click();
  await dialog.getByText('Cần đánh dấu lời cam đoan trước khi gửi.').waitFor();
  await dialog.getByRole('checkbox', { name: 'Tôi cam đoan nội dung này không chứa bí mật nhà nước (Điều 4 khoản 6).' }).check();
  await dialog.getByTestId('confirm-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByTestId('status-panel').textContent()).toContain('Chờ thẩm định');
}

async function approveWithChecklist(page: Page) {
  const form = page.getByRole('form', { name: 'Duyệt' });
  // Nothing ticked: each check is required.
  await form.getByRole('button', { name: 'Duyệt' }).click();
  expect(await form.getByText('Cần xác nhận mục này trước khi duyệt.').count()).toBe(4);
  for (const check of [
    'Bảo đảm quyền tác giả, quyền sở hữu trí tuệ',
    'Thông tin chính xác',
    'Không gây hại đến lợi ích của Nhà nước, quyền và lợi ích hợp pháp của tổ chức, cá nhân',
    'Không chứa bí mật nhà nước',
  ]) {
    await form.getByRole('checkbox', { name: check }).check();
  }
  await form.getByRole('button', { name: 'Duyệt' }).click();
  // Back to the queue once decided.
  await page.getByRole('heading', { name: 'Hàng chờ thẩm định', level: 1 }).waitFor();
}

async function openFromQueue(page: Page, title: string) {
  await nav(page).getByRole('link', { name: 'Hàng chờ thẩm định' }).click();
  await page.getByRole('heading', { name: 'Hàng chờ thẩm định', level: 1 }).waitFor();
  // Already on the queue after the last decision: fetch it again.
  await page.getByRole('button', { name: 'Làm mới' }).click();
  const link = page.getByTestId('queue-table').getByRole('link', { name: title, exact: true });
  await link.waitFor();
  return link;
}

const HEX64 = /^[0-9a-f]{64}$/;

describe('appraisal journey', () => {
  const authorPassword = 'Thuyền rồng xuôi dòng Hương Giang 2026';
  const appraiserPassword = 'Nhã nhạc cung đình vang trong Đại Nội 1993';
  const viTitle = 'Làng nghề nón lá Phú Cam mở cửa đón du khách quốc tế';
  const enTitle = 'Phu Cam conical hat village welcomes international visitors';
  const comment = 'Đề nghị bổ sung số hộ làm nghề và sửa lại phần tóm tắt cho rõ.';
  let viId = '';
  let enId = '';

  it('the contributor signs in, changes the password and opens the items list', async () => {
    await signInDemoAccount(author, server, 'so-du-lich', authorPassword, { twoFactor: false });
    const menu = nav(author);
    for (const entry of ['Tin, bài và tài liệu', 'Nhập dữ liệu hàng loạt', 'Tìm kiếm', 'Tình hình cập nhật'])
      await menu.getByRole('link', { name: entry }).waitFor();
    // Appraisal and the taxonomy are the DIC's.
    expect(await menu.getByRole('link', { name: 'Hàng chờ thẩm định' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Danh mục chủ đề' }).count()).toBe(0);

    await menu.getByRole('link', { name: 'Tin, bài và tài liệu' }).click();
    await author.getByRole('heading', { name: 'Tin, bài và tài liệu', level: 1 }).waitFor();
    await author.getByTestId('items-table').waitFor();
    await expectAccessible(author, 'items list');
  });

  it('creates a Vietnamese article with all the required metadata', async () => {
    await author.getByRole('link', { name: 'Thêm tin, bài' }).click();
    await author.getByRole('heading', { name: 'Thêm tin, bài', level: 1 }).waitFor();
    await field(author, 'Tiêu đề').fill(viTitle);
    await field(author, 'Tóm tắt').fill('Làng nghề nón lá Phú Cam đón đoàn khách quốc tế đầu tiên.');
    await field(author, 'Nội dung').fill(
      '<p>Làng nghề nón lá <strong>Phú Cam</strong> bên bờ sông An Cựu mở cửa cho khách tham quan.</p><p>Du khách được tự tay chằm nón.</p>',
    );
    // The preview is sanitised and rendered live.
    await author.getByRole('region', { name: 'Xem trước (đã lọc an toàn như khi lưu)' }).getByText('Du khách được tự tay chằm nón.').waitFor();

    await author.getByLabel('Ngày diễn ra sự kiện, hoạt động').fill('20/11/2026');
    await field(author, 'Địa điểm').fill('Phường Phước Vĩnh, thành phố Huế');
    await author.getByRole('combobox', { name: 'Chủ đề', exact: true }).click();
    await author.getByRole('option', { name: 'Du lịch, di sản và lễ hội', exact: true }).click();
    await author.keyboard.press('Escape');
    const tags = author.getByRole('combobox', { name: 'Từ khóa (thẻ)', exact: true });
    await tags.fill('nón lá');
    await tags.press('Enter');
    await tags.fill('làng nghề');
    await tags.press('Enter');
    await field(author, 'Chủ sở hữu bản quyền').fill('Sở Du lịch thành phố Huế');
    await choose(author, 'Giấy phép sử dụng', 'CC BY 4.0 (ghi nguồn)');
    await author.getByRole('radio', { name: 'Công khai' }).check();
    await author.getByRole('button', { name: 'Tạo bản nháp' }).click();

    await author.getByRole('heading', { name: viTitle, level: 1 }).waitFor();
    viId = /\/admin\/items\/([0-9a-f-]{36})$/.exec(new URL(author.url()).pathname)?.[1] ?? '';
    expect(viId).not.toBe('');
    await expect.poll(() => author.getByTestId('status-panel').textContent()).toContain('Bản nháp');
    await expectAccessible(author, 'item editor');
  });

  it('adds the English translation and writes it next to the Vietnamese source', async () => {
    await author.getByRole('button', { name: 'Thêm bản dịch' }).click();
    const dialog = author.getByRole('dialog', { name: 'Thêm bản dịch' });
    await dialog.getByRole('combobox', { name: 'Ngôn ngữ' }).click();
    await dialog.getByRole('option', { name: 'Tiếng Anh', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Tiêu đề bản dịch' }).fill(enTitle);
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();

    await author.getByRole('heading', { name: enTitle, level: 1 }).waitFor();
    enId = /\/admin\/items\/([0-9a-f-]{36})$/.exec(new URL(author.url()).pathname)?.[1] ?? '';
    expect(enId).not.toBe(viId);
    // Side by side: the source text next to the translation being written.
    const source = author.getByRole('region', { name: 'Bản gốc để đối chiếu' });
    await source.getByText(viTitle).waitFor();
    await field(author, 'Tóm tắt').fill('The Phu Cam conical hat village welcomes its first international visitors.');
    await field(author, 'Nội dung').fill(
      '<p>The <strong>Phu Cam</strong> hat village on the An Cuu river opens to visitors.</p><p>Visitors can make their own hats.</p>',
    );
    await author.getByRole('button', { name: 'Lưu', exact: true }).click();
    await author.getByText('Đã lưu phiên bản số 2.').waitFor();
    await expectAccessible(author, 'translation editor (side by side)');
  });

  it('submits the Vietnamese version with the declaration', async () => {
    await author.getByTestId('lang-vi').click();
    await author.getByRole('heading', { name: viTitle, level: 1 }).waitFor();
    await submitWithDeclaration(author);
  });

  it('the appraiser signs in for the first time (password, TOTP) and finds it in the queue', async () => {
    await signInDemoAccount(appraiser, server, 'so-van-hoa-the-thao', appraiserPassword, { twoFactor: true });

    // The submission notified the appraisers.
    await expect.poll(async () => Number(await appraiser.getByTestId('notifications-count').getAttribute('data-count'))).toBeGreaterThan(0);
    await openFromQueue(appraiser, viTitle);
    await expectAccessible(appraiser, 'appraisal queue');
  });

  it('returns it with a comment from the appraisal screen', async () => {
    await appraiser.getByTestId('queue-table').getByRole('link', { name: viTitle, exact: true }).click();
    await appraiser.getByRole('heading', { name: `Thẩm định: ${viTitle}`, level: 1 }).waitFor();
    await appraiser
      .getByTestId('no-diff')
      .getByText(/lần thẩm định đầu tiên/)
      .waitFor();
    await appraiser.getByTestId('submitted-text').getByText('Du khách được tự tay chằm nón.').waitFor();
    await appraiser.getByTestId('metadata-view').getByText('Du lịch, di sản và lễ hội').waitFor();
    await expectAccessible(appraiser, 'appraisal screen');

    const form = appraiser.getByRole('form', { name: 'Trả lại' });
    await form.getByRole('button', { name: 'Trả lại' }).click();
    await form.getByText('Cần ghi lý do trả lại.').waitFor();
    await form.getByRole('textbox', { name: 'Lý do trả lại, yêu cầu chỉnh sửa' }).fill(comment);
    await form.getByRole('button', { name: 'Trả lại' }).click();
    await appraiser.getByRole('heading', { name: 'Hàng chờ thẩm định', level: 1 }).waitFor();
    await appraiser.getByText('Đã trả lại bản Tiếng Việt cho tác giả.').waitFor();
  });

  it('the contributor sees the notification with the comment, fixes and resubmits', async () => {
    await author.reload();
    await expect.poll(async () => Number(await author.getByTestId('notifications-count').getAttribute('data-count'))).toBeGreaterThan(0);
    await author.getByTestId('notifications').click();
    const note = author.getByRole('menuitem', { name: new RegExp(`Bị trả lại: ${viTitle}`) });
    await note.getByText(`Nhận xét: ${comment}`).waitFor();
    await note.click();

    await author.getByRole('heading', { name: viTitle, level: 1 }).waitFor();
    expect(new URL(author.url()).pathname).toBe(`/admin/items/${viId}`);
    await expect.poll(() => author.getByTestId('status-panel').textContent()).toContain('Bị trả lại');
    await author.getByTestId('appraisal-list').getByText(comment).waitFor();

    await field(author, 'Tóm tắt').fill('Làng nghề nón lá Phú Cam, với hơn 200 hộ làm nghề, đón đoàn khách quốc tế đầu tiên.');
    await field(author, 'Ghi chú cho lần lưu này').fill('Bổ sung số hộ làm nghề theo góp ý');
    await author.getByRole('button', { name: 'Lưu', exact: true }).click();
    await author.getByText('Đã lưu phiên bản số 2.').waitFor();
    await submitWithDeclaration(author);
  });

  it('the appraiser sees what changed since the return and approves with the checklist: vi is published', async () => {
    await openFromQueue(appraiser, viTitle);
    await appraiser.getByTestId('queue-table').getByRole('link', { name: viTitle, exact: true }).click();
    await appraiser.getByRole('heading', { name: `Thẩm định: ${viTitle}`, level: 1 }).waitFor();
    const diff = appraiser.getByTestId('diff-view');
    await diff.locator('ins').filter({ hasText: 'hơn 200 hộ làm nghề' }).waitFor();
    await expectAccessible(appraiser, 'appraisal screen with diff');
    await approveWithChecklist(appraiser);

    await appraiser.goto(`${server.origin}/admin/items/${viId}`);
    await appraiser.getByRole('heading', { name: viTitle, level: 1 }).waitFor();
    await expect.poll(() => appraiser.getByTestId('status-panel').textContent()).toContain('Đã công bố');
    expect((await appraiser.getByTestId('content-hash').textContent())?.trim()).toMatch(HEX64);
  });

  it('the contributor sees it published with its hash, and submits the English translation', async () => {
    await author.reload();
    await author.getByRole('heading', { name: viTitle, level: 1 }).waitFor();
    await expect.poll(() => author.getByTestId('status-panel').textContent()).toContain('Đã công bố');
    expect((await author.getByTestId('content-hash').textContent())?.trim()).toMatch(HEX64);
    await author.getByTestId('appraisal-list').getByText('Đã duyệt').waitFor();

    await author.getByTestId('lang-en').click();
    await author.getByRole('heading', { name: enTitle, level: 1 }).waitFor();
    await submitWithDeclaration(author);
  });

  it('the appraiser approves the English translation: en is published', async () => {
    await openFromQueue(appraiser, enTitle);
    await appraiser.getByTestId('queue-table').getByRole('link', { name: enTitle, exact: true }).click();
    await appraiser.getByRole('heading', { name: `Thẩm định: ${enTitle}`, level: 1 }).waitFor();
    // The translation is appraised next to its (published) source.
    await appraiser.getByText('Visitors can make their own hats.').waitFor();
    await appraiser.getByText('Du khách được tự tay chằm nón.').waitFor();
    await approveWithChecklist(appraiser);

    await appraiser.goto(`${server.origin}/admin/items/${enId}`);
    await appraiser.getByRole('heading', { name: enTitle, level: 1 }).waitFor();
    await expect.poll(() => appraiser.getByTestId('status-panel').textContent()).toContain('Đã công bố');
    expect((await appraiser.getByTestId('content-hash').textContent())?.trim()).toMatch(HEX64);
  });

  it('the public API serves both published language versions with the hashes shown', async () => {
    const shown = new Map<string, string>();
    for (const id of [viId, enId]) {
      await author.goto(`${server.origin}/admin/items/${id}`);
      await author.getByTestId('content-hash').waitFor();
      shown.set(id, ((await author.getByTestId('content-hash').textContent()) ?? '').trim());
    }
    for (const [id, language] of [
      [viId, 'vi'],
      [enId, 'en'],
    ]) {
      // Anonymous: no cookie.
      const res = await fetch(`${server.origin}/api/v1/item-versions/${id}/published`, { headers: { Accept: 'application/json' } });
      expect(res.status, `published ${language}`).toBe(200);
      const body = (await res.json()) as { language: string; title: string; contentHash: string; translations: Array<{ language: string }> };
      expect(body.language).toBe(language);
      expect(body.title).toBe(language === 'vi' ? viTitle : enTitle);
      expect(body.contentHash).toBe(shown.get(id));
      expect(body.translations.map((x) => x.language).sort()).toEqual(['en', 'vi']);
    }
  });

  it('met no CSP violation or page error on the way', () => {
    expect(problemsOf.flat()).toEqual([]);
  });
});
