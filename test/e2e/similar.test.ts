import { eq } from 'drizzle-orm';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { users } from '../../src/db/schema.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// The new-thread form suggests threads that may already answer the title being typed
// (static/similar.js over GET /similar), escaping what it shows, in the reader's language; Helpful
// buttons vote in place (static/helpful.js).

const PASSWORD = 'correct horse battery staple';
let forum: ServedForum;
let browser: Browser;
let solvedPath: string;

beforeAll(async () => {
  forum = await serveForum();
  const { ctx } = forum;
  makeCategory(ctx.services, { name: 'Kettle help', slug: 'help', kind: 'questions' });
  const alice = await makeUser(ctx.services, { username: 'alice', password: PASSWORD });
  const bob = await makeUser(ctx.services, { username: 'bob' });
  const solved = await makeThread(ctx.services, bob, { category: 'help', title: 'Limescale on the heating plate', body: 'White crust everywhere.' });
  const answer = await makeReply(ctx.services, alice, { threadId: solved.threadId, body: 'Citric acid, then rinse twice.' });
  await forum.ctx.http.post(`/p/${answer.postId}/accept`, {}, { as: bob });
  solvedPath = `/t/${solved.threadId}/${solved.slug}`;
  await makeThread(ctx.services, bob, { category: 'help', title: 'Limescale <img src=x onerror=alert(1)> in the spout', body: 'Also white.' });
  const samira = await makeUser(ctx.services, { username: 'samira', password: PASSWORD });
  ctx.db.update(users).set({ locale: 'ar' }).where(eq(users.id, samira.id)).run();
  const arabic = await makeThread(ctx.services, bob, { category: 'help', title: 'الترسبات الكلسية على قاعدة التسخين', body: 'طبقة بيضاء في كل مكان.' });
  await makeReply(ctx.services, alice, { threadId: arabic.threadId, body: 'حمض الستريك ثم الشطف مرتين.' });
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await forum?.close();
});

describe('page scripts on the new-thread form and thread pages', () => {
  test(
    'similar threads appear while typing a title (solved first, as plain text), and Helpful votes in place',
    async () => {
      const context = await browser.newContext({ baseURL: forum.base });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await logIn(page, 'alice', PASSWORD);
      await page.goto('/new?category=help');
      const box = page.locator('#similar-threads');
      expect(await box.isHidden()).toBe(true);
      await page.getByLabel('Title', { exact: true }).pressSequentially('How do I remove limescale?');
      expect(await textOf(box.getByRole('heading'))).toBe('Maybe already answered');
      const links = box.getByRole('link');
      await expect.poll(() => links.count(), { timeout: 10_000 }).toBe(2);
      expect(await links.nth(0).innerText()).toBe('Limescale on the heating plate');
      expect(await box.locator('li').nth(0).innerText()).toContain('Solved');
      expect(await links.nth(1).innerText()).toBe('Limescale <img src=x onerror=alert(1)> in the spout');
      expect(await box.locator('img').count()).toBe(0);
      // Clearing the title clears the suggestions.
      await page.getByLabel('Title', { exact: true }).fill('');
      await box.waitFor({ state: 'hidden' });
      expect(dialogs).toEqual([]);

      // On a thread page, "Helpful" votes in place (static/helpful.js) and the vote is stored.
      await page.goto(solvedPath);
      const helpful = page.locator('#post-1 .helpful-button');
      expect(await helpful.getAttribute('aria-pressed')).toBe('false');
      await helpful.click();
      await expect.poll(() => helpful.getAttribute('aria-pressed')).toBe('true');
      expect(await textOf(helpful.locator('.helpful-count'))).toBe('1');
      expect(new URL(page.url()).pathname).toBe(solvedPath);
      const stored = forum.ctx.db.$client.prepare('select helpful_count as n from posts where thread_id = ? and number = 1').get(Number(solvedPath.split('/')[2])) as { n: number };
      expect(stored.n).toBe(1);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an Arabic reader gets the suggestions in Arabic, and each field runs in the direction of what is typed',
    async () => {
      const context = await browser.newContext({ baseURL: forum.base });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await logIn(page, 'samira', PASSWORD);
      await page.goto('/new?category=help');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const title = page.getByLabel('العنوان', { exact: true });
      await title.pressSequentially('كيف أزيل الترسبات الكلسية؟');
      const box = page.locator('#similar-threads');
      expect(await textOf(box.getByRole('heading'))).toBe('ربما تمت الإجابة عنه بالفعل');
      await expect.poll(() => box.getByRole('link').count(), { timeout: 10_000 }).toBe(1);
      expect(await box.locator('li').innerText()).toContain('رد واحد');
      // English typed into the Arabic page runs left to right; the Arabic title right to left.
      const body = page.getByLabel('الرسالة', { exact: true });
      await body.fill('The kettle is a Brewline K2.');
      expect(await body.evaluate((element) => element.matches(':dir(ltr)'))).toBe(true);
      expect(await title.evaluate((element) => element.matches(':dir(rtl)'))).toBe(true);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
