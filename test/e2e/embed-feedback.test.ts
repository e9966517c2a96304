import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { threadKeys } from '../../src/db/schema.js';
import { acceptAnswer } from '../../src/forum/answers.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromiumBlockingThirdPartyCookies, serveForum, textOf, type ServedForum } from '../helpers/browser.js';
import { listenSite, embedFrame } from '../helpers/host-site.js';

// "Did you find your answer?" inside a help article's embed on another site, in Chromium with
// third-party cookies blocked: the forum on http://localhost:<port>, the help center on
// http://127.0.0.1:<another port>. A reader answers "No" with a comment; a manager then finds the
// article first on /mod/insights.

const PASSWORD = 'correct horse battery staple';
const COMMENT = 'It never says how much citric acid to use.';

let forum: ServedForum;
let helpCenter: Server;
let browser: BrowserContext;
let helpOrigin: string;
let solvedPath: string;
let miaId: number;

beforeAll(async () => {
  const pages = new Map<string, string>();
  helpCenter = await listenSite(pages);
  helpOrigin = `http://127.0.0.1:${(helpCenter.address() as AddressInfo).port}`;
  forum = await serveForum({ embedOrigins: [helpOrigin] });
  const { services, db } = forum.ctx;
  makeCategory(services, { name: 'Smart Kettles', slug: 'kettles', description: 'Brewing and descaling.' });
  const mia = await makeUser(services, { username: 'mia', role: 'manager', password: PASSWORD });
  miaId = mia.id;
  const descaling = await makeThread(services, mia, { category: 'kettles', title: 'How to descale your kettle', body: 'Use citric acid.' });
  const pairing = await makeThread(services, mia, { category: 'kettles', title: 'Pairing the app', body: 'Hold the button.' });
  for (const [key, threadId] of [['kb-descaling', descaling.threadId], ['kb-pairing', pairing.threadId]] as const) {
    db.insert(threadKeys).values({ key, threadId, url: `${helpOrigin}/${key}`, createdAt: services.now() }).run();
  }
  makeCategory(services, { name: 'Questions', slug: 'help', kind: 'questions' });
  const question = await makeThread(services, mia, { category: 'help', title: 'Why does it beep three times?', body: 'After boiling.' });
  const reply = await makeReply(services, mia, { threadId: question.threadId, body: 'That is the keep-warm signal.' });
  acceptAnswer(services, mia, { postId: reply.postId });
  solvedPath = `/t/${question.threadId}/${question.slug}`;
  // Another article that readers found helpful, so ranking is what puts the failing one first.
  const ok = await forum.ctx.http.post(`/embed/t/${pairing.threadId}/feedback?origin=${encodeURIComponent(helpOrigin)}`, { helpful: 'yes', key: 'kb-pairing' });
  expect(ok.status).toBe(200);
  const script = `<script async src="${forum.base}/embed.js"></script>`;
  pages.set('/descaling', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Descaling</title></head><body><main><h1>How to descale your kettle</h1><div id="thread" data-hearth-key="kb-descaling"></div>${script}</main></body></html>`);
  browser = await launchChromiumBlockingThirdPartyCookies();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (helpCenter ? helpCenter.close(() => resolve()) : resolve()));
  await forum?.close();
});

describe('"Did you find your answer?" in an embedded help article', () => {
  test(
    'a reader answers "No" with a comment inside the frame; a manager sees the article first in the insights',
    async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${helpOrigin}/descaling`);
      const frame = await embedFrame(page);
      const box = frame.locator('form.feedback-box');
      expect(await textOf(box.locator('legend'))).toBe('Did you find your answer?');
      await box.getByRole('button', { name: 'No', exact: true }).click();
      await frame.getByText('Thank you for telling us.').waitFor();
      await frame.getByLabel('What was missing? (optional)').fill(COMMENT);
      await frame.getByRole('button', { name: 'Send' }).click();
      // The same form comes back with the comment in it, and the help center's page never left.
      await frame.locator('textarea[name="comment"]', { hasText: COMMENT }).waitFor();
      expect(page.url()).toBe(`${helpOrigin}/descaling`);
      await page.close();
      // The insights' period ends now, and this server's clock moves only when told.
      forum.ctx.clock.advance(60_000);

      const manager = await browser.newPage();
      manager.setDefaultTimeout(10_000);
      await manager.goto(`${forum.base}/login`);
      await manager.getByLabel('Username or email address', { exact: true }).fill('mia');
      await manager.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await manager.getByRole('button', { name: 'Log in' }).click();
      await manager.locator('.site-header').getByRole('link', { name: 'mia', exact: true }).waitFor();
      await manager.goto(`${forum.base}/mod/insights`);
      const section = manager.locator('section', { has: manager.locator('#feedback-heading') });
      const firstRow = section.locator('tbody tr').first();
      expect(await textOf(firstRow.locator('th'))).toBe('How to descale your kettle');
      expect(await textOf(firstRow.locator('code'))).toBe('kb-descaling');
      expect(await textOf(section.locator('tbody tr').nth(1).locator('code'))).toBe('kb-pairing');
      expect(await textOf(section.locator('.feedback-comments blockquote').first())).toBe(COMMENT);
      await manager.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'on a solved question in the community, the box answers in place and takes a comment (mia, signed in above, answers as herself)',
    async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${forum.base}${solvedPath}`);
      const box = page.locator('.accepted-answer form.feedback-box');
      await box.getByRole('button', { name: 'Yes', exact: true }).click();
      await page.getByText('Thank you — glad it helped.').waitFor();
      await page.getByLabel('What was missing? (optional)').fill('Say how to turn it off.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('textarea[name="comment"]', { hasText: 'Say how to turn it off.' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(solvedPath);
      const stored = forum.ctx.db.$client.prepare('select helpful, comment, user_id as userId from thread_feedback where thread_id = ?').all(Number(solvedPath.split('/')[2]));
      expect(stored).toEqual([{ helpful: 1, comment: 'Say how to turn it off.', userId: miaId }]);
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
