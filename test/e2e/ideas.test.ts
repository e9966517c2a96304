import { type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeThread, makeUser } from '../../src/demo/factories.js';
import type { TestContext } from '../helpers/app.js';
import { seriousViolations } from '../helpers/axe.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';
import { makeIdeasBoard } from '../helpers/ideas.js';

// The ideas board in Chromium: a member votes, a manager gives the idea a status with a note, and
// the member finds it on their notifications page; axe checks each page on the way. The forms are
// plain POSTs (no script enhances them); axe itself needs JavaScript in the page.

const PASSWORD = 'correct horse battery staple';

let ctx: TestContext;
let forum: ServedForum;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  forum = await serveForum();
  ctx = forum.ctx;
  makeIdeasBoard(ctx.services, { name: 'Kettle ideas', slug: 'ideas', voteLimit: 5 });
  await makeUser(ctx.services, { username: 'vera', password: PASSWORD });
  await makeUser(ctx.services, { username: 'mia', password: PASSWORD, role: 'manager' });
  await makeUser(ctx.services, { username: 'ada', password: PASSWORD, role: 'admin' });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

async function signedIn(username: string) {
  const context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page, username, PASSWORD);
  return page;
}

describe('the ideas board in a real browser', () => {
  test(
    'a member votes, a manager changes the status, and the voter sees the notification with the note',
    async () => {
      const author = await makeUser(ctx.services, { username: 'alice' });
      const idea = await makeThread(ctx.services, author, { category: 'ideas', title: 'Keep-warm timer', body: 'Keep the water warm for 30 minutes.' });
      const path = `/t/${idea.threadId}/${idea.slug}`;

      const voter = await signedIn('vera');
      await voter.goto(path);
      await voter.getByRole('button', { name: 'Vote for this idea' }).click();
      await voter.waitForURL(`${forum.base}${path}`);
      expect(await textOf(voter.locator('.idea-voted'))).toBe('You voted for this idea.');
      expect(await textOf(voter.locator('.idea-votes-large'))).toBe('1 vote');
      expect(await seriousViolations(voter)).toEqual([]);

      const manager = await signedIn('mia');
      await manager.goto(path);
      await manager.getByText('Status and merging').click();
      await manager.getByLabel('New status').selectOption('planned');
      await manager.getByLabel(/Public note/).fill('Planned for the spring firmware.');
      await manager.getByRole('button', { name: 'Set status' }).click();
      await manager.waitForURL(`${forum.base}${path}`);
      expect(await textOf(manager.locator('.idea-facts .idea-status'))).toBe('Planned');
      expect(await seriousViolations(manager)).toEqual([]);

      await voter.goto('/');
      await voter.locator('.site-header').getByRole('link', { name: /Notifications/ }).click();
      await voter.waitForURL(`${forum.base}/notifications`);
      const first = voter.locator('.notification-list li').first();
      expect(await textOf(first.locator('p').first())).toMatch(/^Unread:\s+mia set the idea “Keep-warm timer” to Planned: “Planned for the spring firmware\.”$/);
      expect(await seriousViolations(voter)).toEqual([]);
      await first.getByRole('button', { name: 'Open' }).click();
      await voter.waitForURL(new RegExp(`/t/${idea.threadId}/`));
      expect(await textOf(voter.locator('.idea-history .idea-note'))).toBe('Planned for the spring firmware.');

      await voter.goto('/c/ideas');
      expect(await textOf(voter.locator('.idea-row .idea-status'))).toBe('Planned');
      expect(await seriousViolations(voter)).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an admin renames a status on Admin → Ideas, and the page has no serious axe violations',
    async () => {
      const admin = await signedIn('ada');
      await admin.goto('/admin/ideas');
      expect(await seriousViolations(admin)).toEqual([]);
      await admin.getByLabel('Name of “Under review”').fill('Being looked at');
      await admin.getByRole('row', { name: /Under review/ }).getByRole('button', { name: 'Rename' }).click();
      await admin.waitForURL(`${forum.base}/admin/ideas?done=saved`);
      expect(await admin.getByRole('row', { name: /Being looked at/ }).count()).toBe(1);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
