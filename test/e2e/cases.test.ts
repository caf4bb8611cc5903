// Clarification cases in the admin app (issue 7): the DIC opens a case — seeing a precedent with
// the same link first, which takes the new link as a sighting instead —, notifies two agencies
// (the due date shown before sending), extends one agency's deadline with a reason; that agency
// records its material and a response (with a file of its library) on time in its own inbox; the
// other answers late (the server's clock is moved forward for that one request: a preloaded module
// shifts Date by the offset written in a file); the DIC sees on time / late and creates the bilingual clarification
// item, opened in the content editor. axe-core checks the list, the form and the case page; with
// SHOTS_DIR set they are photographed at 1280 and 390 px in both languages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pdf } from '../helpers/media-files.js';
import { adminSession, personSession, signInDemoAccount } from './support/accounts.js';
import { launchBrowser, seriousA11yViolations, settled, shootAtWidths, watchPageProblems } from './support/browser.js';
import { demoPasswords, startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let dicContext: BrowserContext;
let agencyContext: BrowserContext;
let page: Page;
let agencyPage: Page;
let problems: string[];
const SHOTS_DIR = process.env.SHOTS_DIR;
const DAY = 86_400_000;

// The server's clock, moved by the test: Date (and so the context clock) runs `offset` ms ahead.
const clockDir = mkdtempSync(join(tmpdir(), 'ttdn-clock-'));
const clockFile = join(clockDir, 'offset');
const clockModule = join(clockDir, 'shift-clock.mjs');
writeFileSync(clockFile, '0');
writeFileSync(
  clockModule,
  `import { readFileSync } from 'node:fs';
const RealDate = Date;
let offset = 0;
const current = () => {
  try { offset = Number(readFileSync(${JSON.stringify(clockFile)}, 'utf8')) || 0; } catch { offset = 0; }
  return RealDate.now() + offset;
};
class ShiftedDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(current()); else super(...args); }
  static now() { return current(); }
}
globalThis.Date = ShiftedDate;
`,
);
// Read on every call, so the server's next request already sees the new offset.
const setServerClock = (offsetMs: number) => writeFileSync(clockFile, String(offsetMs));

beforeAll(async () => {
  server = await startServer({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(clockModule).href}`.trim() });
  browser = await launchBrowser();
  dicContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  agencyContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await dicContext.newPage();
  agencyPage = await agencyContext.newPage();
  page.setDefaultTimeout(20_000);
  agencyPage.setDefaultTimeout(20_000);
  problems = watchPageProblems(page);
});

afterAll(async () => {
  await dicContext?.close().catch(() => {});
  await agencyContext?.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

const shoot = (p: Page, name: string) => shootAtWidths(p, SHOTS_DIR, name);

/** A JSON call with the browser page's own session (cookie and CSRF token), as the app makes it. */
async function inPage(p: Page, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  return p.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    { method, path, body },
  );
}

/** One file uploaded to the library of the page's user (multipart, with the page's session). */
async function uploadInPage(p: Page, fileName: string, data: Buffer): Promise<{ id: string; fileName: string; title: Record<string, string> }> {
  return p.evaluate(
    async ({ fileName, bytes }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(bytes)]), fileName);
      const res = await fetch('/api/v1/media', { method: 'POST', headers: { 'x-csrf-token': session.csrfToken }, body });
      const json = (await res.json()) as { id: string; fileName: string; title: Record<string, string> };
      if (!res.ok) throw new Error(`upload ${fileName}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    { fileName, bytes: [...data] },
  );
}

/** dd/mm/yyyy of a Huế calendar date `days` from today, as typed in a date field. */
const hueDay = (days: number) => {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
  return { iso: d, typed: d.split('-').reverse().join('/') };
};

describe('clarification cases', () => {
  it('the DIC opens a case and notifies two agencies; one answers on time after an extension, the other late; the DIC creates the clarification', async () => {
    const admin = await adminSession(server);
    const agencies = ((await admin('GET', '/api/v1/agencies')) as { items: Array<{ id: string; slug: string }> }).items;
    const idOf = (slug: string) => agencies.find((a) => a.slug === slug)!.id;
    // an earlier case about the same bridge, with the link the DIC will find again
    const earlier = (await admin('POST', '/api/v1/cases', {
      title: 'Tin sai: cầu Trường Tiền bị đóng cửa vĩnh viễn',
      falseText: 'Cầu Trường Tiền sẽ bị đóng cửa vĩnh viễn từ tháng 10.',
      severity: 'medium',
      sightings: [{ url: 'https://facebook.com/hue24h/posts/123', platform: 'Facebook', language: 'vi' }],
    })) as { id: string; reference: string };
    // the late agency's account: first sign-in (password change) over the API
    const lateLogin = 'ubnd-phuong-thuan-hoa';
    const latePassword = 'Phố đi bộ Nguyễn Đình Chiểu bên sông 2026';
    const first = await personSession(server, lateLogin, demoPasswords(server).get(lateLogin)!);
    await first('POST', '/api/v1/auth/password', { currentPassword: demoPasswords(server).get(lateLogin)!, newPassword: latePassword });

    await signInDemoAccount(page, server, 'so-van-hoa-the-thao', 'Cầu Trường Tiền sáu vài mười hai nhịp 1899', { twoFactor: true });
    await page.getByTestId('cases-card').getByText('vụ việc quá hạn').waitFor();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Vụ việc thông tin sai lệch' }).click();
    await page.getByRole('heading', { name: 'Vụ việc thông tin sai lệch', level: 1 }).waitFor();
    await page.getByTestId('case-row').filter({ hasText: earlier.reference }).waitFor();

    // opening: the same link shows the earlier case first; a new link can be added to it instead
    await page.getByTestId('new-case').click();
    await page.getByRole('heading', { name: 'Mở vụ việc', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('Cầu Trường Tiền đóng cửa');
    await page.getByRole('textbox', { name: 'Đường dẫn (URL)' }).fill('https://tiktok.com/@hue.news/video/777');
    const precedent = page.getByTestId('precedent-case').filter({ hasText: earlier.reference });
    await precedent.getByRole('button', { name: 'Thêm làm nơi xuất hiện của vụ việc này' }).click();
    await page.getByTestId('case-reference').getByText(earlier.reference).waitFor();
    await page.getByRole('tab', { name: /Nơi xuất hiện, bằng chứng/ }).click();
    await page.getByTestId('sighting').filter({ hasText: 'https://tiktok.com/@hue.news/video/777' }).waitFor();

    // a new case: the precedent search finds nothing like it
    await page.goto(`${server.adminUrl.replace(/\/$/, '')}/cases/new`);
    await page.getByRole('heading', { name: 'Mở vụ việc', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('Tin sai: Festival Huế 2026 bị hủy');
    await page
      .getByRole('textbox', { name: 'Nội dung thông tin sai lệch' })
      .fill('Festival Huế 2026 bị hủy toàn bộ vì thiếu kinh phí, du khách được hoàn tiền vé.');
    await page.getByRole('textbox', { name: 'Đường dẫn (URL)' }).fill('https://facebook.com/reviewhue/posts/456');
    await page.getByRole('textbox', { name: 'Nền tảng' }).fill('Facebook');
    await page.getByRole('combobox', { name: 'Chủ đề', exact: true }).click();
    await page.getByRole('option', { name: 'Du lịch, di sản và lễ hội', exact: true }).click();
    await page.getByRole('combobox', { name: 'Chủ đề', exact: true }).press('Tab');
    await page.getByTestId('precedents').getByText('Chưa thấy vụ việc hay tin làm rõ tương tự.').waitFor();
    await settled(page);
    expect(await seriousA11yViolations(page), 'axe (form)').toEqual([]);
    await shoot(page, 'cases-form-vi');
    await page.getByTestId('open-case').click();
    await page.getByRole('heading', { name: 'Tin sai: Festival Huế 2026 bị hủy', level: 1 }).waitFor();
    const reference = ((await page.getByTestId('case-reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/^VV-\d{4}-\d{4}$/);
    const caseUrl = page.url();
    const caseId = caseUrl.split('/').pop()!;

    // notify two agencies: the due date is shown before sending
    await page.getByRole('button', { name: 'Đề nghị cơ quan cung cấp thông tin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đề nghị cơ quan cung cấp thông tin' });
    const picker = dialog.getByRole('combobox', { name: 'Cơ quan chịu trách nhiệm' });
    for (const name of ['Sở Du lịch', 'Ủy ban nhân dân phường Thuận Hóa']) {
      await picker.click();
      await page.getByRole('option', { name, exact: true }).click();
    }
    await picker.press('Tab');
    await dialog
      .getByTestId('notify-due')
      .getByText(`Hạn trả lời: hết ngày ${hueDay(7).typed} (7 ngày kể từ hôm nay, giờ Huế).`)
      .waitFor();
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.getByTestId('case-status').getByText('Đã đề nghị cơ quan').waitFor();

    // extend the Department of Tourism's deadline, with a reason
    await page.getByRole('tab', { name: /Cơ quan và phản hồi/ }).click();
    const tourism = page.getByTestId('assignment').filter({ has: page.getByRole('heading', { name: 'Sở Du lịch' }) });
    await tourism.getByTestId('deadline').getByText('còn 7 ngày').waitFor();
    await tourism.getByRole('button', { name: 'Gia hạn' }).click();
    await tourism.getByRole('textbox', { name: 'Hạn mới' }).fill(hueDay(10).typed);
    await tourism.getByRole('textbox', { name: 'Lý do' }).fill('Chờ kết quả kiểm tra của Ban tổ chức Festival');
    await tourism.getByTestId('extend-form').getByRole('button', { name: 'Gia hạn' }).click();
    await tourism.getByTestId('extensions').getByText('Chờ kết quả kiểm tra của Ban tổ chức Festival').waitFor();
    await tourism.getByTestId('deadline').getByText('còn 10 ngày').waitFor();

    // the Department of Tourism: its inbox shows what it owes and by when; it answers on time
    await signInDemoAccount(agencyPage, server, 'so-du-lich', 'Thuyền rồng xuôi dòng Hương Giang 2026', { twoFactor: false });
    await agencyPage.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Vụ việc thông tin sai lệch' }).click();
    const owed = agencyPage.getByTestId('cases-owed').getByTestId('case-row').filter({ hasText: reference });
    await owed.getByText('Cơ quan bạn phải trả lời').waitFor();
    await owed.getByTestId('deadline').getByText('còn 10 ngày').waitFor();
    expect(await agencyPage.getByTestId('cases-owed').getByText(earlier.reference).count()).toBe(0);
    await shoot(agencyPage, 'cases-inbox-vi');
    // a case it is not involved in does not exist for it
    await agencyPage.goto(`${server.adminUrl.replace(/\/$/, '')}/cases/${earlier.id}`);
    await agencyPage.getByText('Không tìm thấy vụ việc này, hoặc bạn không có quyền xem.').waitFor();
    await agencyPage.goBack();
    await owed.getByRole('link', { name: 'Tin sai: Festival Huế 2026 bị hủy' }).click();
    await agencyPage.getByRole('tab', { name: /Cơ quan và phản hồi/ }).click();
    const own = agencyPage.getByTestId('assignment').filter({ has: agencyPage.getByRole('heading', { name: 'Sở Du lịch' }) });
    // the agency may not extend nor notify
    expect(await own.getByRole('button', { name: 'Gia hạn' }).count()).toBe(0);
    expect(await agencyPage.getByRole('button', { name: 'Đề nghị cơ quan cung cấp thông tin' }).count()).toBe(0);
    await own.getByRole('button', { name: 'Ghi nhận thông tin đã cung cấp' }).click();
    await own
      .getByRole('textbox', { name: 'Nội dung giải thích, làm rõ' })
      .fill('Festival Huế 2026 vẫn diễn ra đúng kế hoạch; không có chương trình nào bị hủy.');
    await own.getByRole('textbox', { name: 'Đường dẫn' }).fill('https://sodulich.example.vn/thong-cao/festival-2026');
    await own.getByTestId('material-form').getByRole('button', { name: 'Ghi nhận' }).click();
    await own.getByTestId('material').getByText('Đúng hạn').waitFor();
    await own.getByRole('button', { name: 'Ghi nhận hình thức phản hồi' }).click();
    const responseForm = own.getByTestId('response-form');
    await responseForm.getByRole('textbox', { name: 'Đường dẫn' }).fill('https://sodulich.example.vn/thong-cao/festival-2026');
    // with the press release, a file of its media library (uploaded there first, as the library's form does)
    const file = await uploadInPage(agencyPage, 'thong-cao-festival-hue-2026.pdf', pdf(['Thong cao bao chi: Festival Hue 2026 van dien ra']));
    const fileTitle = file.title.vi || Object.values(file.title).find(Boolean) || file.fileName;
    await responseForm.getByRole('button', { name: 'Chọn từ thư viện' }).click();
    const mediaPicker = agencyPage.getByRole('dialog', { name: 'Chọn từ thư viện' });
    await mediaPicker.getByTestId('media-card').filter({ hasText: file.fileName }).first().getByRole('checkbox').check();
    await mediaPicker.getByTestId('picker-add').click();
    await responseForm.getByTestId('chosen-file').getByText(fileTitle).waitFor();
    expect(await responseForm.getByRole('button', { name: `Bỏ tệp ${fileTitle}` }).count()).toBe(1);
    await responseForm.getByRole('button', { name: 'Ghi nhận' }).click();
    await own.getByTestId('response').getByText('Thông cáo báo chí').waitFor();
    const responseFile = own.getByTestId('response').getByRole('link', { name: fileTitle });
    expect(await responseFile.getAttribute('href')).toMatch(new RegExp(`/media/${file.id}$`));
    await shoot(agencyPage, 'cases-agencies-vi');

    // the ward answers 9 days after the notification: late (the server's clock moved for that request)
    await page.goto('about:blank');
    await agencyPage.goto('about:blank');
    setServerClock(9 * DAY);
    try {
      const ward = await personSession(server, lateLogin, latePassword);
      await ward('POST', `/api/v1/cases/${caseId}/agencies/${idOf('ubnd-phuong-thuan-hoa')}/material`, {
        note: 'Phường không tổ chức sự kiện nào liên quan; đề nghị liên hệ Ban tổ chức.',
      });
    } finally {
      setServerClock(0);
    }

    // the DIC sees on time and late, and the case's material is all in
    await page.goto(caseUrl);
    await page.getByTestId('case-status').getByText('Đã nhận đủ thông tin').waitFor();
    await page.getByRole('tab', { name: /Cơ quan và phản hồi/ }).click();
    const ward = page.getByTestId('assignment').filter({ has: page.getByRole('heading', { name: 'Ủy ban nhân dân phường Thuận Hóa' }) });
    await ward.getByTestId('material').getByText('Trễ hạn').waitFor();
    await ward.getByTestId('deadline').getByText('đã trả lời trễ hạn').waitFor();
    await page
      .getByTestId('assignment')
      .filter({ has: page.getByRole('heading', { name: 'Sở Du lịch' }) })
      .getByTestId('deadline')
      .getByText('đã trả lời đúng hạn')
      .waitFor();

    // evidence: a link
    await page.getByRole('tab', { name: /Nơi xuất hiện, bằng chứng/ }).click();
    await page.getByRole('textbox', { name: 'Đường dẫn', exact: true }).fill('https://archive.example.org/festival-hue-2026-huy');
    await page.getByRole('textbox', { name: 'Mô tả ngắn' }).fill('Bản lưu bài đăng');
    await page.getByRole('button', { name: 'Thêm đường dẫn' }).click();
    await page.getByTestId('attachment').getByRole('link', { name: 'Bản lưu bài đăng' }).waitFor();

    // the dossier, saved with its version: someone else's save in between is said plainly, then reloaded
    await page.getByRole('tab', { name: 'Hồ sơ' }).click();
    await page.getByTestId('dossier-facts').fill('Festival Huế 2026 vẫn diễn ra theo kế hoạch đã công bố.');
    const { version } = (await admin('GET', `/api/v1/cases/${caseId}`)) as { version: number };
    await admin('PATCH', `/api/v1/cases/${caseId}`, { version, dossier: { impact: 'Du khách hủy đặt phòng.' } });
    await page.getByTestId('save-dossier').click();
    await page.getByTestId('dossier-stale').getByText('Hồ sơ vừa được người khác lưu').waitFor();
    await page.getByRole('button', { name: 'Tải lại hồ sơ mới nhất' }).click();
    await expect.poll(() => page.getByTestId('dossier-impact').inputValue()).toBe('Du khách hủy đặt phòng.');
    expect(await page.getByTestId('dossier-stale').count()).toBe(0);
    await page.getByTestId('dossier-facts').fill('Festival Huế 2026 vẫn diễn ra theo kế hoạch đã công bố.');
    // the case's own facts are edited in the same form: the title in the header follows
    const title = page.getByTestId('edit-title');
    await title.fill(`${await title.inputValue()} (cập nhật)`);
    await page.getByTestId('edit-reach').fill('52000');
    await page.getByTestId('save-dossier').click();
    await page.getByText('Đã lưu thay đổi.').first().waitFor();
    await page.getByRole('heading', { level: 1, name: /\(cập nhật\)$/ }).waitFor();
    expect(((await admin('GET', `/api/v1/cases/${caseId}`)) as { reach: number }).reach).toBe(52000);
    await settled(page);
    expect(await seriousA11yViolations(page), 'axe (case vi)').toEqual([]);
    await shoot(page, 'cases-page-vi');

    // a third agency notified 9 days ago (the server's clock moved back for that request) is overdue now
    await page.goto('about:blank');
    setServerClock(-9 * DAY);
    try {
      await admin('POST', `/api/v1/cases/${caseId}/notifications`, { agencyIds: [idOf('ubnd-phuong-phu-xuan')] });
    } finally {
      setServerClock(0);
    }

    await page.goto(caseUrl);
    await page.getByRole('tab', { name: /Cơ quan và phản hồi/ }).click();
    await page
      .getByTestId('assignment')
      .filter({ has: page.getByRole('heading', { name: 'Ủy ban nhân dân phường Phú Xuân' }) })
      .getByTestId('deadline')
      .getByText('quá hạn 2 ngày')
      .waitFor();

    // the bilingual clarification item, linked to the content editor
    await page.getByRole('button', { name: 'Tạo tin làm rõ' }).click();
    const clar = page.getByRole('dialog', { name: 'Tạo tin làm rõ' });
    await clar.getByRole('textbox', { name: 'Thông tin sai lệch bằng tiếng Anh' }).fill('Hue Festival 2026 has been cancelled.');
    const [vi, en] = [
      clar.locator('div.mantine-Paper-root').filter({ hasText: 'Tiếng Việt' }),
      clar.locator('div.mantine-Paper-root').filter({ hasText: 'Tiếng Anh' }),
    ];
    await vi.getByRole('textbox', { name: 'Tiêu đề' }).fill('Làm rõ: Festival Huế 2026 vẫn diễn ra');
    await vi.getByRole('textbox', { name: 'Tóm tắt' }).fill('Thông tin Festival Huế 2026 bị hủy là sai sự thật.');
    await en.getByRole('textbox', { name: 'Tiêu đề' }).fill('Clarification: Hue Festival 2026 goes ahead');
    await en.getByRole('textbox', { name: 'Tóm tắt' }).fill('Reports that Hue Festival 2026 was cancelled are false.');
    await en.getByRole('textbox', { name: 'Nội dung' }).fill('Hue Festival 2026 takes place as planned.');
    await clar.getByRole('combobox', { name: 'Cơ quan đứng tên' }).click();
    await page.getByRole('option', { name: 'Sở Du lịch', exact: true }).click();
    for (const [label, value] of [
      ['Tác giả', 'Sở Du lịch'],
      ['Từ khóa', 'Festival Huế'],
    ]) {
      const tags = clar.getByRole('combobox', { name: label, exact: true });
      await tags.fill(value);
      await tags.press('Enter');
    }
    await clar.getByRole('textbox', { name: 'Địa điểm' }).fill('Thành phố Huế');
    await clar.getByRole('textbox', { name: 'Chủ sở hữu bản quyền' }).fill('Sở Du lịch');
    await settled(page);
    expect(await seriousA11yViolations(page), 'axe (clarification form)').toEqual([]);
    await shoot(page, 'cases-clarification-vi');
    await clar.getByTestId('create-clarification').click();
    await page.getByTestId('case-clarification').waitFor();
    const { clarification } = (await inPage(page, 'GET', `/api/v1/cases/${caseId}`)) as {
      clarification: { itemId: string; versions: Array<{ versionId: string; language: string }> };
    };
    expect(clarification.versions.map((v) => v.language)).toEqual(['vi', 'en']);
    await page.getByTestId('clarification-link').click();
    await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
    await page
      .getByRole('textbox', { name: /Tiêu đề/ })
      .first()
      .waitFor();
    expect(await page.content()).toContain('Làm rõ: Festival Huế 2026 vẫn diễn ra');

    // the agency submits both languages, the DIC approves and publishes them (through the API), then marks the case
    await agencyPage.goto(server.adminUrl);
    for (const v of clarification.versions) {
      await inPage(agencyPage, 'POST', `/api/v1/item-versions/${v.versionId}/transitions/submit`, { declaration: { noStateSecrets: true } });
      const approved = await inPage(page, 'POST', `/api/v1/item-versions/${v.versionId}/transitions/approve`, {
        checklist: { copyright: true, accuracy: true, noHarm: true, noStateSecrets: true },
      });
      if (approved.state !== 'published') await inPage(page, 'POST', `/api/v1/item-versions/${v.versionId}/transitions/publish`, {});
    }
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Ghi nhận đã đăng tin làm rõ' }).click();
    await page.getByTestId('confirm-transition').click();
    await page.getByTestId('case-status').getByText('Đã đăng tin làm rõ').waitFor();
    // the portal: the clarification with its ClaimReview in both languages
    for (const [lang, claim] of [
      ['vi', 'Festival Huế 2026 bị hủy toàn bộ vì thiếu kinh phí, du khách được hoàn tiền vé.'],
      ['en', 'Hue Festival 2026 has been cancelled.'],
    ]) {
      const html = await (await fetch(`${server.origin}/${lang}/items/${clarification.itemId}`)).text();
      const docs = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) => {
        const d = JSON.parse(m[1]) as unknown;
        return Array.isArray(d) ? d : [d];
      }) as Array<Record<string, unknown>>;
      const review = docs.find((d) => d['@type'] === 'ClaimReview');
      expect(review, `ClaimReview on /${lang}`).toBeTruthy();
      expect(review).toMatchObject({ claimReviewed: claim, reviewRating: { '@type': 'Rating' }, author: { '@type': 'GovernmentOrganization' } });
      expect(review!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }

    // the timeline records every step
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    for (const step of ['Mở vụ việc', 'Đề nghị cơ quan', 'Gia hạn', 'Nhận thông tin', 'Phản hồi', 'Tạo tin làm rõ'])
      await page.getByTestId('case-timeline').getByText(step, { exact: true }).first().waitFor();
    expect(await seriousA11yViolations(page), 'axe (timeline)').toEqual([]);
    await shoot(page, 'cases-timeline-vi');

    // the list (red countdown, overdue filter) and the figures
    await page.goto(`${server.adminUrl.replace(/\/$/, '')}/cases`);
    const row = page.getByTestId('case-row').filter({ hasText: reference });
    await row.getByText('đã trả lời trễ hạn').waitFor();
    // published: the case owes nothing any more — the ward that never answered is "not answered", not overdue
    await row.getByTestId('deadline').getByText('không trả lời').waitFor();
    expect(await row.locator('[data-testid="deadline"][data-overdue]').count()).toBe(0);
    await page.getByTestId('overdue-only').click();
    await page.waitForURL(/overdue=true/);
    await expect.poll(() => page.getByTestId('case-row').filter({ hasText: reference }).count(), { timeout: 15_000 }).toBe(0);
    await page
      .getByText(/^(Hiển thị \d+\/\d+ vụ việc|Không có dữ liệu\.)$/)
      .first()
      .waitFor();
    await page.getByTestId('overdue-only').click();
    await page.waitForURL((u) => !u.searchParams.has('overdue'));
    await page.getByTestId('case-row').filter({ hasText: reference }).waitFor();
    await settled(page);
    expect(await seriousA11yViolations(page), 'axe (list vi)').toEqual([]);
    await shoot(page, 'cases-list-vi');
    await page.goto(`${server.adminUrl.replace(/\/$/, '')}/cases/figures`);
    await page.getByTestId('figures-row').filter({ hasText: 'Ủy ban nhân dân phường Thuận Hóa' }).getByText('0%').waitFor();
    // on time here; the demo case it has not answered (src/cli/demo-cases.ts) counts as overdue when it falls in this year
    await page
      .getByTestId('figures-row')
      .filter({ hasText: 'Sở Du lịch' })
      .getByText(/^(100|50)%$/)
      .waitFor();
    await page
      .locator('#overdue-title')
      .getByText(/\(\d+\)/)
      .waitFor();
    expect(await page.getByTestId('overdue-cases').getByText(reference).count()).toBe(0);
    expect(await seriousA11yViolations(page), 'axe (figures vi)').toEqual([]);
    await shoot(page, 'cases-figures-vi');

    // English
    await page.evaluate(() => localStorage.setItem('ttdn.admin.lang', 'en'));
    await page.goto(`${server.adminUrl.replace(/\/$/, '')}/cases`);
    await page.getByRole('heading', { name: 'Clarification cases', level: 1 }).waitFor();
    await page.getByTestId('case-row').filter({ hasText: reference }).getByText('answered late').waitFor();
    await page.getByTestId('case-row').filter({ hasText: reference }).getByText('not answered').waitFor();
    expect(await seriousA11yViolations(page), 'axe (list en)').toEqual([]);
    await shoot(page, 'cases-list-en');
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: /Agencies and responses/ }).click();
    await page
      .getByTestId('assignment')
      .filter({ has: page.getByRole('heading', { name: 'Department of Tourism' }) })
      .getByTestId('material')
      .getByText('On time', { exact: true })
      .waitFor();
    await page
      .getByTestId('assignment')
      .filter({ has: page.getByRole('heading', { name: "Phú Xuân Ward People's Committee" }) })
      .getByText('not answered')
      .waitFor();
    expect(await seriousA11yViolations(page), 'axe (case en)').toEqual([]);
    await shoot(page, 'cases-page-en');
    await page.goto(`${server.adminUrl.replace(/\/$/, '')}/cases/new`);
    await page.getByRole('heading', { name: 'Open a case', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Cầu Trường Tiền');
    await page.getByTestId('precedent-case').first().waitFor();
    expect(await seriousA11yViolations(page), 'axe (form en)').toEqual([]);
    await shoot(page, 'cases-form-en');
    await page.goto(`${server.adminUrl.replace(/\/$/, '')}/cases/figures`);
    await page.getByRole('heading', { name: 'Cases: on time and overdue', level: 1 }).waitFor();
    await page.getByTestId('figures-row').filter({ hasText: "Thuận Hóa Ward People's Committee" }).getByText('0%').waitFor();
    expect(await seriousA11yViolations(page), 'axe (figures en)').toEqual([]);
    await shoot(page, 'cases-figures-en');
    // the agency's inbox in English: the demo case it owes (src/cli/demo-cases.ts) is overdue
    await agencyPage.evaluate(() => localStorage.setItem('ttdn.admin.lang', 'en'));
    await agencyPage.goto(`${server.adminUrl.replace(/\/$/, '')}/cases`);
    await agencyPage.getByTestId('cases-owed').getByText('Your agency’s answer').first().waitFor();
    expect(await seriousA11yViolations(agencyPage), 'axe (inbox en)').toEqual([]);
    await shoot(agencyPage, 'cases-inbox-en');
    expect(problems).toEqual([]);
  });
});
