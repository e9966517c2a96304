import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { EMBED_SESSION_COOKIE } from '../../src/auth/embed-session.js';
import { users } from '../../src/db/schema.js';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromiumBlockingThirdPartyCookies, serveForum, type ServedForum } from '../helpers/browser.js';
import { listenSite, embedFrame } from '../helpers/host-site.js';

// Signing in and replying inside an embed, in Chromium with third-party cookies blocked: the forum
// on http://localhost:<port>, the help center on http://127.0.0.1:<another port> (another site,
// allowed in EMBED_ORIGINS), and a site that is not allowed on a third port.

const TITLE = 'Kettle switches off before the water boils';
const PASSWORD = 'correct horse battery staple';
const REPLY = 'Descaling with citric acid twice fixed mine.';

let forum: ServedForum;
let helpCenter: Server;
let stranger: Server;
let browser: BrowserContext;
let base: string;
let helpOrigin: string;
let strangerOrigin: string;
let threadId: number;
let threadSlugPath: string;
const pages = new Map<string, string>();

// Every message the page receives, whatever its shape, with the sender's origin.
const RECORD = `<script>window.__received = []; addEventListener('message', (event) => __received.push({ origin: event.origin, data: event.data }));</script>`;
const hostPage = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help center</title>${RECORD}</head>
<body><main><h1>How to descale your kettle</h1>${body}</main></body></html>`;

beforeAll(async () => {
  helpCenter = await listenSite(pages);
  stranger = await listenSite(pages);
  helpOrigin = `http://127.0.0.1:${(helpCenter.address() as AddressInfo).port}`;
  strangerOrigin = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`;
  forum = await serveForum({ embedOrigins: [helpOrigin] });
  base = forum.base;
  const { services } = forum.ctx;
  makeCategory(services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing and descaling.' });
  const mia = await makeUser(services, { username: 'mia', role: 'manager' });
  const alice = await makeUser(services, { username: 'alice', password: PASSWORD });
  // A member of some days, so the tests' several posts are not held to a first day's posting limit.
  forum.ctx.db.update(users).set({ createdAt: services.now() - 3 * 86_400_000 }).where(eq(users.id, alice.id)).run();
  const created = await makeThread(services, mia, { category: 'kettles', title: TITLE, body: 'Since last week my KT-200 switches off at around 90 °C.' });
  threadId = created.threadId;
  threadSlugPath = `/t/${threadId}/${created.slug}`;
  const script = `<script async src="${base}/embed.js"></script>`;
  pages.set('/article', hostPage(`<div id="thread" data-hearth-thread="${threadId}"></div>${script}`));
  pages.set('/articles/filters', hostPage(`<div id="thread" data-hearth-key="kb-filters"></div>${script}`).replace('<title>Help center</title>', '<title>Choosing a water filter</title>'));
  pages.set('/stranger', hostPage(`<div id="thread" data-hearth-thread="${threadId}"></div>${script}`));
  browser = await launchChromiumBlockingThirdPartyCookies();
});

afterAll(async () => {
  await browser?.close();
  for (const server of [helpCenter, stranger]) await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await forum?.close();
});

describe('signing in and replying inside an embed, with third-party cookies blocked', () => {
  test(
    'signs in through the popup, replies inside the frame, and the reply is in the community',
    async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${helpOrigin}/article`);
      const frame = await embedFrame(page);
      // The browser really blocks the frame's ordinary cookies here.
      const kept = await frame.evaluate(() => {
        document.cookie = 'probe=1; SameSite=None; Secure; path=/';
        return document.cookie.includes('probe=1');
      });
      expect(kept).toBe(false);

      const popupOpened = browser.waitForEvent('page');
      await frame.getByRole('button', { name: 'Sign in to reply' }).click();
      const popup = await popupOpened;
      await popup.waitForURL(/\/login\?next=/);
      await popup.getByLabel('Username or email address', { exact: true }).fill('alice');
      await popup.getByLabel('Password', { exact: true }).fill(PASSWORD);
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', { name: 'Log in' }).click();
      await closed;

      await frame.getByText('Signed in as alice').waitFor();
      await frame.getByLabel('Your reply').fill(REPLY);
      await frame.getByRole('button', { name: 'Post reply' }).click();
      await frame.getByText('Your reply is posted.').waitFor();
      await frame.locator('.embed-post-body', { hasText: REPLY }).waitFor();
      // Nothing of the sign-in reached the help center's page.
      const received = await page.evaluate(() => JSON.stringify((window as unknown as { __received: unknown[] }).__received));
      expect(received).not.toContain('signedIn');

      // A reload forgets the token the frame kept in memory; the partitioned cookie remembers.
      await page.reload();
      const reloaded = await embedFrame(page);
      await reloaded.getByText('Signed in as alice').waitFor();

      const community = await browser.newPage();
      await community.goto(`${base}${threadSlugPath}`);
      await community.getByText(REPLY).waitFor();
      expect(await community.locator('article', { hasText: REPLY }).getByRole('link', { name: 'alice' }).count()).toBeGreaterThan(0);
      await community.close();
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'replies with the token kept in memory where the browser keeps no cookie for the frame',
    async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      // Like a browser that keeps no cookie for frames at all: the embed cookie is dropped before
      // the frame opens and again after it signs in, so only the token in its memory is left.
      await browser.clearCookies({ name: EMBED_SESSION_COOKIE });
      await page.goto(`${helpOrigin}/article`);
      const frame = await embedFrame(page);
      await frame.getByRole('button', { name: 'Sign in to reply' }).waitFor();
      const popupOpened = browser.waitForEvent('page');
      await frame.getByRole('button', { name: 'Sign in to reply' }).click();
      // Already signed in to the community in this browser: the popup hands over the code at once.
      await (await popupOpened).waitForEvent('close');
      await frame.getByText('Signed in as alice').waitFor();
      await browser.clearCookies({ name: EMBED_SESSION_COOKIE });
      const bySessionCookie = await frame.evaluate((query) => fetch(`/embed/session${query}`).then((response) => response.json()), `?origin=${encodeURIComponent(helpOrigin)}`);
      expect(bySessionCookie).toEqual({ username: null });
      await frame.getByLabel('Your reply').fill('Sent with the token the frame keeps.');
      await frame.getByRole('button', { name: 'Post reply' }).click();
      await frame.locator('.embed-post-body', { hasText: 'Sent with the token the frame keeps.' }).waitFor();
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'starts the discussion of an article that has none, from its frame',
    async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${helpOrigin}/articles/filters`);
      const frame = await embedFrame(page);
      await frame.getByText('Start a discussion about this article').waitFor();
      // Signed in to the community in this browser already: the popup hands over a code at once.
      const popupOpened = browser.waitForEvent('page');
      await frame.getByRole('button', { name: 'Sign in to ask' }).click();
      await (await popupOpened).waitForEvent('close');
      await frame.getByText('Signed in as alice').waitFor();
      await frame.getByLabel('Your question').fill('Which filter suits very hard water?');
      await frame.getByRole('button', { name: 'Start the discussion' }).click();
      await frame.getByRole('heading', { name: 'Choosing a water filter' }).waitFor();
      expect(await frame.locator('#post-1 .embed-post-body a').getAttribute('href')).toBe(`${helpOrigin}/articles/filters`);
      await frame.locator('.embed-post-body', { hasText: 'Which filter suits very hard water?' }).waitFor();
      expect(await frame.locator('.embed-badge', { hasText: 'Official' }).count()).toBe(1);
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'a page on a site that is not allowed can neither frame the thread nor receive a code',
    async () => {
      // The browser is signed in to the community (the popup above): the code would be made.
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const frameResponse = page.waitForResponse((response) => response.url().startsWith(`${base}/embed/t/`));
      await page.goto(`${strangerOrigin}/stranger`);
      expect((await frameResponse).status()).toBe(403);
      // embed.js gives up and leaves a plain link: no frame, so no sign-in offer.
      await page.locator('#thread[data-hearth-state="failed"]').waitFor();
      expect(await page.locator('#thread iframe').count()).toBe(0);

      // Claiming the help center's origin: the popup makes a code, but posts it to the community's
      // origin, which this page is not, so it never arrives.
      const lying = browser.waitForEvent('page');
      await page.evaluate(([url]) => void window.open(url, 'sign-in', 'popup'), [`${base}/embed/sign-in?origin=${encodeURIComponent(helpOrigin)}`]);
      const popup = await lying;
      await popup.waitForEvent('close');
      // Claiming its own origin: refused outright, with no code in the page.
      const honest = browser.waitForEvent('page');
      await page.evaluate(([url]) => void window.open(url, 'sign-in-2', 'popup'), [`${base}/embed/sign-in?origin=${encodeURIComponent(strangerOrigin)}`]);
      const refused = await honest;
      await refused.getByText('Signing in is not possible from this site').waitFor();
      expect(await refused.content()).not.toContain('data-code');

      const received = await page.evaluate(() => JSON.stringify((window as unknown as { __received: unknown[] }).__received));
      expect(received).not.toContain('signedIn');
      expect(received).not.toContain('code');
      await refused.close();
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
