import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/axe.js';

// The community team's overview on a phone: the day at a glance is on screen and leads to the
// queue; it and the admin forms for target reply times and the alert delay pass axe-core.

const PASSWORD = 'correct horse battery staple';
const PHONE = { width: 375, height: 740 };

let forum: ServedForum;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  forum = await serveForum();
  const services = forum.ctx.services;
  await makeUser(services, { username: 'ada', role: 'admin', password: PASSWORD });
  const member = await makeUser(services, { username: 'alice' });
  makeCategory(services, { name: 'Coffee Grinders', slug: 'grinders', moderation: 'all' });
  await makeThread(services, member, { category: 'grinders', title: 'Which burr size for espresso?', body: 'Conical or flat?' });
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('the /mod overview on a phone', () => {
  test(
    'shows the day at a glance on screen, leads to the queue, and the team pages have no serious axe violations',
    async () => {
      context = await browser.newContext({ baseURL: forum.base, viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await logIn(page, 'ada', PASSWORD);

      await page.goto('/mod');
      const glance = page.getByRole('region', { name: 'The day at a glance' });
      const queue = glance.getByRole('link', { name: '1 item waits for review' });
      await queue.waitFor();
      const box = await queue.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      expect(await glance.getByRole('link', { name: 'No questions past their target reply time' }).getAttribute('href')).toBe('/mod/insights');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);

      for (const path of ['/admin/categories', '/admin/flags']) {
        await page.goto(path);
        expect(await seriousViolations(page), path).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(PHONE.width);
      }

      await page.goto('/mod');
      await queue.tap();
      await page.waitForURL(`${forum.base}/mod/queue`);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
