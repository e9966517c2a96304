import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { TestContext } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, serveForum, type ServedForum } from '../helpers/browser.js';
import { listenSite, embedFrame } from '../helpers/host-site.js';

// Embeds in a real browser across two origins: the forum on http://localhost:<port>, a stand-in
// help center on http://127.0.0.1:<another port> (allowed in EMBED_ORIGINS), and a third site on
// yet another port that is not allowed. Chromium as in test/helpers/browser.ts.

const TITLE = 'Kettle switches off before the water boils';

let ctx: TestContext;
let forum: ServedForum;
let helpCenter: Server;
let stranger: Server;
let browser: Browser;
let base: string;
let helpOrigin: string;
let strangerOrigin: string;
let threadId: number;
const pages = new Map<string, string>();
const contexts: BrowserContext[] = [];

/** A tiny static site: the help center (and the site that is not allowed) serve pages from `pages`. */
// The host page records every hearth message (with which iframe sent it) and every change of an
// iframe's style, so the test can tell whether a frame was ever visible before it was ready.
const INSTRUMENT = `<script>
window.__t0 = performance.now();
window.__messages = [];
window.__styles = [];
window.__navigations = [];
const frameIndex = (win) => [...document.querySelectorAll('iframe')].findIndex((frame) => frame.contentWindow === win);
addEventListener('message', (event) => {
  if (event.data && event.data.hearth) __messages.push({ ...event.data.hearth, origin: event.origin, frame: frameIndex(event.source), t: performance.now() });
});
window.__inserted = [];
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node.tagName === 'IFRAME') __inserted.push(performance.now());
    if (record.type !== 'attributes' || record.target.tagName !== 'IFRAME') continue;
    const frame = [...document.querySelectorAll('iframe')].indexOf(record.target);
    __styles.push({ frame, opacity: record.target.style.opacity, ready: __messages.some((m) => m.type === 'ready' && m.frame === frame) });
  }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
document.addEventListener('hearth:navigate', (event) => __navigations.push(event.detail.url));
</script>`;

