import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, serveForum, type ServedForum } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/axe.js';

// The insights dashboard as a manager sees it in Chromium, on a desktop and on a phone, light and
// dark: the server-drawn charts show, each with a table of the same numbers, nothing scrolls
// sideways on a phone, and axe-core finds no serious or critical violation.

const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const QUESTIONS = 6;

let forum: ServedForum;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  forum = await serveForum();
  const { services, clock } = forum.ctx;
  const now = clock.now();
  makeCategory(services, { name: 'Support', slug: 'support', kind: 'questions' });
  await makeUser(services, { username: 'maya', role: 'manager', password: PASSWORD });
  const ann = await makeUser(services, { username: 'ann' });
  const bob = await makeUser(services, { username: 'bob' });
  const theo = await makeUser(services, { username: 'theo', role: 'manager' });
  // Three weeks of questions, each answered by a customer after a longer delay than the last, and by staff an hour later.
  clock.set(now - 20 * DAY);
  for (let index = 0; index < QUESTIONS; index += 1) {
    const { threadId } = await makeThread(services, ann, { category: 'support', title: `Question number ${index + 1} about the charger`, body: 'It blinks red, what does that mean?' });
    clock.advance((index + 1) * HOUR);
    await makeReply(services, bob, { threadId, body: 'Try another cable first.' });
    clock.advance(HOUR);
    await makeReply(services, theo, { threadId, body: 'We are sending a replacement.' });
    clock.advance(3 * DAY);
  }
  // One question nobody answered, two days old: past the 24-hour target.
  clock.set(now - 2 * DAY);
  await makeThread(services, ann, { category: 'support', title: 'Nobody has answered my question', body: 'The app will not pair.' });
  clock.set(now);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

async function openAsManager(viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport, colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page, 'maya', PASSWORD);
  await page.goto('/mod/insights?period=30d');
  return page;
}

/** What a chart plots (its marks' values by week) and what its table says, column by column. */
async function chartAndTable(page: Page, id: string) {
  return page.locator(`section.chart[aria-labelledby="${id}-heading"]`).evaluate((section) => {
    const marks = [...section.querySelectorAll('svg [data-value]')].map((mark) => ({
      series: [...section.querySelectorAll('svg .chart-series')].indexOf(mark.closest('.chart-series')!),
      week: Number(mark.getAttribute('data-index')),
      value: Number(mark.getAttribute('data-value')),
    }));
    const rows = [...section.querySelectorAll('table tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim()));
    return { marks, rows };
  });
}

describe('the insights dashboard in Chromium', () => {
  test(
    'on a desktop: three charts with titles and boxes, each with a table of the same numbers, and no serious axe violation',
    async () => {
      const page = await openAsManager(DESKTOP);
      for (const name of ['Median time to first reply per week', 'New threads and replies per week', 'Thread page views per week']) {
        const chart = page.getByRole('img', { name, exact: true });
        const box = await chart.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.width, name).toBeGreaterThan(200);
        expect(box!.height, name).toBeGreaterThan(80);
        expect(await page.getByRole('table', { name, exact: true }).isVisible(), name).toBe(true);
      }

      const activity = await chartAndTable(page, 'chart-activity');
      // Every week's bars are the numbers in its row: threads in the first column, replies in the second.
      for (const mark of activity.marks) expect(activity.rows[mark.week]![mark.series]).toBe(String(mark.value));
      const threads = activity.rows.reduce((sum, row) => sum + Number(row[0]), 0);
      expect(threads).toBe(QUESTIONS + 1);

      const response = await chartAndTable(page, 'chart-first-reply');
      expect(response.marks.length).toBeGreaterThan(0);
      expect(response.marks.every((mark) => response.rows[mark.week]![0] !== 'no data')).toBe(true);
      expect(await page.locator('.chart-reference text').textContent()).toBe('Target 1 d');

      const worklist = page.getByRole('table', { name: 'Unanswered now' });
      expect(await worklist.getByRole('link', { name: 'Nobody has answered my question' }).isVisible()).toBe(true);

      expect(await seriousViolations(page)).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'on a phone, light and dark: the charts fit the width, nothing scrolls sideways, and axe finds nothing serious',
    async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openAsManager(PHONE, scheme);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        const charts = page.locator('svg.chart-svg');
        expect(await charts.count()).toBe(3);
        for (let index = 0; index < 3; index += 1) {
          const box = (await charts.nth(index).boundingBox())!;
          expect(box.width).toBeGreaterThan(150);
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        expect(await seriousViolations(page), scheme).toEqual([]);
      }
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'in Arabic on a phone: the page reads right to left, the charts keep time left to right, and axe finds nothing serious',
    async () => {
      const page = await openAsManager(PHONE);
      await page.context().addCookies([{ name: 'hearth_locale', value: 'ar', url: forum.base }]);
      await page.goto('/mod/insights?period=30d');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('.mod-table').first().evaluate((table) => getComputedStyle(table).direction)).toBe('rtl');
      const weeks = await page.locator('section.chart').first().locator('svg .chart-point').evaluateAll((points) => points.map((point) => point.getBoundingClientRect().x));
      expect(weeks.length).toBeGreaterThan(1);
      expect([...weeks].sort((a, b) => a - b)).toEqual(weeks);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
