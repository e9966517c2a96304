import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { TestContext } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, serveForum, textOf, type ServedForum } from '../helpers/browser.js';

// A person's path through the forum in a real browser: Debian's Chromium driven by playwright-core
// (test/helpers/browser.ts).

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const SCREENSHOT = `${RESULTS}thread-page.png`;
const PASSWORD = 'correct horse battery staple';

let ctx: TestContext;
let forum: ServedForum;
let browser: Browser;
let base: string;
let seededThreadPath: string;
const contexts: BrowserContext[] = [];

async function newPage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1200, height: 800 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

beforeAll(async () => {
  forum = await serveForum();
  ({ ctx, base } = forum);

  makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling, the app and everything in between.' });
  const alice = await makeUser(ctx.services, { username: 'alice', password: PASSWORD });
  const bob = await makeUser(ctx.services, { username: 'bob' });
  const mia = await makeUser(ctx.services, { username: 'mia', role: 'manager', password: PASSWORD });
  const created = await makeThread(ctx.services, alice, {
    category: 'kettles',
    title: 'Kettle keeps switching off before the water boils',
    body: [
      'Since last week my **KT-200** switches off at around 90 °C. What I tried so far:',
      '',
      '1. Descaled it with citric acid',
      '2. Reset it from the app',
      '',
      '> The light blinks orange twice, then stays off.',
    ].join('\n'),
  });
  await makeReply(ctx.services, bob, { threadId: created.threadId, body: 'Same here with mine, since the update on Monday. Following.' });
  await makeReply(ctx.services, mia, {
    threadId: created.threadId,
    body: [
      'Thanks for the details, Alice! Two blinks mean the **boil-dry sensor** tripped. Please update the firmware:',
      '',
      '```',
      'Settings → Device → Firmware → Check for updates',
      '```',
      '',
      'If it still happens on `2.4.1` or later, reply here and we will send a replacement base.',
    ].join('\n'),
  });
  seededThreadPath = `/t/${created.threadId}/${created.slug}`;

  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('the forum in a real browser', () => {
  test(
    'a visitor signs up, starts a thread that waits for the address, confirms it and replies',
    async () => {
      const page = await newPage();
      await page.goto('/');
      await page.locator('.site-header').getByRole('link', { name: 'Sign up', exact: true }).click();
      await page.waitForURL(`${base}/signup`);

      await page.getByLabel('Username', { exact: true }).fill('kettlefan');
      await page.getByLabel('Email address', { exact: true }).fill('kettlefan@example.com');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(`${base}/`);
      await page.locator('.site-header').getByRole('link', { name: 'kettlefan', exact: true }).waitFor();

      await page.getByRole('link', { name: 'Smart Kettles', exact: true }).click();
      await page.waitForURL(`${base}/c/kettles`);
      await page.locator('main').getByRole('link', { name: 'New thread', exact: true }).click();
      await page.waitForURL(/\/new\?category=kettles$/);

      const title = 'Which water filter works best with the KT-200?';
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Message', { exact: true }).fill('Our tap water is very hard. Does a **filter jug** help against scale?');
      await page.getByRole('button', { name: 'Start thread' }).click();
      await page.waitForURL(/\/t\/\d+\/[a-z0-9-]+$/);
      const threadUrl = page.url();
      expect(await textOf(page.locator('h1'))).toBe(title);
      // Until the address is confirmed the thread waits, seen by its author alone.
      expect(await textOf(page.locator('#confirm-address p'))).toContain('Confirm your address to publish this post — we sent a link to kettlefan@example.com');
      expect((await fetch(threadUrl)).status).toBe(404);

      // The link mailed at signup, followed in the browser: the thread goes out.
      const mail = ctx.db.$client.prepare("select text_body from email_outbox where to_address = ? and kind = 'verify_email'").get('kettlefan@example.com') as { text_body: string };
      const link = new URL(mail.text_body.split(/\s+/).find((word) => word.includes('/verify-email?token='))!);
      await page.goto(`${link.pathname}${link.search}`);
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await page.waitForURL(`${base}/verify-email/done`);
      await page.goto(threadUrl);
      expect(await page.locator('#confirm-address').count()).toBe(0);
      expect((await fetch(threadUrl)).status).toBe(200);

      await page.getByLabel('Reply', { exact: true }).fill('Update: a filter jug halved the scale after two weeks.');
      await page.getByRole('button', { name: 'Post reply' }).click();
      await page.waitForURL(/#post-2$/);
      expect(await textOf(page.locator('#post-1 .post-body'))).toBe('Our tap water is very hard. Does a filter jug help against scale?');
      expect(await textOf(page.locator('#post-2 .post-body'))).toBe('Update: a filter jug halved the scale after two weeks.');
      expect(await textOf(page.locator('#post-2 .author'))).toBe('kettlefan');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'without JavaScript, a member logs in and replies with plain HTML forms',
    async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await page.goto('/login');
      await page.getByLabel('Username or email address', { exact: true }).fill('alice');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${base}/`);
      await page.locator('.site-header').getByRole('link', { name: 'alice', exact: true }).waitFor();

      await page.goto(seededThreadPath);
      expect(await textOf(page.locator('h1'))).toBe('Kettle keeps switching off before the water boils');
      expect(await textOf(page.locator('#post-3 .badge'))).toBe('Community manager');

      await page.getByLabel('Reply', { exact: true }).fill('That was it: after the firmware update it boils again. Thank you, Mia!');
      await page.getByRole('button', { name: 'Post reply' }).click();
      await page.waitForURL(/#post-4$/);
      expect(await textOf(page.locator('#post-4 .post-body'))).toBe('That was it: after the firmware update it boils again. Thank you, Mia!');
      expect(await textOf(page.locator('#post-4 .author'))).toBe('alice');

      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    },
    BROWSER_TEST_TIMEOUT,
  );
});