function hostPage(body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Help center</title>
<style>
  body { margin: 0; font-family: sans-serif; background: #ffffff; color: #111111; }
  html.dark body { background: #0e1116; color: #e6e9ed; }
  main { max-width: 720px; margin: 0 auto; padding: 16px; }
  main.narrow { max-width: 300px; }
</style>${INSTRUMENT}</head>
<body><main id="article"><h1>How to descale your kettle</h1><p>Fill it with a citric acid solution and boil twice.</p>
${body}
</main></body></html>`;
}

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** The iframe's height on the host page and its content's height inside the frame. */
async function heights(page: Page, selector: string) {
  const outer = await page.locator(`${selector} iframe`).evaluate((frame) => frame.getBoundingClientRect().height);
  const frame = await embedFrame(page, selector, false);
  const inner = await frame.evaluate(() => ({
    content: document.querySelector('.hearth-embed')!.getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
  }));
  return { outer, ...inner };
}

/** Polls until check() holds, with a deadline (never a fixed sleep). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  // The sites listen first, so the forum is built with the origins the browser will really use.
  helpCenter = await listenSite(pages);
  stranger = await listenSite(pages);
  helpOrigin = `http://127.0.0.1:${(helpCenter.address() as AddressInfo).port}`;
  strangerOrigin = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`;
  forum = await serveForum({ embedOrigins: [helpOrigin] });
  ({ ctx, base } = forum);

  makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling and the app.' });
  const alice = await makeUser(ctx.services, { username: 'alice' });
  const mia = await makeUser(ctx.services, { username: 'mia', role: 'manager' });
  const created = await makeThread(ctx.services, alice, { category: 'kettles', title: TITLE, body: 'Since last week my **KT-200** switches off at around 90 °C.' });
  threadId = created.threadId;
  for (let index = 1; index <= 6; index++) {
    await makeReply(ctx.services, index % 2 ? mia : alice, { threadId, body: `Reply ${index}: ${'Descaling with citric acid helps, then update the firmware. '.repeat(index)}` });
  }
  await makeThread(ctx.services, alice, { category: 'kettles', title: 'Which filter jug works best?', body: 'Hard water here.' });

  const script = `<script async src="${base}/embed.js"></script>`;
  pages.set('/article', hostPage(`<div id="thread" data-hearth-thread="${threadId}"></div>
<div id="latest" data-hearth-category="kettles" data-hearth-limit="3" data-hearth-theme="dark"></div>${script}`));
  const fragment = await (await fetch(`${base}/embed/t/${threadId}/fragment`)).text();
  pages.set('/article-with-fragment', hostPage(`<div id="included">${fragment}</div>${script}`));
  pages.set('/below-the-fold', hostPage(`<div class="spacer" style="height: 1600px"></div><div id="thread" data-hearth-thread="${threadId}"></div>${script}`));
  pages.set('/stranger', hostPage(`<div id="thread" data-hearth-thread="${threadId}"></div>${script}`));
  // A Turkish help center, with one embed asked for in Arabic.
  pages.set('/makale', hostPage(`<div id="thread" data-hearth-thread="${threadId}"></div>
<div id="arabic" data-hearth-thread="${threadId}" data-hearth-locale="ar"></div>${script}`, 'tr'));
  pages.set('/yabanci', hostPage(`<div id="thread" data-hearth-thread="${threadId}"></div>${script}`, 'tr'));
  // A page that is not allowed pretends to be the help center: the CSP still refuses it.
  pages.set('/liar', hostPage(`<iframe id="forged" src="${base}/embed/t/${threadId}?origin=${encodeURIComponent(helpOrigin)}"></iframe>
<script>document.getElementById('forged').addEventListener('load', () => { window.__forgedLoaded = true; });</script>`));

  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  for (const server of [helpCenter, stranger]) await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await forum?.close();
});

describe('embedding a thread in another site', () => {
  test(
    'the frame stays invisible until styled and ready, then fits its content',
    async () => {
      const page = await newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
      });
      // Hold the frames' stylesheet: while it is pending, the frame must not be visible at all.
      let stylesheetRequested!: () => void;
      const requested = new Promise<void>((resolve) => (stylesheetRequested = resolve));
      let releaseStylesheet!: () => void;
      const released = new Promise<void>((resolve) => (releaseStylesheet = resolve));
      await page.route('**/static/embed.css', async (route) => {
        stylesheetRequested();
        await released;
        await route.continue();
      });
      await page.goto(`${helpOrigin}/article`, { waitUntil: 'domcontentloaded' });
      await requested;
      expect(await page.locator('#thread').getAttribute('data-hearth-state')).toBe('loading');
      expect(await page.locator('#thread iframe').evaluate((frame) => getComputedStyle(frame).opacity)).toBe('0');
      expect(await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages.length)).toBe(0);
      releaseStylesheet();

      await page.locator('#thread[data-hearth-state="ready"]').waitFor();
      const iframe = page.locator('#thread iframe');
      expect(await iframe.getAttribute('loading')).toBe('lazy');
      expect(await iframe.evaluate((frame) => getComputedStyle(frame).opacity)).toBe('1');
      const src = new URL((await iframe.getAttribute('src'))!);
      expect(src.origin).toBe(base);
      expect(src.searchParams.get('origin')).toBe(helpOrigin);

      // No frame was ever made visible before its own "ready" message.
      const styles = await page.evaluate(() => (window as unknown as { __styles: { opacity: string; ready: boolean }[] }).__styles);
      expect(styles.filter((entry) => entry.opacity !== '0' && entry.opacity !== '')).not.toHaveLength(0);
      expect(styles.filter((entry) => entry.opacity !== '0' && entry.opacity !== '' && !entry.ready)).toEqual([]);
      const messages = await page.evaluate(() => (window as unknown as { __messages: { origin: string }[] }).__messages);
      expect(new Set(messages.map((message) => message.origin))).toEqual(new Set([base]));

      const frame = await embedFrame(page, '#thread', false);
      expect((await frame.locator('h1').innerText()).trim()).toBe(TITLE);
      expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.embed-post')!).borderTopLeftRadius)).toBe('8px');
      await eventually(async () => {
        const { outer, content, scroll } = await heights(page, '#thread');
        return Math.abs(outer - content) <= 3 && scroll <= outer + 1;
      }, 'the iframe is as tall as its content');
      expect(problems).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an embed below the fold is sized before it is seen and shown when scrolled to',
    async () => {
      const page = await newPage();
      await page.goto(`${helpOrigin}/below-the-fold`);
      const iframe = page.locator('#thread iframe');
      // Browsers do not render cross-origin frames off-screen; the frame still reports its size.
      await eventually(async () => (await iframe.evaluate((frame) => frame.style.height)) !== '150px', 'the off-screen frame is sized');
      expect(await page.locator('#thread').getAttribute('data-hearth-state')).toBe('loading');
      await page.locator('#thread').scrollIntoViewIfNeeded();
      await page.locator('#thread[data-hearth-state="ready"]').waitFor();
      const { outer, content } = await heights(page, '#thread');
      expect(Math.abs(outer - content)).toBeLessThanOrEqual(3);
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'follows the page’s theme and width',
    async () => {
      const page = await newPage();
      await page.goto(`${helpOrigin}/article`);
      await page.locator('#thread[data-hearth-state="ready"]').waitFor();
      // Below the thread, so only rendered (and ready) once it is scrolled into view.
      await page.locator('#latest').scrollIntoViewIfNeeded();
      await page.locator('#latest[data-hearth-state="ready"]').waitFor();
      const thread = await embedFrame(page, '#thread', false);
      const latest = await embedFrame(page, '#latest', false);
      const themeOf = (frame: Frame) => frame.evaluate(() => document.documentElement.getAttribute('data-theme'));
      const titleColor = (frame: Frame) => frame.evaluate(() => getComputedStyle(document.querySelector('.embed-title a')!).color);
      expect(await themeOf(thread)).toBe('light');
      expect(await themeOf(latest)).toBe('dark');
      const lightColor = await titleColor(thread);

      await page.evaluate(() => document.documentElement.classList.add('dark'));
      await eventually(async () => (await themeOf(thread)) === 'dark', 'the thread frame turns dark');
      expect(await titleColor(thread)).not.toBe(lightColor);
      // The frame stays transparent: the host's dark background shows through, no white box.
      expect(await thread.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
      expect(await thread.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
        await page.locator('#thread iframe').evaluate((frame) => getComputedStyle(frame).colorScheme),
      );

      await page.evaluate(() => document.documentElement.classList.remove('dark'));
      await eventually(async () => (await themeOf(thread)) === 'light', 'the thread frame turns light again');
      expect(await themeOf(latest)).toBe('dark'); // data-hearth-theme="dark" is fixed

      const wide = await heights(page, '#thread');
      await page.evaluate(() => document.getElementById('article')!.classList.add('narrow'));
      await eventually(async () => {
        const { outer, content } = await heights(page, '#thread');
        return content > wide.content + 50 && Math.abs(outer - content) <= 3;
      }, 'the iframe grows with its reflowed content');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'links open the community in a new tab and the host hears about it',
    async () => {
      const page = await newPage();
      await page.goto(`${helpOrigin}/article`);
      await page.locator('#thread[data-hearth-state="ready"]').waitFor();
      const frame = await embedFrame(page, '#thread', false);
      const [popup] = await Promise.all([page.context().waitForEvent('page'), frame.locator('.embed-button').click()]);
      await popup.waitForLoadState('domcontentloaded');
      expect(popup.url()).toMatch(new RegExp(`^${base}/t/${threadId}/`));
      expect(page.url()).toBe(`${helpOrigin}/article`);
      await eventually(async () => (await page.evaluate(() => (window as unknown as { __navigations: string[] }).__navigations.length)) === 1, 'the host got a navigate event');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'a server-included fragment is readable without JavaScript and upgraded in place with it',
    async () => {
      const plain = await newPage({ javaScriptEnabled: false });
      await plain.goto(`${helpOrigin}/article-with-fragment`);
      expect((await plain.locator('.hearth-fragment-title').innerText()).trim()).toBe(TITLE);
      expect(await plain.locator('iframe').count()).toBe(0);

      const page = await newPage();
      await page.goto(`${helpOrigin}/article-with-fragment`);
      const fragment = page.locator('.hearth-fragment');
      await page.locator('.hearth-fragment[data-hearth-state="ready"]').waitFor();
      expect(await page.locator('.hearth-fragment-title').isVisible()).toBe(false);
      expect(await fragment.locator('iframe').isVisible()).toBe(true);
      await eventually(async () => {
        const { outer, content } = await heights(page, '.hearth-fragment');
        return Math.abs(outer - content) <= 3;
      }, 'the upgraded frame fits its content');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'a site that is not on the list cannot show the thread',
    async () => {
      const page = await newPage();
      const refused = page.waitForResponse((response) => response.url().startsWith(`${base}/embed/t/`));
      await page.goto(`${strangerOrigin}/stranger`);
      expect((await refused).status()).toBe(403);
      // embed.js gives up and leaves a plain link instead of an empty box.
      await page.locator('#thread[data-hearth-state="failed"]').waitFor();
      expect(await page.locator('#thread iframe').count()).toBe(0);
      expect(await page.locator('#thread a').getAttribute('href')).toBe(`${base}/t/${threadId}`);

      // Forging ?origin does not help: the browser enforces frame-ancestors.
      const liar = await newPage();
      const forged = liar.waitForResponse((response) => response.url().startsWith(`${base}/embed/t/`));
      await liar.goto(`${strangerOrigin}/liar`);
      expect((await forged).status()).toBe(200);
      await eventually(async () => liar.evaluate(() => (window as unknown as { __forgedLoaded?: boolean }).__forgedLoaded === true), 'the forged frame finished loading');
      const frame = await (await liar.locator('#forged').elementHandle())!.contentFrame();
      expect(await frame?.locator('.hearth-embed').count().catch(() => 0)).toBe(0);
      expect(await liar.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages.length)).toBe(0);
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'speaks the host page’s language, or the one data-hearth-locale names',
    async () => {
      const page = await newPage();
      await page.goto(`${helpOrigin}/makale`);
      await page.locator('#thread[data-hearth-state="ready"]').waitFor();
      const iframe = page.locator('#thread iframe');
      expect(await iframe.getAttribute('title')).toBe('Topluluk tartışması');
      expect(new URL((await iframe.getAttribute('src'))!).searchParams.get('locale')).toBe('tr');
      const turkish = await embedFrame(page, '#thread', false);
      expect(await turkish.evaluate(() => document.documentElement.lang)).toBe('tr');
      expect((await turkish.locator('.embed-button').innerText()).trim()).toBe('Toplulukta yanıtlayın');

      await page.locator('#arabic').scrollIntoViewIfNeeded();
      await page.locator('#arabic[data-hearth-state="ready"]').waitFor();
      expect(await page.locator('#arabic iframe').getAttribute('title')).toBe('نقاش المجتمع');
      const arabic = await embedFrame(page, '#arabic', false);
      expect(await arabic.evaluate(() => [document.documentElement.lang, getComputedStyle(document.querySelector('.hearth-embed')!).direction])).toEqual(['ar', 'rtl']);
      expect((await arabic.locator('.embed-button').innerText()).trim()).toBe('ردّ في المجتمع');

      // A site that may not embed is left a link, in its own language too.
      const refused = await newPage();
      await refused.goto(`${strangerOrigin}/yabanci`);
      await refused.locator('#thread[data-hearth-state="failed"]').waitFor();
      expect((await refused.locator('#thread a').innerText()).trim()).toBe('Tartışmayı toplulukta açın');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'measures the loader and the time to the first painted frame',
    async () => {
      const page = await newPage();
      await page.goto(`${helpOrigin}/article`);
      await page.locator('#thread[data-hearth-state="ready"]').waitFor();
      const host = await page.evaluate(() => {
        const w = window as unknown as { __t0: number; __inserted: number[]; __messages: { type: string; frame: number; t: number }[] };
        const ready = w.__messages.find((message) => message.type === 'ready' && message.frame === 0)!;
        const loader = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/embed.js')) as PerformanceResourceTiming;
        return { timeOrigin: performance.timeOrigin, snippetAt: w.__t0, insertedAt: w.__inserted[0] ?? 0, readyAt: ready.t, loaderBytes: loader.encodedBodySize, loaderDone: loader.responseEnd };
      });
      const frame = await embedFrame(page, '#thread', false);
      // The frame's own clock, moved onto the host page's (both are milliseconds since their timeOrigin).
      const inside = await frame.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          timeOrigin: performance.timeOrigin,
          responseEnd: navigation.responseEnd,
          domContentLoaded: navigation.domContentLoadedEventEnd,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        };
      });
      const onHostClock = (ms: number | null) => (ms === null ? null : Math.round(inside.timeOrigin + ms - host.timeOrigin));
      const report = {
        loaderTransferredBytes: host.loaderBytes,
        loaderLoadedMs: Math.round(host.loaderDone),
        iframeInsertedMs: Math.round(host.insertedAt),
        frameResponseEndMs: onHostClock(inside.responseEnd),
        frameDomContentLoadedMs: onHostClock(inside.domContentLoaded),
        frameFirstContentfulPaintMs: onHostClock(inside.fcp),
        readyMessageAtHostMs: Math.round(host.readyAt),
        fromSnippetToReadyMs: Math.round(host.readyAt - host.snippetAt),
      };
      console.info(`embed timing (ms since the host page's navigation start): ${JSON.stringify(report)}`);
      expect(host.readyAt).toBeGreaterThan(host.snippetAt);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
