import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/axe.js';

// "Delete spammer" as an admin does it in Chromium: the member page says what will happen, the
// confirmation is required, one click cleans up, and the undo is on the same page. The page and
// the blocked domains list have no serious accessibility violations, on a desk and on a phone.

const PASSWORD = 'correct horse battery staple';

let forum: ServedForum;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  forum = await serveForum();
  const { ctx } = forum;
  makeCategory(ctx.services, { name: 'E-bikes', slug: 'ebikes' });
  await makeUser(ctx.services, { username: 'ada', role: 'admin', password: PASSWORD });
  const spammer = await makeUser(ctx.services, { username: 'spamz', email: 'offers@spam-mail.example' });
  const thread = await makeThread(ctx.services, spammer, { category: 'ebikes', title: 'Cheap batteries here', body: 'Visit my shop for cheap batteries.' });
  for (let index = 0; index < 3; index++) await makeReply(ctx.services, spammer, { threadId: thread.threadId, body: `Still cheap, offer ${index}.` });
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('delete spammer in Chromium', () => {
  test(
    'says what will happen, needs the confirmation, cleans up in one click and can be undone',
    async () => {
      context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await logIn(page, 'ada', PASSWORD);
      await page.goto('/mod/users/spamz');
      const form = page.locator('form.spam-cleanup-form');
      await expect(form.textContent()).resolves.toContain('Hides all 4 visible posts by spamz, including 1 thread they opened');
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await seriousViolations(page), `member page @${width}`).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 900 });

      // The browser keeps the form until the confirmation is ticked.
      await form.getByRole('button', { name: 'Delete spammer spamz' }).click();
      expect(new URL(page.url()).pathname).toBe('/mod/users/spamz');
      expect(await form.getByRole('checkbox', { name: /Yes, hide 4 posts/ }).evaluate((box) => (box as HTMLInputElement).validity.valueMissing)).toBe(true);

      await form.getByLabel('Reason (optional; the member sees it)').fill('Battery adverts');
      await form.getByRole('checkbox', { name: 'Also block new sign-ups from @spam-mail.example' }).check();
      await form.getByRole('checkbox', { name: /Yes, hide 4 posts/ }).check();
      await form.getByRole('button', { name: 'Delete spammer spamz' }).click();
      await page.waitForURL(`${forum.base}/mod/users/spamz?done=spam-cleanup`);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('Cleaned up');
      await expect(page.locator('#sanctions').textContent()).resolves.toContain('Suspended until lifted');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Undo the clean-up' }).click();
      await page.waitForURL(`${forum.base}/mod/users/spamz?done=spam-cleanup-undone`);
      await expect(page.locator('#sanctions').textContent()).resolves.toContain('In good standing');

      await page.goto('/admin/blocked-domains');
      await expect(page.locator('table').textContent()).resolves.toContain('spam-mail.example');
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await seriousViolations(page), `blocked domains @${width}`).toEqual([]);
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
