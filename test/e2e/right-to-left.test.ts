import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, serveForum, type ServedForum } from '../helpers/browser.js';

// One stylesheet for both directions: with dir="rtl" on the page the layout mirrors (the brand on
// the right, indents and accent edges on the right), and left-to-right pages keep theirs. A post's
// body has dir="auto", so it follows its own text: an Arabic post's quotes and lists are indented
// on the right, an English post's on the left, whatever the page's direction.

let forum: ServedForum;
let browser: Browser;
let threadPath: string;
let arabicThreadPath: string;

type Box = { left: number; right: number; top: number; bottom: number };
type Direction = 'ltr' | 'rtl';

beforeAll(async () => {
  forum = await serveForum();
  const { ctx } = forum;
  makeCategory(ctx.services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing, descaling and the app.' });
  const alice = await makeUser(ctx.services, { username: 'alice' });
  const mia = await makeUser(ctx.services, { username: 'mia', role: 'manager' });
  const thread = await makeThread(ctx.services, alice, {
    category: 'kettles',
    title: 'Kettle keeps switching off before the water boils',
    body: ['What I tried so far:', '', '1. Descaled it with citric acid', '2. Reset it from the app', '', '> The light blinks orange twice, then stays off.'].join('\n'),
  });
  await makeReply(ctx.services, mia, { threadId: thread.threadId, body: 'Two blinks mean the boil-dry sensor tripped: please update the firmware.', replyTo: 1 });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  const arabic = await makeThread(ctx.services, alice, {
    category: 'kettles',
    title: 'الغلاية تنطفئ قبل أن يغلي الماء',
    body: ['ما جربته حتى الآن:', '', '1. أزلت الترسبات بحمض الستريك', '2. أعدت ضبطها من التطبيق', '', '> يومض الضوء البرتقالي مرتين ثم ينطفئ.'].join('\n'),
  });
  await makeReply(ctx.services, mia, { threadId: arabic.threadId, body: 'الومضتان تعنيان أن حساس التشغيل الجاف قد فصل: يُرجى تحديث البرنامج الثابت.', replyTo: 1 });
  arabicThreadPath = `/t/${arabic.threadId}/${arabic.slug}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await forum?.close();
});

/** A page at `width`, in the direction (and, for Arabic, the language) the test sets on <html>. */
async function open(path: string, width: number, direction: Direction, lang = 'en'): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(path);
  await page.evaluate(
    ([dir, language]) => {
      document.documentElement.dir = dir;
      document.documentElement.lang = language;
      for (const details of document.querySelectorAll('details')) details.open = true;
    },
    [direction, lang] as const,
  );
  return page;
}

async function box(page: Page, selector: string): Promise<Box> {
  const rect = await page.locator(selector).first().boundingBox();
  if (!rect) throw new Error(`${selector} is not shown`);
  return { left: rect.x, right: rect.x + rect.width, top: rect.y, bottom: rect.y + rect.height };
}

/** How far `inner` stands in from each side of `outer`. */
async function indent(page: Page, outer: string, inner: string): Promise<{ left: number; right: number }> {
  const [outside, inside] = [await box(page, outer), await box(page, `${outer} ${inner}`)];
  return { left: inside.left - outside.left, right: outside.right - inside.right };
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Where the header's brand link and account nav stand, and whether the brand comes first from the left. */
async function headerSides(page: Page): Promise<{ brandLeftOfNav: boolean; brand: Box; account: Box }> {
  const [brand, account] = [await box(page, '.site-header .brand'), await box(page, '.site-header .account')];
  return { brandLeftOfNav: brand.right <= account.left, brand, account };
}

describe('right-to-left pages in a real browser', () => {
  test(
    'left to right: the brand is on the left, quotes, lists and reply lists are indented on the left',
    async () => {
      const home = await open('/', 1280, 'ltr');
      const { brandLeftOfNav, brand } = await headerSides(home);
      expect(brandLeftOfNav).toBe(true);
      expect(brand.left).toBeLessThan(1280 / 2);
      await home.context().close();

      const thread = await open(threadPath, 1280, 'ltr');
      const quote = await indent(thread, '#post-1 blockquote', 'p');
      expect(quote.left).toBeGreaterThanOrEqual(16);
      expect(quote.right).toBe(0);
      const list = await indent(thread, '#post-1 .post-body ol', 'li');
      expect(list.left).toBeGreaterThanOrEqual(20);
      expect(list.right).toBe(0);
      expect((await indent(thread, '#post-1 .post-replies ul', 'li')).left).toBeGreaterThanOrEqual(16);
      await thread.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test.each([375, 1280])(
    'right to left at %ipx: the brand is on the right, the account nav on the left, nothing overflows',
    async (width) => {
      for (const lang of ['en', 'ar']) {
        const home = await open('/', width, 'rtl', lang);
        const { brand, account } = await headerSides(home);
        expect(brand.left + brand.right, `brand centre right of the nav's (lang ${lang})`).toBeGreaterThan(account.left + account.right);
        expect(brand.right).toBeGreaterThan(width / 2);
        expect(await horizontalOverflow(home), `home page overflow (lang ${lang})`).toBe(0);
        await home.context().close();

        const thread = await open(threadPath, width, 'rtl', lang);
        expect(await horizontalOverflow(thread), `thread page overflow (lang ${lang})`).toBe(0);
        await thread.context().close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'right to left: quotes, lists, reply lists and the staff edge are on the right, the post link on the left',
    async () => {
      const page = await open(arabicThreadPath, 1280, 'rtl', 'ar');
      const quote = await indent(page, '#post-1 blockquote', 'p');
      expect(quote.right).toBeGreaterThanOrEqual(16);
      expect(quote.left).toBe(0);
      const list = await indent(page, '#post-1 .post-body ol', 'li');
      expect(list.right).toBeGreaterThanOrEqual(20);
      expect(list.left).toBe(0);
      const replies = await indent(page, '#post-1 .post-replies ul', 'li');
      expect(replies.right).toBeGreaterThanOrEqual(16);
      expect(replies.left).toBe(0);

      const quoteEdge = await page.locator('#post-1 blockquote').evaluate((element) => getComputedStyle(element).borderRightWidth);
      expect(quoteEdge).toBe('3px');
      const staffEdges = await page.locator('#post-2').evaluate((element) => [getComputedStyle(element).borderRightWidth, getComputedStyle(element).borderLeftWidth]);
      expect(staffEdges).toEqual(['4px', '1px']);

      const [post, link] = [await box(page, '#post-2'), await box(page, '#post-2 .post-meta .post-link')];
      expect(link.left - post.left).toBeLessThan(post.right - link.right);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an English post in a right-to-left page keeps its own direction; the page around it mirrors',
    async () => {
      const page = await open(threadPath, 1280, 'rtl', 'ar');
      const quote = await indent(page, '#post-1 blockquote', 'p');
      expect(quote.left).toBeGreaterThanOrEqual(16);
      expect(quote.right).toBe(0);
      const list = await indent(page, '#post-1 .post-body ol', 'li');
      expect(list.left).toBeGreaterThanOrEqual(20);
      const replies = await indent(page, '#post-1 .post-replies ul', 'li');
      expect(replies.right).toBeGreaterThanOrEqual(16);
      expect(await page.locator('#post-1 .post-body').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
      expect(await page.locator('#post-1 .post-meta').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'Arabic pages get Arabic system fonts, a larger size and more room between lines; Chinese pages Chinese fonts',
    async () => {
      const style = (page: Page) =>
        page.evaluate(() => {
          const [root, body, title] = [document.documentElement, document.body, document.querySelector('h1')].map((element) => getComputedStyle(element as Element));
          return { rootSize: root?.fontSize, font: body?.fontFamily, lineHeight: Number.parseFloat(body?.lineHeight ?? '0') / Number.parseFloat(body?.fontSize ?? '1'), titleSpacing: title?.letterSpacing };
        });
      const english = await open('/', 1280, 'ltr');
      const latin = await style(english);
      await english.context().close();
      const arabicPage = await open('/', 1280, 'rtl', 'ar');
      const arabic = await style(arabicPage);
      await arabicPage.context().close();
      const chinesePage = await open('/', 1280, 'ltr', 'zh-Hans');
      const chinese = await style(chinesePage);
      await chinesePage.context().close();

      expect(latin.rootSize).toBe('16px');
      expect(arabic.rootSize).toBe('17px');
      expect(arabic.lineHeight).toBeGreaterThan(latin.lineHeight);
      // Letter spacing would pull the joined letters of Arabic words apart.
      expect(arabic.titleSpacing).toBe('normal');
      expect(arabic.font).toMatch(/^system-ui, .*"Noto Sans Arabic"/);
      expect(chinese.font).toMatch(/^system-ui, .*"PingFang SC".*"Noto Sans CJK SC"/);
      expect(latin.font).not.toMatch(/Arabic|PingFang/);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
