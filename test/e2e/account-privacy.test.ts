import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { seriousViolations } from '../helpers/axe.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// A member's own data in a real browser (plain forms; axe checks each page): the sign-in history
// on /account, asking for a copy of their data, and deleting the account after a wrong password.

const PASSWORD = 'correct horse battery staple';

let forum: ServedForum;
let browser: Browser;
let context: BrowserContext;
let threadPath: string;

beforeAll(async () => {
  forum = await serveForum();
  makeCategory(forum.ctx.services, { name: 'Kettles', slug: 'kettles', moderation: 'open' });
  const member = await makeUser(forum.ctx.services, { username: 'leaving', password: PASSWORD });
  const thread = await makeThread(forum.ctx.services, member, { category: 'kettles', title: 'Descaling with citric acid', body: 'Two spoons in a full kettle work for me.' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1100, height: 900 }, javaScriptEnabled: true });
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

async function page(): Promise<Page> {
  const opened = await context.newPage();
  opened.setDefaultTimeout(10_000);
  return opened;
}

describe('a member’s own data in a real browser', () => {
  test(
    'sees their sign-ins, asks for their data, and deletes their account keeping their posts',
    async () => {
      const tab = await page();
      await logIn(tab, 'leaving', PASSWORD);
      await tab.goto('/account');
      expect(await textOf(tab.locator('#sign-ins-heading'))).toBe('Recent sign-ins');
      expect(await textOf(tab.locator('.sign-in-list li').first())).toContain('Password');
      expect(await seriousViolations(tab)).toEqual([]);

      await tab.getByRole('link', { name: 'Download your data' }).click();
      await tab.getByRole('button', { name: 'Prepare a copy of my data' }).click();
      expect(await textOf(tab.getByRole('status'))).toContain('email you a link');
      expect(await textOf(tab.locator('main li').first())).toContain('being prepared');
      expect(await seriousViolations(tab)).toEqual([]);

      await tab.goto('/account');
      const danger = tab.locator('.danger-zone');
      await danger.getByLabel('Keep my posts', { exact: false }).check();
      await danger.getByLabel('Your password').fill('not my password at all');
      await danger.getByRole('button', { name: 'Delete my account for good' }).click();
      expect(await textOf(tab.locator('.field-error').first())).toContain('That password is not right');
      expect(await tab.getByLabel('Keep my posts', { exact: false }).isChecked()).toBe(true);
      expect(await seriousViolations(tab)).toEqual([]);

      await tab.getByLabel('Your password').fill(PASSWORD);
      await tab.getByRole('button', { name: 'Delete my account for good' }).click();
      expect(await textOf(tab.locator('h1'))).toBe('Your account is deleted');
      await tab.goto(threadPath);
      expect(await textOf(tab.locator('.post-meta .author').first())).toBe('Deleted member');
      expect(await tab.locator('.site-header').getByRole('link', { name: 'leaving', exact: true }).count()).toBe(0);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
