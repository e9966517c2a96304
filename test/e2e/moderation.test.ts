import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeUser } from '../../src/db/factories.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

// A new member's first post waits for a community manager, who approves it from the review queue;
// the member then finds it public and is told. Debian's Chromium driven by playwright-core, kept
// off the network by the same flags as test/e2e/forum.test.ts.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PASSWORD = 'correct horse battery staple';
const BROWSER_TEST_TIMEOUT = 60_000;

let ctx: TestContext;
let server: ServerType;
let browser: Browser;
let base: string;
const contexts: BrowserContext[] = [];

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<ServerType> {
  return new Promise((resolve) => {
    const started = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).trim();
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username or email address', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${base}/`);
  await page.locator('.site-header').getByRole('link', { name: username, exact: true }).waitFor();
}

/** What an anonymous visitor gets for a path (a plain request: no browser state involved). */
async function anonymousStatus(path: string): Promise<number> {
  return (await ctx.app.request(new URL(path, base).toString())).status;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The end-to-end tests need Debian's Chromium at ${CHROMIUM}, which is missing. ` +
        'Install it with: apt-get update && apt-get install -y --no-install-recommends chromium',
    );
  }
  let app: TestContext['app'] | undefined;
  server = await listen((request) => {
    if (!app) return new Response('starting', { status: 503 });
    return app.fetch(request);
  });
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  ctx = await createTestContext({ baseUrl: base, siteName: 'Brewline' });
  app = ctx.app;
  makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling, the app.', moderation: 'new-members' });
  await makeUser(ctx.services, { username: 'nina', password: PASSWORD });
  await makeUser(ctx.services, { username: 'mia', role: 'manager', password: PASSWORD });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await ctx?.close();
});

describe('pre-moderation in a real browser', () => {
  test(
    'a new member’s post with a link waits, a manager approves it from the queue, the member sees it public',
    async () => {
      const title = 'Descaling guide that worked for my KT-200';
      const member = await newPage();
      await logIn(member, 'nina');
      await member.goto('/new?category=kettles');
      await member.getByLabel('Title', { exact: true }).fill(title);
      await member.getByLabel('Message', { exact: true }).fill('This guide fixed the early switch-off for me: https://example.com/descaling');
      await member.getByRole('button', { name: 'Start thread' }).click();
      await member.waitForURL(/\/t\/\d+\/[a-z0-9-]+$/);
      const threadPath = new URL(member.url()).pathname;
      expect(await textOf(member.locator('#post-1 .banner-pending'))).toContain('Awaiting approval');
      expect(await anonymousStatus(threadPath)).toBe(404);

      const manager = await newPage();
      await logIn(manager, 'mia');
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
