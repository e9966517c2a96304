import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import type { TestContext } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// Watching a category and following a notification back to the post, in Chromium with
// JavaScript off: the forms alone must do it.

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const PASSWORD = 'correct horse battery staple';

let ctx: TestContext;
let forum: ServedForum;
let browser: Browser;
let context: BrowserContext;
let alice: SignedIn;

beforeAll(async () => {
  forum = await serveForum();
  ctx = forum.ctx;
  makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles' });
  alice = await makeUser(ctx.services, { username: 'alice' });
  await makeUser(ctx.services, { username: 'bob', password: PASSWORD });
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1200, height: 800 }, javaScriptEnabled: false });
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('notifications in a real browser', () => {
  test(
    'a member watches a category, then opens what came of it',
    async () => {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await logIn(page, 'bob', PASSWORD);

      await page.goto('/c/kettles');
      await page.getByLabel('Notifications', { exact: true }).selectOption('watching');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(`${forum.base}/c/kettles`);
      expect(await page.getByLabel('Notifications', { exact: true }).inputValue()).toBe('watching');

      const thread = await makeThread(ctx.services, alice, { category: 'kettles', title: 'Descaling every week?', body: 'Is that too often, @bob?' });
      await makeReply(ctx.services, alice, { threadId: thread.threadId, body: 'Answering myself: monthly is enough.' });
      await page.goto('/');
      expect(await textOf(page.locator('.site-header .count-badge'))).toBe('2');
      await page.locator('.site-header').getByRole('link', { name: /Notifications/ }).click();
      await page.waitForURL(`${forum.base}/notifications`);
      const items = page.locator('.notification-list li');
      expect(await textOf(items.nth(0).locator('p').first())).toMatch(/^Unread:\s+alice replied in “Descaling every week\?”$/);
      expect(await textOf(items.nth(1).locator('p').first())).toMatch(/^Unread:\s+alice mentioned you in “Descaling every week\?”$/);
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: `${RESULTS}notifications-page.png`, fullPage: true });

      await items.nth(1).getByRole('button', { name: 'Open' }).click();
      await page.waitForURL(new RegExp(`/t/${thread.threadId}/descaling-every-week#post-1$`));
      expect(await page.locator('#post-1 a.mention').getAttribute('href')).toBe('/u/bob');
      expect(await page.getByLabel('Notifications', { exact: true }).inputValue()).toBe('watching');
      expect(await textOf(page.locator('.site-header .count-badge'))).toBe('1');
      await page.screenshot({ path: `${RESULTS}thread-watch-form.png`, fullPage: true });
    },
    BROWSER_TEST_TIMEOUT,
  );
});
