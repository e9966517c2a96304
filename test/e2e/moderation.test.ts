import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeUser } from '../../src/demo/factories.js';
import type { TestContext } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// A new member's first post waits for a community manager, who approves it from the review queue;
// the member then finds it public and is told. Debian's Chromium driven by playwright-core, kept
// off the network (test/helpers/browser.ts).

const PASSWORD = 'correct horse battery staple';

let ctx: TestContext;
let forum: ServedForum;
let browser: Browser;
let base: string;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}


/** What an anonymous visitor gets for a path (a plain request: no browser state involved). */
async function anonymousStatus(path: string): Promise<number> {
  return (await ctx.app.request(new URL(path, base).toString())).status;
}

beforeAll(async () => {
  forum = await serveForum();
  ({ ctx, base } = forum);
  makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling, the app.', moderation: 'new-members' });
  await makeUser(ctx.services, { username: 'nina', password: PASSWORD });
  await makeUser(ctx.services, { username: 'mia', role: 'manager', password: PASSWORD });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('pre-moderation in a real browser', () => {
  test(
    'a new member’s post with a link waits, a manager approves it from the queue, the member sees it public',
    async () => {
      const title = 'Descaling guide that worked for my KT-200';
      const member = await newPage();
      await logIn(member, 'nina', PASSWORD);
      await member.goto('/new?category=kettles');
      await member.getByLabel('Title', { exact: true }).fill(title);
      await member.getByLabel('Message', { exact: true }).fill('This guide fixed the early switch-off for me: https://example.com/descaling');
      await member.getByRole('button', { name: 'Start thread' }).click();
      await member.waitForURL(/\/t\/\d+\/[a-z0-9-]+$/);
      const threadPath = new URL(member.url()).pathname;
      expect(await textOf(member.locator('#post-1 .banner-pending'))).toContain('Awaiting approval');
      expect(await anonymousStatus(threadPath)).toBe(404);

      const manager = await newPage();
      await logIn(manager, 'mia', PASSWORD);
      await manager.locator('.site-header').getByRole('link', { name: /Review/ }).click();
      await manager.waitForURL(`${base}/mod/queue`);
      const item = manager.locator('article.review-item', { hasText: title });
      expect(await textOf(item.locator('.post-body'))).toContain('https://example.com/descaling');
      expect(await textOf(item.locator('.review-facts'))).toContain('Approved posts');
      await item.getByRole('button', { name: 'Approve', exact: true }).click();
      await manager.waitForURL(/\/mod\/queue\?done=approve$/);
      expect(await textOf(manager.locator('.notice'))).toContain('Approved');
      expect(await manager.locator('article.review-item', { hasText: title }).count()).toBe(0);

      expect(await anonymousStatus(threadPath)).toBe(200);
      await member.goto(threadPath);
      expect(await textOf(member.locator('h1'))).toBe(title);
      expect(await member.locator('.banner-pending').count()).toBe(0);
      expect(await textOf(member.locator('#post-1 .post-body'))).toContain('https://example.com/descaling');
      await member.goto('/notifications');
      expect(await textOf(member.locator('.notification-list'))).toContain(`Your post in “${title}” was approved and is now public.`);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
