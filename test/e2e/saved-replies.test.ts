import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/axe.js';

// A manager's day in a real browser: add a saved reply, claim a customer's question, insert the
// saved reply into the reply box (in place with JavaScript, through the preview step without),
// and answer, which releases the claim.

const PASSWORD = 'correct horse battery staple';
const SAVED = 'Hold the power button for **10 seconds** to reset the kettle.';

let forum: ServedForum;
let browser: Browser;
let threadPath: string;
const contexts: BrowserContext[] = [];

async function managerPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1200, height: 900 }, javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page, 'maya', PASSWORD);
  return page;
}

beforeAll(async () => {
  forum = await serveForum();
  makeCategory(forum.ctx.services, { name: 'Questions', slug: 'questions', kind: 'questions', moderation: 'open' });
  await makeUser(forum.ctx.services, { username: 'maya', password: PASSWORD, role: 'manager' });
  const asker = await makeUser(forum.ctx.services, { username: 'asker', password: PASSWORD });
  const thread = await makeThread(forum.ctx.services, asker, { category: 'questions', title: 'My kettle app shows offline', body: 'It stopped connecting yesterday.' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('saved replies and claims in a real browser', () => {
  test(
    'a manager saves a reply, claims the question, inserts the reply in place and answers',
    async () => {
      const page = await managerPage(true);
      await page.goto('/mod');
      await page.getByRole('link', { name: 'Saved replies', exact: true }).click();
      await page.waitForURL(`${forum.base}/mod/saved-replies`);
      await page.getByLabel('Title', { exact: true }).fill('Reset the kettle');
      await page.getByLabel('Reply', { exact: true }).fill(SAVED);
      await page.getByRole('button', { name: 'Add saved reply' }).click();
      expect(await textOf(page.locator('.mod-table'))).toContain('Reset the kettle');

      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(threadPath);
      await page.getByRole('button', { name: 'Claim this thread' }).click();
      expect(await textOf(page.locator('.claim-status'))).toContain('You are on it');
      expect(await seriousViolations(page)).toEqual([]);

      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posted.push(request.url());
      });
      const box = page.getByLabel('Reply', { exact: true });
      await box.fill('Hi asker,');
      await page.getByLabel('Saved reply', { exact: true }).selectOption({ label: 'Reset the kettle' });
      await page.getByRole('button', { name: 'Insert', exact: true }).click();
      expect(await box.inputValue()).toBe(`Hi asker,\n\n${SAVED}`);
      expect(posted).toEqual([]);

      await page.getByRole('button', { name: 'Post reply' }).click();
      await page.locator('#post-2').waitFor();
      expect(await textOf(page.locator('#post-2'))).toContain('10 seconds');
      // Answering released the claim.
      await page.getByRole('button', { name: 'Claim this thread' }).waitFor();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'without JavaScript, Insert shows the page again with the reply added to the typed text',
    async () => {
      const page = await managerPage(false);
      await page.goto(threadPath);
      await page.getByLabel('Reply', { exact: true }).fill('Thanks for waiting.');
      await page.getByLabel('Saved reply', { exact: true }).selectOption({ label: 'Reset the kettle' });
      await page.getByRole('button', { name: 'Insert', exact: true }).click();
      await page.waitForLoadState();
      expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe(`Thanks for waiting.\n\n${SAVED}`);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
