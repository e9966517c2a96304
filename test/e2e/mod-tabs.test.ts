import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum } from '../helpers/browser.js';

// The community team's tabs on a phone: an admin has fourteen, wider together than a 375px screen.
// None may be cut off or hidden in a strip that gives no sign of scrolling.

const PASSWORD = 'correct horse battery staple';
const PHONE = { width: 375, height: 740 };

let forum: ServedForum;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  forum = await serveForum();
  await makeUser(forum.ctx.services, { username: 'ada', role: 'admin', password: PASSWORD });
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('the /mod tabs on a phone', () => {
  test(
    'every tab is on screen, whole, and can be tapped',
    async () => {
      context = await browser.newContext({ baseURL: forum.base, viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await logIn(page, 'ada', PASSWORD);

      await page.goto('/mod/log');
      const tabs = page.getByRole('navigation', { name: 'Community team' }).getByRole('link');
      const labels = await tabs.allTextContents();
      expect(labels).toEqual(['Overview', 'Insights', 'Review queue', 'Members', 'Saved replies', 'Audit log', 'Settings', 'Watched words', 'Categories', 'Ideas', 'Profile fields', 'Flags', 'Blocked domains', 'Language', 'Appearance']);
      for (const label of labels) {
        const box = await page.getByRole('navigation', { name: 'Community team' }).getByRole('link', { name: label, exact: true }).boundingBox();
        expect(box, label).not.toBeNull();
        expect(box!.x, label).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, label).toBeLessThanOrEqual(PHONE.width);
      }
      // Nothing in the strip is scrolled out of sight, and the page itself does not scroll sideways.
      const strip = await page.locator('.mod-tabs').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
      expect(strip.scroll).toBeLessThanOrEqual(strip.client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

      await page.getByRole('navigation', { name: 'Community team' }).getByRole('link', { name: 'Categories', exact: true }).tap();
      await page.waitForURL(`${forum.base}/admin/categories`);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
