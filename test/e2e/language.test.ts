// The language switch: Vietnamese by default, English on request (remembered across reloads,
// reflected in <html lang>), and the server's refusal shown in the chosen language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousA11yViolations, watchPageProblems } from './support/browser.js';
import type { TestServer } from './support/server.js';
import { sharedServer } from './support/shared-server.js';

let server: TestServer;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  server = sharedServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  page.setDefaultTimeout(20_000);
  problems = watchPageProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const htmlLang = () => page.evaluate(() => document.documentElement.lang);

describe('language switch', () => {
  it('switches the sign-in page to English and shows the server error in English', async () => {
    await page.goto(`${server.origin}/admin/sign-in`);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await htmlLang()).toBe('vi');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await htmlLang()).toBe('en');
    expect(await page.title()).toBe('TTDN — Administration');

    await page.getByRole('textbox', { name: 'E-mail or user name', exact: true }).fill(server.adminUsername);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Wrong user name or password.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('remembers English after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await htmlLang()).toBe('en');
  });

  it('switches back to Vietnamese, with the server error in Vietnamese', async () => {
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await htmlLang()).toBe('vi');
    await page.getByRole('textbox', { name: 'Email hoặc tên đăng nhập', exact: true }).fill('khong-co-tai-khoan-nay');
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('sai mật khẩu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    // Required fields are checked before anything is sent.
    await page.getByRole('textbox', { name: 'Email hoặc tên đăng nhập', exact: true }).fill('');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Trường này là bắt buộc.').first().waitFor();
  });

  it('met no CSP violation or page error', () => {
    expect(problems).toEqual([]);
  });
});
