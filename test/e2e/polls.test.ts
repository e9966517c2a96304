import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeUser } from '../../src/demo/factories.js';
import { seriousViolations } from '../helpers/axe.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// A poll made and voted in with JavaScript off, as some people browse: the composer's "Add a poll"
// is a <details>, the vote a plain form post, the results bars with their figures in text.

const PASSWORD = 'correct horse battery staple';

let forum: ServedForum;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedInPage(username: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1200, height: 900 }, javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page, username, PASSWORD);
  return page;
}

beforeAll(async () => {
  forum = await serveForum();
  makeCategory(forum.ctx.services, { name: 'Lounge', slug: 'lounge', moderation: 'open' });
  await makeUser(forum.ctx.services, { username: 'asker', password: PASSWORD });
  await makeUser(forum.ctx.services, { username: 'voter', password: PASSWORD });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('polls in a real browser with JavaScript off', () => {
  test(
    'a member starts a thread with a poll, another votes and sees the results with their choice marked',
    async () => {
      const asker = await signedInPage('asker', false);
      await asker.goto('/new?category=lounge');
      await asker.getByLabel('Title', { exact: true }).fill('Which kettle colour should come next?');
      await asker.getByLabel('Message', { exact: true }).fill('The team asked us to choose. Vote below!');
      await asker.locator('summary', { hasText: 'Add a poll' }).click();
      await asker.getByLabel('Question', { exact: true }).fill('Which colour?');
      await asker.getByLabel('Options', { exact: true }).fill('Red\nSage\nCream');
      await asker.getByRole('button', { name: 'Start thread' }).click();
      await asker.waitForURL(/\/t\/\d+\/which-kettle/);
      const threadUrl = asker.url();

      const voter = await signedInPage('voter', false);
      await voter.goto(threadUrl);
      await voter.getByRole('radio', { name: 'Sage' }).check();
      await voter.getByRole('button', { name: 'Vote', exact: true }).click();
      await voter.waitForURL(/#poll-\d+$/);
      expect(await textOf(voter.locator('.poll-you-voted'))).toBe('You voted for: Sage');
      const mine = voter.locator('.poll-result-mine');
      expect(await textOf(mine.locator('.poll-result-label'))).toBe('Sage');
      expect(await textOf(mine.locator('.poll-mine'))).toBe('Your choice');
      expect(await textOf(mine.locator('.poll-figures'))).toBe('100% · 1 vote');
      expect(await voter.getByRole('radio', { name: 'Sage' }).isChecked()).toBe(true);
      await voter.getByRole('button', { name: 'Change vote' }).waitFor();

      // Changing the vote moves it.
      await voter.getByRole('radio', { name: 'Cream' }).check();
      await voter.getByRole('button', { name: 'Change vote' }).click();
      await voter.waitForURL(/#poll-\d+$/);
      expect(await textOf(voter.locator('.poll-you-voted'))).toBe('You voted for: Cream');

      // axe runs in the page, so it needs scripts: the same pages, seen with them on.
      const checker = await signedInPage('voter', true);
      await checker.goto(threadUrl);
      await checker.locator('.poll-result-mine').waitFor();
      expect(await seriousViolations(checker)).toEqual([]);
      await checker.goto('/new?category=lounge');
      await checker.locator('summary', { hasText: 'Add a poll' }).click();
      await checker.getByLabel('Question', { exact: true }).waitFor();
      expect(await seriousViolations(checker)).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
