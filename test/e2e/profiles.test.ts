import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { seriousViolations } from '../helpers/axe.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';

// A member sets a display name and a bio on /account and sees them on their profile and beside
// their post; the generated avatar is an image that loads; the pages have no serious axe violations.

const PASSWORD = 'correct horse battery staple';

let forum: ServedForum;
let browser: Browser;
let context: BrowserContext | undefined;
let threadPath = '';

beforeAll(async () => {
  forum = await serveForum();
  makeCategory(forum.ctx.services, { name: 'Smart Kettles', slug: 'kettles' });
  const leyla = await makeUser(forum.ctx.services, { username: 'leyla', password: PASSWORD });
  await makeUser(forum.ctx.services, { username: 'ada', role: 'admin', password: PASSWORD });
  const thread = await makeThread(forum.ctx.services, leyla, { category: 'kettles', title: 'My kettle clicks off early', body: 'Is that the sensor?' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

/** Whether the image has loaded with a real size (a broken image has naturalWidth 0). */
const loaded = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate(async (image: HTMLImageElement) => {
    if (!image.complete) await new Promise((resolve) => image.addEventListener('load', resolve, { once: true }));
    return image.naturalWidth > 0;
  });

describe('a member’s profile', () => {
  test(
    'sets a display name and bio, and sees them on the profile and beside the post, with a generated avatar',
    async () => {
      context = await browser.newContext({ baseURL: forum.base });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await logIn(page, 'leyla', PASSWORD);

      await page.goto('/account');
      const form = page.locator('form[action="/account/profile"]');
      await form.getByLabel('Display name').fill('Leyla Öztürk');
      await form.getByLabel('Bio').fill('Tea every morning.\nTwo kettles, both noisy.');
      await form.getByRole('button', { name: 'Save profile' }).click();
      expect(await textOf(page.locator('.notice'))).toBe('Your profile is saved.');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/u/leyla');
      expect(await textOf(page.locator('h1'))).toContain('Leyla Öztürk');
      expect(await textOf(page.locator('h1'))).toContain('@leyla');
      expect(await textOf(page.locator('.profile-bio'))).toBe('Tea every morning.\nTwo kettles, both noisy.');
      expect(await loaded(page, '.profile-heading img')).toBe(true);
      expect(await page.locator('.profile-heading img').getAttribute('alt')).toBe('');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(threadPath);
      expect(await textOf(page.locator('#post-1 .display-name'))).toBe('Leyla Öztürk');
      expect(await textOf(page.locator('#post-1 .author'))).toBe('@leyla');
      expect(await loaded(page, '#post-1 img.avatar')).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);

      // The initials in the brand colour, drawn by the browser from our SVG.
      const avatar = await page.request.get((await page.locator('#post-1 img.avatar').getAttribute('src'))!);
      expect(avatar.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(await avatar.text()).toContain('>LÖ</text>');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an admin adds a profile question, and removes it after confirming',
    async () => {
      const admin = await browser.newContext({ baseURL: forum.base });
      try {
        const page = await admin.newPage();
        page.setDefaultTimeout(10_000);
        await logIn(page, 'ada', PASSWORD);
        await page.goto('/admin/profile-fields');
        const form = page.getByRole('form', { name: 'Add a profile field' });
        await form.getByLabel('Question or label').fill('Which kettle do you own?');
        await form.getByRole('button', { name: 'Add field' }).click();
        expect(await textOf(page.locator('.notice'))).toBe('Field added. Members can fill it in on their account page now.');
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Remove Which kettle do you own?' }).click();
        expect(await textOf(page.locator('main p').first())).toBe('No member has answered it, so nothing else is lost.');
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Remove the field and its answers' }).click();
        expect(await textOf(page.locator('.notice'))).toBe('Field removed, with its answers.');
      } finally {
        await admin.close();
      }
    },
    BROWSER_TEST_TIMEOUT,
  );
});
