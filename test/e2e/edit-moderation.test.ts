import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import type { TestContext } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// A member edits an approved post in a category that holds every post: the edit waits, the member
// is told, a manager reads it in the queue as a diff against the public text and approves it.

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


async function anonymousText(path: string): Promise<string> {
  return (await ctx.app.request(new URL(path, base).toString())).text();
}

beforeAll(async () => {
  forum = await serveForum();
  ({ ctx, base } = forum);
  makeCategory(ctx.services, { name: 'Coffee Grinders', slug: 'grinders' });
  await makeUser(ctx.services, { username: 'nina', password: PASSWORD });
  await makeUser(ctx.services, { username: 'mia', role: 'manager', password: PASSWORD });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('held edits in a real browser', () => {
  test(
    'a held edit waits while the public text stays, shows in the queue as a diff, and goes public once approved',
    async () => {
      const nina = ctx.db.$client.prepare('select id, username, role, created_at as createdAt from users where username = ?').get('nina') as { id: number; username: string; role: 'member'; createdAt: number };
      const { threadId, postId, slug } = await makeThread(ctx.services, nina, { category: 'grinders', title: 'Burr noise after cleaning', body: 'The burrs squeal after cleaning.\nIs that normal?' });
      // The team starts holding every post after this one was published.
      ctx.db.$client.prepare("update categories set moderation = 'all' where slug = 'grinders'").run();
      const threadPath = `/t/${threadId}/${slug}`;

      const member = await newPage();
      await logIn(member, 'nina', PASSWORD);
      await member.goto(`/p/${postId}/edit`);
      await member.getByLabel('Message', { exact: true }).fill('The burrs rattle after cleaning.\nIs that normal?');
      await member.getByRole('button', { name: 'Save changes' }).click();
      await member.waitForURL(new RegExp(`${threadPath}#post-1$`));
      expect(await textOf(member.locator('#post-1 .banner-pending'))).toContain('Your edit is waiting for review');
      expect(await textOf(member.locator('#post-1 .post-body'))).toContain('squeal');
      expect(await anonymousText(threadPath)).not.toContain('rattle');

      const manager = await newPage();
      await logIn(manager, 'mia', PASSWORD);
      await manager.goto('/mod/queue');
      const item = manager.locator('article.review-item', { hasText: 'Edit waiting for review' });
      const removed = item.locator('.edit-diff del');
      const added = item.locator('.edit-diff ins');
      await removed.waitFor();
      expect(await removed.textContent()).toBe('removed: squeal');
      expect(await added.textContent()).toBe('added: rattle');
      // The words for screen readers are in the accessibility tree but not on screen.
      expect(await removed.evaluate((element) => getComputedStyle(element).textDecorationLine)).toBe('line-through');
      const hiddenWidth = await added.locator('.visually-hidden').evaluate((element) => element.getBoundingClientRect().width);
      expect(hiddenWidth).toBeLessThanOrEqual(1);
      expect(await item.locator('.edit-diff').innerText()).toContain('Is that normal?');
      await item.getByRole('button', { name: 'Approve edit' }).click();
      await manager.waitForURL(/\/mod\/queue\?done=approve$/);
      expect(await manager.locator('article.review-item', { hasText: 'Edit waiting for review' }).count()).toBe(0);

      expect(await anonymousText(threadPath)).toContain('The burrs rattle after cleaning.');
      await member.goto(threadPath);
      expect(await member.locator('#post-1 .banner-pending').count()).toBe(0);
      expect(await textOf(member.locator('#post-1 .post-body'))).toContain('rattle');
    },
    BROWSER_TEST_TIMEOUT,
  );
});
