import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// A question answered and solved, the whole way through the pages a person uses: one member
// asks, another answers, the asker is told, accepts the answer, and everyone sees "Solved".

const PASSWORD = 'correct horse battery staple';
const TITLE = 'Which charger works with the KT-200 travel kettle?';

let forum: ServedForum;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedInPage(username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1200, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page, username, PASSWORD);
  return page;
}

beforeAll(async () => {
  forum = await serveForum();
  makeCategory(forum.ctx.services, { name: 'Questions', slug: 'questions', kind: 'questions', moderation: 'open' });
  await makeUser(forum.ctx.services, { username: 'asker', password: PASSWORD });
  await makeUser(forum.ctx.services, { username: 'helper', password: PASSWORD });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('a question in a real browser', () => {
  test(
    'asked, answered, notified, accepted and shown as solved',
    async () => {
      const asker = await signedInPage('asker');
      await asker.goto('/c/questions');
      await asker.locator('main').getByRole('link', { name: 'Ask a question', exact: true }).click();
      await asker.getByLabel('Title', { exact: true }).fill(TITLE);
      await asker.getByLabel('Message', { exact: true }).fill('The one in the box is lost. Is any **USB-C** charger fine?');
      await asker.getByRole('button', { name: 'Start thread' }).click();
      await asker.waitForURL(/\/t\/\d+\/which-charger/);
      const threadUrl = asker.url();

      const helper = await signedInPage('helper');
      await helper.goto(threadUrl);
      await helper.getByLabel('Reply', { exact: true }).fill('Any USB-C PD charger of **30 W** or more works; smaller ones only keep it warm.');
      await helper.getByRole('button', { name: 'Post reply' }).click();
      await helper.locator('#post-2').waitFor();

      await asker.goto('/');
      expect(await textOf(asker.locator('.site-header .count-badge'))).toBe('1');
      await asker.locator('.site-header').getByRole('link', { name: /Notifications/ }).click();
      await asker.waitForURL(`${forum.base}/notifications`);
      const item = asker.locator('.notification-list li').first();
      expect(await textOf(item.locator('p').first())).toContain(`helper replied`);
      await item.getByRole('button', { name: 'Open' }).click();
      await asker.waitForURL(/#post-2$/);

      await asker.locator('#post-2').getByRole('button', { name: 'Accept answer' }).click();
      await asker.waitForURL(/\/t\/\d+/);
      const box = asker.getByRole('complementary', { name: 'Solved — accepted answer' });
      expect(await textOf(box)).toContain('30 W');
      expect(await box.getByRole('link', { name: /Go to the answer \(#2\)/ }).getAttribute('href')).toBe('#post-2');
      expect(await textOf(asker.locator('.thread-tags'))).toContain('Solved');
      expect(await textOf(asker.locator('#post-2 .accepted-mark'))).toBe('Accepted answer');

      // The helper is told, and the question reads as solved in the list, for anyone.
      await helper.goto('/notifications');
      expect(await textOf(helper.locator('.notification-list li').first())).toMatch(/accepted/i);
      const visitor = await browser.newContext({ baseURL: forum.base });
      contexts.push(visitor);
      const anonymous = await visitor.newPage();
      await anonymous.goto('/c/questions');
      const row = anonymous.locator('li, tr').filter({ hasText: TITLE }).last();
      expect(await textOf(row.locator('.tag-solved'))).toBe('Solved');
    },
    BROWSER_TEST_TIMEOUT,
  );
});
