// The public portal in Chromium, from the demo data a newcomer's first start loads: every page
// type in Vietnamese and English at desktop and phone widths has no serious or critical axe
// violation and no CSP problem; the language switcher and search work without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousA11yViolations, watchPageProblems } from './support/browser.js';
import type { TestServer } from './support/server.js';
import { sharedServer } from './support/shared-server.js';

let server: TestServer;
let browser: Browser;
let albumPath: string;
let clarificationPath: string;

beforeAll(async () => {
  server = sharedServer();
  browser = await launchBrowser();
  // an album of the demo data (its photos get variants from the job runner)
  const listing = await (await fetch(`${server.origin}/vi/kinds/photo_album`)).text();
  albumPath = /href="(\/vi\/items\/[0-9a-f-]{36})"/.exec(listing)![1];
  const clarifications = await (await fetch(`${server.origin}/vi/clarifications`)).text();
  clarificationPath = /href="(\/vi\/items\/[0-9a-f-]{36})"/.exec(clarifications)![1];
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('portal pages in the browser', () => {
  for (const width of [1280, 390]) {
    it(`every page type passes axe in vi and en at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: true });
      const page = await context.newPage();
      const problems = watchPageProblems(page);
      const paths = [
        '/vi/',
        '/en/',
        albumPath,
        albumPath.replace('/vi/', '/en/'),
        '/vi/topics/du-lich-di-san-le-hoi',
        '/en/kinds/news',
        '/vi/search?q=hue',
        '/en/search?q=festival',
        '/vi/khong-co',
        '/en/agencies/so-van-hoa-the-thao',
        '/vi/agencies',
        '/vi/documents',
        '/en/documents?type=plan',
        `${albumPath}/photos/2`,
        '/vi/clarifications',
        '/en/clarifications',
        clarificationPath,
        clarificationPath.replace('/vi/', '/en/'),
        '/vi/profile',
        '/en/profile',
      ];
      for (const path of paths) {
        const res = await page.goto(`${server.origin}${path}`);
        expect([200, 404], path).toContain(res!.status());
        expect(await seriousA11yViolations(page), `axe on ${path} at ${width}px`).toEqual([]);
        // no horizontal scrolling on a phone
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow on ${path} at ${width}px`).toBeLessThanOrEqual(1);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('works without JavaScript: search form, facets, language switcher on an item', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/vi/`);
    await page.getByRole('searchbox').first().fill('le hoi hue');
    await page.getByRole('button', { name: 'Tìm' }).first().click();
    await page.waitForURL(/\/vi\/search\?q=le\+hoi\+hue/);
    expect(await page.locator('.result').count()).toBeGreaterThan(0);
    await page.goto(`${server.origin}${albumPath}`);
    const images = page.locator('.gallery img');
    expect(await images.count()).toBeGreaterThan(0);
    // the photo viewer, with the keyboard only
    await page.locator('.gallery a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/photos\/1$/);
    await page.getByRole('link', { name: /Ảnh sau/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/photos\/2$/);
    await page.getByRole('link', { name: 'Về bộ ảnh' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${albumPath}$`));
    await page.locator('.langs a[hreflang="en"]').click();
    await page.waitForURL(/\/en\/items\//);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
