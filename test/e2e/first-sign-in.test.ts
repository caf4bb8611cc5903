// The first day: the printed administrator signs in, changes the password, sets up TOTP, keeps
// the recovery codes, creates an agency and a contributor account for it; that contributor then
// signs in, changes the password and lands on a home page showing their agency. axe-core checks
// every screen on the way for serious or critical accessibility violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totp } from './support/accounts.js';
import { launchBrowser, seriousA11yViolations, watchPageProblems } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problems = watchPageProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(name: string) {
  const violations = await seriousA11yViolations(page);
  expect(violations, `axe on ${name}`).toEqual([]);
}

const field = (name: string) => page.getByRole('textbox', { name, exact: true });

describe('first sign-in journey', () => {
  const adminPassword = 'Kinh thành Huế bên dòng sông Hương 1802';
  const agency = { nameVi: 'Sở Xây dựng', nameEn: 'Department of Construction', slug: 'so-xay-dung' };
  const contributor = { displayName: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@soxd.hue.gov.vn', username: 'hoa.nguyen' };
  const contributorPassword = 'Hoa sen nở trong đầm Tịnh Tâm 2026';
  let initialPassword = '';

  it('the sign-in page is Vietnamese and accessible', async () => {
    // Exactly the address `npm start` prints.
    await page.goto(server.adminUrl);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expectAccessible('sign-in');
  });

  it('the administrator signs in and is sent to the forced password change', async () => {
    await field('Email hoặc tên đăng nhập').fill(server.adminUsername);
    await field('Mật khẩu').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in/password');
    await expectAccessible('password change');

    await field('Mật khẩu hiện tại').fill(server.adminPassword);
    await field('Mật khẩu mới').fill(adminPassword);
    await field('Nhập lại mật khẩu mới').fill(adminPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  });

  it('sets up TOTP with the secret shown on the page and keeps the recovery codes', async () => {
    await page.getByRole('heading', { name: 'Thiết lập xác thực hai lớp', level: 1 }).waitFor();
    const qr = page.getByRole('img', { name: /Mã QR/ });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible('TOTP enrolment');

    await field('Mã xác thực').fill(totp(secret));
    await page.getByRole('button', { name: 'Kích hoạt' }).click();

    await page.getByRole('heading', { name: 'Mã khôi phục', level: 1 }).waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(codes.length).toBeGreaterThanOrEqual(8);
    await expectAccessible('recovery codes');
    await page.getByRole('button', { name: 'Tôi đã lưu các mã khôi phục' }).click();
  });

  it('lands on the administrator home page', async () => {
    await page.getByRole('heading', { name: 'Xin chào, Quản trị hệ thống', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const entry of ['Cơ quan, đơn vị', 'Tài khoản', 'Nhật ký hệ thống', 'Ứng dụng kết nối API']) {
      await nav.getByRole('link', { name: entry }).waitFor();
    }
    await page.getByTestId('stat-agencies').getByText(/^\d+$/).waitFor();
    await expectAccessible('admin home');
  });

  it('creates an agency', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
    await page.getByRole('heading', { name: 'Cơ quan, đơn vị', level: 1 }).waitFor();
    await page.getByTestId('agencies-table').waitFor();
    await expectAccessible('agencies list');

    await page.getByRole('link', { name: 'Thêm cơ quan' }).click();
    await page.getByRole('heading', { name: 'Thêm cơ quan', level: 1 }).waitFor();
    // Client-side validation mirrors the server: an invalid code is refused on the field.
    await field('Mã (dùng trong đường dẫn)').fill('Sở XD');
    await page.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByText('Chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ so-du-lich).').waitFor();

    await field('Tên tiếng Việt').fill(agency.nameVi);
    await field('Tên tiếng Anh').fill(agency.nameEn);
    await field('Mã (dùng trong đường dẫn)').fill(agency.slug);
    await field('Điện thoại').fill('0234 3822 000');
    await page.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByRole('heading', { name: agency.nameVi, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/agencies\/[0-9a-f-]{36}$/);
  });

  it('creates a contributor account for it and reads the initial password shown once', async () => {
    await page.getByRole('link', { name: 'Thêm tài khoản cho cơ quan này' }).click();
    await page.getByRole('heading', { name: 'Thêm tài khoản', level: 1 }).waitFor();
    // Opened from the agency: the agency is chosen, the role defaults to contributor.
    await expect.poll(() => page.getByRole('combobox', { name: 'Cơ quan' }).inputValue()).toBe(agency.nameVi);
    expect(await page.getByRole('combobox', { name: 'Vai trò' }).inputValue()).toBe('Cán bộ cung cấp thông tin');
    await field('Họ và tên').fill(contributor.displayName);
    await field('Email').fill(contributor.email);
    await field('Tên đăng nhập').fill(contributor.username);
    await page.getByRole('button', { name: 'Tạo mới' }).click();

    await page.getByRole('heading', { name: `Đã tạo tài khoản ${contributor.username}`, level: 1 }).waitFor();
    initialPassword = ((await page.getByTestId('initial-password').textContent()) ?? '').trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await page.getByRole('button', { name: 'Xem tài khoản' }).click();
    await page.getByRole('heading', { name: contributor.displayName, level: 1 }).waitFor();
  });

  it('lists the new account among the users', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tài khoản', level: 1 }).waitFor();
    const row = page.getByTestId(`user-row-${contributor.username}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(agency.nameVi);
    expect(await row.textContent()).toContain('Chờ đổi mật khẩu');
    await expectAccessible('users list');
  });

  it('signs out', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
  });

  it('the contributor signs in, must change the password, and sees their agency at home', async () => {
    await field('Email hoặc tên đăng nhập').fill(contributor.username);
    await field('Mật khẩu').fill(initialPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
    await field('Mật khẩu hiện tại').fill(initialPassword);
    await field('Mật khẩu mới').fill(contributorPassword);
    await field('Nhập lại mật khẩu mới').fill(contributorPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    await page.getByRole('heading', { name: `Xin chào, ${contributor.displayName}`, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.getByTestId('home-agency-name').textContent()).toBe(agency.nameVi);
    // A contributor's menu has no administration entries.
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Tài khoản của cơ quan' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Nhật ký hệ thống' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Cơ quan, đơn vị' }).count()).toBe(0);
    await expectAccessible('contributor home');
  });

  it('met no CSP violation or page error on the way', () => {
    expect(problems).toEqual([]);
  });
});
