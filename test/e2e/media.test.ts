// The media journey of a contributor of the Department of Tourism: uploads files to the library
// with resumable uploads (progress, pause and resume, a dropped connection that resumes by itself,
// a refused file with the server's message), describes a photo in two languages with its focal
// point (and sees the crops made again), builds a photo album from three photos with captions and
// a new order, is refused at submission with the precise missing file details, fixes them from the
// links given and submits; the item then shows its photos with their captions. axe-core checks the
// library, the file page and the editor with its files.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { jpeg } from '../helpers/media-files.js';
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

async function expectAccessible(name: string) {
  const violations = await seriousA11yViolations(page);
  expect(violations, `axe on ${name}`).toEqual([]);
}

const field = (name: string) => page.getByRole('textbox', { name, exact: true });
const nav = () => page.getByRole('navigation', { name: 'Điều hướng chính' });
const uploadRow = (name: string) => page.locator(`[data-testid="upload-row"][data-name="${name}"]`);
const attached = (name: string) => page.locator(`[data-testid="attached-file"][data-name="${name}"]`);
const attachedOrder = () => page.getByTestId('attached-file').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

async function choose(combobox: string, option: string, scope: Page | Locator = page) {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addTag(name: string, value: string) {
  const input = page.getByRole('combobox', { name, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

async function chooseFiles(files: Array<{ name: string; mimeType: string; buffer: Buffer }>, button = 'Chọn tệp…') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await (await chooser).setFiles(files);
}

/** Random pixels compress badly: a photo of a few MB, long enough to watch its upload. */
async function bigPhoto(): Promise<Buffer> {
  const width = 2000;
  const height = 1400;
  const raw = Buffer.alloc(width * height * 3);
  let x = 12345;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = (x >>> 24) & 255;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Fills the file page's description and saves it. */
async function describeFile(opts: { texts?: Record<string, { caption?: string; alt?: string }>; rights?: boolean }) {
  for (const [language, text] of Object.entries(opts.texts ?? {})) {
    await page.getByRole('tab', { name: new RegExp(`^${language}`) }).click();
    if (text.caption !== undefined) await field('Chú thích').fill(text.caption);
    if (text.alt !== undefined) await field('Mô tả thay thế (alt)').fill(text.alt);
  }
  if (opts.rights) {
    await addTag('Tác giả', 'Trần Thị Bình');
    await field('Chủ sở hữu bản quyền').fill('Sở Du lịch thành phố Huế');
    await choose('Giấy phép sử dụng', 'CC BY 4.0 (ghi nguồn)');
    await page.getByRole('radio', { name: 'Công khai' }).check();
  }
  const saved = page.waitForResponse((r) => /\/api\/v1\/media\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PATCH');
  await page.getByTestId('media-save').click();
  expect((await saved).status()).toBe(200);
}

describe('media journey', () => {
  const viTitle = 'Mùa hoa phượng tím trên sông Hương';
  const captions = {
    'anh-1.jpg': { vi: 'Cầu Trường Tiền trong nắng sớm', en: 'Truong Tien bridge in the morning sun' },
    'anh-2.jpg': { vi: 'Thuyền rồng trên sông Hương', en: 'Dragon boats on the Perfume River' },
    'anh-3.jpg': { vi: 'Phượng tím bên bờ sông', en: 'Purple flamboyants on the river bank' },
  };
  let itemId = '';

  it('the contributor signs in and opens the media library', async () => {
    await signInDemoAccount(page, server, 'so-du-lich', 'Thuyền rồng xuôi dòng Hương Giang 2026', { twoFactor: false });

    await nav().getByRole('link', { name: 'Thư viện tệp' }).click();
    await page.getByRole('heading', { name: 'Thư viện tệp', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('storage-bar').textContent()).toMatch(/Dung lượng lưu trữ của Sở Du lịch.*Đã dùng 0 B \/ 50 GB · 0 tệp/);
    await page.getByText('Thư viện chưa có tệp nào. Hãy tải tệp lên.').waitFor();
    await expectAccessible('empty media library');
  });

  it('uploads a large photo: progress, pause and resume, and a dropped connection that resumes by itself', async () => {
    // The first chunk's connection is cut once; the upload must carry on by itself.
    const requests: string[] = [];
    let dropped = 0;
    // Chunks (PATCH) on the wire: a paused upload has none.
    let sending = 0;
    const isChunk = (r: Request) => r.method() === 'PATCH' && r.url().includes('/api/v1/uploads/');
    page.on('request', (r) => void (isChunk(r) && sending++));
    page.on('requestfinished', (r) => void (isChunk(r) && sending--));
    page.on('requestfailed', (r) => void (isChunk(r) && sending--));
    await page.route('**/api/v1/uploads/**', async (route) => {
      const method = route.request().method();
      requests.push(method);
      if (method === 'PATCH' && dropped === 0) {
        dropped++;
        await route.abort('connectionreset');
      } else await route.continue();
    });
    // A slow office connection, to see the progress and pause in the middle.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });

    const big = await bigPhoto();
    expect(big.length).toBeGreaterThan(2_000_000);
    await chooseFiles([{ name: 'toan-canh.jpg', mimeType: 'image/jpeg', buffer: big }]);
    const bar = page.getByRole('progressbar', { name: 'Tiến độ tải lên toan-canh.jpg' });
    const progress = async () => Number(await bar.getAttribute('aria-valuenow'));
    await expect.poll(progress, { timeout: 15_000 }).toBeGreaterThan(10);
    expect(await progress()).toBeLessThan(100);

    await page.getByRole('button', { name: 'Tạm dừng: toan-canh.jpg' }).click();
    await expect.poll(() => uploadRow('toan-canh.jpg').getByTestId('upload-status').textContent()).toBe('Đã tạm dừng');
    // Paused: the chunk being sent is cut off and no other starts, so the progress stays where it is.
    await expect.poll(() => sending, { timeout: 10_000 }).toBe(0);
    const pausedAt = await progress();
    expect(pausedAt).toBeLessThan(100);
    const chunksAtPause = requests.filter((m) => m === 'PATCH').length;
    await settled(page);
    expect(await progress()).toBe(pausedAt);
    expect(requests.filter((m) => m === 'PATCH').length).toBe(chunksAtPause);

    await page.getByRole('button', { name: 'Tải tiếp: toan-canh.jpg' }).click();
    await expect.poll(() => uploadRow('toan-canh.jpg').getAttribute('data-status'), { timeout: 40_000 }).toBe('done');
    expect(await progress()).toBe(100);
    await expect.poll(() => uploadRow('toan-canh.jpg').getByTestId('upload-status').textContent()).toBe('Đã tải lên');
    // Cut once, then the client asked the server how far it got (HEAD) and went on.
    expect(dropped).toBe(1);
    expect(requests.filter((m) => m === 'HEAD').length).toBeGreaterThanOrEqual(1);

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    await page.unroute('**/api/v1/uploads/**');
    await page.getByTestId('media-grid').getByRole('link', { name: 'toan-canh.jpg' }).waitFor();
  });

  it('uploads an album of three photos at once; a file that is not an image is refused with the reason', async () => {
    const photos = await Promise.all([1, 2, 3].map((seed) => jpeg({ width: 1200, height: 800, seed })));
    await chooseFiles([
      ...photos.map((buffer, i) => ({ name: `anh-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })),
      { name: 'gia-mao.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('không phải ảnh\n'.repeat(40)) },
    ]);
    for (const name of ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg']) {
      await expect.poll(() => uploadRow(name).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      expect(await page.getByRole('progressbar', { name: `Tiến độ tải lên ${name}` }).getAttribute('aria-valuenow')).toBe('100');
    }
    await expect.poll(() => uploadRow('gia-mao.jpg').getAttribute('data-status')).toBe('error');
    expect(await uploadRow('gia-mao.jpg').getByTestId('upload-status').textContent()).toBe(
      'Bị từ chối: Không nhận ra loại tệp từ nội dung. Chỉ nhận ảnh (JPEG, PNG, WebP, AVIF, GIF, TIFF), video (MP4/H.264, WebM) và tài liệu (PDF, DOCX, XLSX, PPTX, ODT).',
    );
    // A refused file is not worth retrying: only "remove from the list".
    expect(await uploadRow('gia-mao.jpg').getByRole('button', { name: 'Thử lại: gia-mao.jpg' }).count()).toBe(0);

    const grid = page.getByTestId('media-grid');
    for (const name of ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg', 'toan-canh.jpg']) await grid.getByRole('link', { name }).waitFor();
    expect(await grid.getByTestId('media-card').count()).toBe(4);
    // Thumbnails are the square crops made in the background.
    await expect.poll(() => grid.locator('img[src$="/square.webp"]').count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('storage-bar').textContent()).toContain('4 tệp');
    // The kind filter and the search.
    await choose('Loại tệp', 'Tài liệu');
    await page.getByText('Không có dữ liệu.').waitFor();
    await choose('Loại tệp', 'Ảnh');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('anh-2');
    await expect.poll(() => grid.getByTestId('media-card').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
    await expect.poll(() => grid.getByTestId('media-card').count()).toBe(4);
    await expectAccessible('media library with uploads');
  });

  it('describes a photo in Vietnamese and English, sets its focal point and sees the crops made again', async () => {
    await page.getByTestId('media-grid').getByRole('link', { name: 'anh-1.jpg' }).click();
    await page.getByRole('heading', { name: 'anh-1.jpg', level: 1 }).waitFor();
    await page
      .getByTestId('media-sha256')
      .getByText(/^[0-9a-f]{64}$/)
      .waitFor();
    await page.getByTestId('media-facts').getByText('1200 × 800 px').waitFor();
    await page.getByTestId('crop-square').waitFor();
    const squareBefore = await page.getByTestId('crop-square').getAttribute('src');
    expect(squareBefore).toMatch(/\/variants\/1\/square\.webp$/);

    // The focal point: a click on the image, then fine-tuned from the keyboard.
    const picker = page.getByTestId('focal-picker');
    await expect
      .poll(() => picker.locator('img').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))
      .toBe(true);
    const box = (await picker.boundingBox())!;
    await picker.click({ position: { x: box.width * 0.25, y: box.height * 0.4 } });
    await expect.poll(() => page.getByRole('textbox', { name: 'Từ trái sang (%)' }).inputValue()).toBe('25 %');
    expect(await page.getByRole('textbox', { name: 'Từ trên xuống (%)' }).inputValue()).toBe('40 %');
    const y = page.getByRole('textbox', { name: 'Từ trên xuống (%)' });
    await y.focus();
    await y.press('ArrowUp');
    await y.press('ArrowUp');
    await expect.poll(() => y.inputValue()).toBe('42 %');
    await expect.poll(() => page.getByTestId('focal-marker').evaluate((el) => (el as HTMLElement).style.top)).toBe('42%');

    await describeFile({
      texts: {
        'Tiếng Việt': { caption: captions['anh-1.jpg'].vi, alt: 'Cầu Trường Tiền sáu nhịp vắt qua sông Hương, nắng sớm' },
        'Tiếng Anh': { caption: captions['anh-1.jpg'].en, alt: 'The six-span Truong Tien bridge over the Perfume River in early sunlight' },
      },
      rights: true,
    });
    await page.getByText('Đã lưu mô tả tệp.').first().waitFor();
    // New crops around the new point (a new revision of the variants).
    await expect
      .poll(
        () =>
          page
            .getByTestId('crop-square')
            .getAttribute('src')
            .catch(() => null),
        { timeout: 30_000 },
      )
      .toMatch(/\/variants\/2\/square\.webp$/);
    await page.getByTestId('crop-social').waitFor();
    expect(await page.getByTestId('variants-status').getAttribute('data-status')).toBe('ready');
    // Saved and shown again after a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'anh-1.jpg', level: 1 }).waitFor();
    expect(await field('Chú thích').inputValue()).toBe(captions['anh-1.jpg'].vi);
    await page.getByRole('tab', { name: /^Tiếng Anh/ }).click();
    expect(await field('Mô tả thay thế (alt)').inputValue()).toBe('The six-span Truong Tien bridge over the Perfume River in early sunlight');
    expect(await page.getByRole('textbox', { name: 'Từ trên xuống (%)' }).inputValue()).toBe('42 %');
    await expectAccessible('media file page');
  });

  it('creates a photo album with the three photos, their captions and a new order', async () => {
    await nav().getByRole('link', { name: 'Tin, bài và tài liệu' }).click();
    await page.getByRole('link', { name: 'Thêm tin, bài' }).click();
    await page.getByRole('heading', { name: 'Thêm tin, bài', level: 1 }).waitFor();
    await choose('Loại', 'Ảnh, album ảnh');
    await field('Tiêu đề').fill(viTitle);
    await field('Tóm tắt').fill('Những hình ảnh đẹp về mùa hoa phượng tím bên dòng sông Hương.');
    await field('Nội dung').fill('<p>Tháng năm, phượng tím nở rộ dọc hai bờ sông Hương.</p>');
    await page.getByLabel('Ngày diễn ra sự kiện, hoạt động').fill('15/05/2026');
    await field('Địa điểm').fill('Bờ sông Hương, thành phố Huế');
    await page.getByRole('combobox', { name: 'Chủ đề', exact: true }).click();
    await page.getByRole('option', { name: 'Du lịch, di sản và lễ hội', exact: true }).click();
    await page.keyboard.press('Escape');
    await addTag('Từ khóa (thẻ)', 'phượng tím');
    await field('Chủ sở hữu bản quyền').fill('Sở Du lịch thành phố Huế');
    await choose('Giấy phép sử dụng', 'CC BY 4.0 (ghi nguồn)');
    await page.getByRole('radio', { name: 'Công khai' }).check();

    // Pick the photos from the library, in this order.
    const media = page.getByTestId('media-fields');
    await media.getByRole('button', { name: 'Chọn từ thư viện' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chọn từ thư viện' });
    await dialog.getByTestId('picker-grid').waitFor();
    for (const name of ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg']) await dialog.getByRole('checkbox', { name }).check();
    await dialog.getByText('Đã chọn 3 tệp.').waitFor();
    await expectAccessible('media picker');
    await dialog.getByRole('button', { name: 'Đính kèm 3 tệp' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await attachedOrder()).toEqual(['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg']);
    // The file's own captions are the start of the item's; the other photos have none yet.
    await page.getByRole('switch', { name: /^Chú thích bằng mọi ngôn ngữ được cấu hình/ }).check();
    expect(await page.getByRole('textbox', { name: 'Chú thích (Tiếng Anh): anh-1.jpg' }).inputValue()).toBe(captions['anh-1.jpg'].en);
    for (const name of ['anh-2.jpg', 'anh-3.jpg'] as const) {
      await page.getByRole('textbox', { name: `Chú thích (Tiếng Việt): ${name}` }).fill(captions[name].vi);
      await page.getByRole('textbox', { name: `Chú thích (Tiếng Anh): ${name}` }).fill(captions[name].en);
    }
    // What the submission will want of the files is said beforehand.
    await attached('anh-2.jpg').getByTestId('file-warnings').getByText('Thiếu mô tả thay thế: Tiếng Việt.').waitFor();
    expect(await attached('anh-1.jpg').getByTestId('file-warnings').count()).toBe(0);

    // Reorder with the keyboard-usable buttons: the focus stays on the moved photo's button.
    await page.getByRole('button', { name: 'Chuyển lên: anh-3.jpg' }).click();
    expect(await attachedOrder()).toEqual(['anh-1.jpg', 'anh-3.jpg', 'anh-2.jpg']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Chuyển lên: anh-3.jpg');
    await page.getByText('Đã chuyển anh-3.jpg đến vị trí 2/3.').waitFor();
    await page.keyboard.press('Enter');
    expect(await attachedOrder()).toEqual(['anh-3.jpg', 'anh-1.jpg', 'anh-2.jpg']);
    // At the top "move up" is disabled: the focus goes to "move down", and Enter moves it back.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Chuyển xuống: anh-3.jpg');
    await page.keyboard.press('Enter');
    expect(await attachedOrder()).toEqual(['anh-1.jpg', 'anh-3.jpg', 'anh-2.jpg']);
    await expectAccessible('new album with its photos');

    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByRole('heading', { name: viTitle, level: 1 }).waitFor();
    itemId = /\/admin\/items\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(itemId).not.toBe('');
    // Saved: order and captions in both languages come back from the server.
    await page.getByTestId('attached-file').first().waitFor();
    expect(await attachedOrder()).toEqual(['anh-1.jpg', 'anh-3.jpg', 'anh-2.jpg']);
    for (const name of ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg'] as const) {
      expect(await page.getByRole('textbox', { name: `Chú thích (Tiếng Việt): ${name}` }).inputValue()).toBe(captions[name].vi);
      expect(await page.getByRole('textbox', { name: `Chú thích (Tiếng Anh): ${name}` }).inputValue()).toBe(captions[name].en);
    }
    await expect.poll(() => page.getByTestId('attached-file').locator('img[src$="/square.webp"]').count()).toBe(3);
    await expectAccessible('item editor with media');
  });

  it('submission is refused with what each photo lacks, next to that photo', async () => {
    await page.getByTestId('status-panel').getByRole('button', { name: 'Gửi thẩm định' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Tôi cam đoan nội dung này không chứa bí mật nhà nước (Điều 4 khoản 6).' }).check();
    await dialog.getByTestId('confirm-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('error-alert').getByText('Kiểm tra các trường được đánh dấu.').waitFor();
    for (const name of ['anh-2.jpg', 'anh-3.jpg']) {
      const errors = attached(name).getByTestId('file-errors');
      await errors.getByText('Ảnh cần có mô tả thay thế (alt) bằng Tiếng Việt.').waitFor();
      await errors.getByText('Tệp chỉ ở mức nội bộ, hẹp hơn bài viết (công khai).').waitFor();
      for (const label of ['Tác giả', 'Chủ sở hữu bản quyền', 'Giấy phép sử dụng']) await errors.getByText(`${label}: Trường này là bắt buộc.`).waitFor();
    }
    // The described photo passes.
    expect(await attached('anh-1.jpg').getByTestId('file-errors').count()).toBe(0);
    await expect.poll(() => page.getByTestId('status-panel').textContent()).toContain('Bản nháp');
    await expectAccessible('item editor with the refused files');
  });

  it('fixes the photos from the links and submits: the media checks pass', async () => {
    for (const name of ['anh-2.jpg', 'anh-3.jpg'] as const) {
      await attached(name)
        .getByRole('link', { name: `Sửa mô tả tệp ${name}` })
        .click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      // Used by a Vietnamese item: the Vietnamese tab is marked until its alt text is written.
      await page.getByRole('tab', { name: 'Tiếng Việt (chưa có mô tả thay thế)' }).waitFor();
      await describeFile({ texts: { 'Tiếng Việt': { alt: `Ảnh ${captions[name].vi.toLowerCase()}` } }, rights: true });
      await page.getByRole('tab', { name: 'Tiếng Việt', exact: true }).waitFor();
      await page.goto(`${server.origin}/admin/items/${itemId}`);
      await page.getByRole('heading', { name: viTitle, level: 1 }).waitFor();
      await page.getByTestId('attached-file').first().waitFor();
    }
    await expect.poll(() => page.getByTestId('file-warnings').count()).toBe(0);

    await page.getByTestId('status-panel').getByRole('button', { name: 'Gửi thẩm định' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Tôi cam đoan nội dung này không chứa bí mật nhà nước (Điều 4 khoản 6).' }).check();
    await dialog.getByTestId('confirm-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('status-panel').textContent()).toContain('Chờ thẩm định');
  });

  it('the submitted item shows its photos in order with their captions and alt texts', async () => {
    const view = page.getByTestId('media-view');
    await view.waitFor();
    const shown = view.getByTestId('viewed-file');
    await expect.poll(() => shown.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-name')))).toEqual(['anh-1.jpg', 'anh-3.jpg', 'anh-2.jpg']);
    expect(await shown.getByTestId('viewed-caption').allTextContents()).toEqual([captions['anh-1.jpg'].vi, captions['anh-3.jpg'].vi, captions['anh-2.jpg'].vi]);
    await expect.poll(() => view.locator('img[alt="Cầu Trường Tiền sáu nhịp vắt qua sông Hương, nắng sớm"]').count()).toBe(1);
    // The file page lists the item using it.
    await view.getByRole('link', { name: 'anh-1.jpg' }).click();
    await page.getByRole('heading', { name: 'anh-1.jpg', level: 1 }).waitFor();
    await page.getByTestId('media-usage').getByRole('link', { name: viTitle }).waitFor();
    await expectAccessible('media file page with its usage');
  });

  it('deletes a file no item uses, after a confirmation', async () => {
    await page.getByRole('link', { name: 'Thư viện tệp' }).first().click();
    await page.getByTestId('media-grid').getByRole('link', { name: 'toan-canh.jpg' }).click();
    await page.getByRole('heading', { name: 'toan-canh.jpg', level: 1 }).waitFor();
    await page.getByTestId('media-delete').click();
    const dialog = page.getByRole('dialog', { name: 'Xóa tệp' });
    await dialog.getByText('Xóa tệp "toan-canh.jpg" khỏi thư viện?', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Xóa tệp' }).click();
    await page.getByRole('heading', { name: 'Thư viện tệp', level: 1 }).waitFor();
    await page.getByText('Đã xóa tệp "toan-canh.jpg".').waitFor();
    await expect.poll(() => page.getByTestId('media-grid').getByTestId('media-card').count()).toBe(3);
  });

  it('met no CSP violation or page error on the way', () => {
    expect(problems).toEqual([]);
  });
});
