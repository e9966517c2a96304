import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { createReply } from '../../src/forum/posts.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, serveForum, textOf, type ServedForum } from '../helpers/browser.js';

// The replies a post received are listed collapsed under it; the list opens without JavaScript,
// and each entry leads to its reply.

let forum: ServedForum;
let browser: Browser;
let threadPath: string;

beforeAll(async () => {
  forum = await serveForum();
  const { ctx } = forum;
  makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles' });
  const alice = await makeUser(ctx.services, { username: 'alice' });
  const bob = await makeUser(ctx.services, { username: 'bob' });
  const thread = await makeThread(ctx.services, alice, { category: 'kettles', title: 'Does the KT-200 keep tea warm?', body: 'Looking for a keep-warm setting.' });
  await createReply(ctx.services, bob, { threadId: thread.threadId, body: 'Yes: hold the 80 °C button for three seconds.', replyTo: '1' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await forum?.close();
});

describe('reply context in a real browser', () => {
  test(
    'the collapsed replies list opens, without JavaScript, and leads to the reply',
    async () => {
      const context = await browser.newContext({ baseURL: forum.base, javaScriptEnabled: false });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(threadPath);
      const replies = page.locator('#post-1 details.post-replies');
      const link = replies.getByRole('link', { name: '@bob #2' });
      expect(await link.isVisible()).toBe(false);
      await replies.locator('summary').click();
      expect(await textOf(link)).toBe('@bob #2');
      await link.click();
      await page.waitForURL(/#post-2$/);
      expect(await textOf(page.locator('#post-2 .in-reply-to'))).toBe('in reply to @alice #1');
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
