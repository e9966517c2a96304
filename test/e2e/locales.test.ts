import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, serveForum, type ServedForum } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/axe.js';

// The interface in every shipped language, as a person sees it in Chromium: Arabic mirrors the
// page, member text keeps its own direction inside a page of the other direction, and no
// language's pages have serious accessibility violations (axe-core, the engine behind
// Lighthouse's accessibility audit).

const locales = ['en', 'zh-Hans', 'ar', 'tr'] as const;

let forum: ServedForum;
let browser: Browser;
let arabicThread: string;
let englishThread: string;

beforeAll(async () => {
  forum = await serveForum();
  const { ctx } = forum;
  makeCategory(ctx.services, { name: 'E-bikes', slug: 'ebikes', description: 'Riding, charging and the app.' });
  const omar = await makeUser(ctx.services, { username: 'omar' });
  const alice = await makeUser(ctx.services, { username: 'alice' });
  const arabic = await makeThread(ctx.services, omar, { category: 'ebikes', title: 'هل يشمل الضمان البطارية؟', body: 'اشتريت الدراجة قبل سنة، والبطارية لم تعد تشحن بالكامل. هل يشملها الضمان؟' });
  await makeReply(ctx.services, alice, { threadId: arabic.threadId, body: 'It should: the battery is covered for two years.' });
  const english = await makeThread(ctx.services, alice, { category: 'ebikes', title: 'Charger gets warm', body: 'Is it normal that the charger gets warm after an hour?' });
  await makeReply(ctx.services, omar, { threadId: english.threadId, body: 'نعم، هذا طبيعي تمامًا ما دام لا يصبح ساخنًا جدًا.' });
  arabicThread = `/t/${arabic.threadId}/${arabic.slug}`;
  englishThread = `/t/${english.threadId}/${english.slug}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await forum?.close();
});

async function open(path: string, locale: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport: { width, height: 900 } });
  await context.addCookies([{ name: 'hearth_locale', value: locale, url: forum.base }]);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

const boxOf = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe('right to left in Chromium', () => {
  test(
    'the Arabic interface mirrors: the brand is on the right, the account links on the left',
    async () => {
      const page = await open('/', 'ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const brand = await boxOf(page, '.site-header .brand');
      const nav = await boxOf(page, '.site-header nav.account');
      expect(brand.x).toBeGreaterThan(nav.x + nav.width - 1);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an Arabic post in an English page reads right to left, an English post in an Arabic page left to right',
    async () => {
      const english = await open(arabicThread, 'en');
      const direction = (page: Page, index: number) => page.locator('.post-body').nth(index).evaluate((element) => getComputedStyle(element).direction);
      expect(await english.locator('html').getAttribute('dir')).toBe('ltr');
      expect(await direction(english, 0)).toBe('rtl');
      expect(await direction(english, 1)).toBe('ltr');
      expect(await english.locator('h1').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
      const arabic = await open(englishThread, 'ar');
      expect(await direction(arabic, 0)).toBe('ltr');
      expect(await direction(arabic, 1)).toBe('rtl');
      await english.context().close();
      await arabic.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describe('accessibility in every language (axe-core)', () => {
  test.each(locales)(
    '%s: home, a category, threads, search, sign-in and the language chooser have no serious violations',
    async (locale) => {
      const found: string[] = [];
      for (const path of ['/', '/c/ebikes', arabicThread, englishThread, '/search?q=charger', '/login', '/signup', '/locale']) {
        for (const width of [1280, 375]) {
          const page = await open(path, locale, width);
          expect(await page.locator('html').getAttribute('lang')).toBe(locale);
          found.push(...(await seriousViolations(page)).map((violation) => `${path} @${width}: ${violation}`));
          await page.context().close();
        }
      }
      expect(found).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT * 4,
  );
});
