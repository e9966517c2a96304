import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum, textOf } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/axe.js';

// The admin pages in a browser: categories created and reordered with JavaScript off, an unreadable
// brand colour refused with its ratio, and the admin pages free of serious axe violations on a phone.

const PASSWORD = 'correct horse battery staple';
const PHONE = { width: 375, height: 740 };

let forum: ServedForum;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  forum = await serveForum();
  await makeUser(forum.ctx.services, { username: 'ada', role: 'admin', password: PASSWORD });
  makeCategory(forum.ctx.services, { name: 'Smart Kettles', slug: 'kettles' });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

async function adminPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page, 'ada', PASSWORD);
  return page;
}

const homeCategories = async (page: Page) => {
  await page.goto('/');
  return (await page.locator('main h2 a').allTextContents()).map((name) => name.trim());
};

describe('the admin pages', () => {
  test(
    'create and reorder categories with JavaScript off',
    async () => {
      const page = await adminPage(false);
      await page.goto('/admin/categories');
      const form = page.getByRole('form', { name: 'Add a category' });
      await form.getByLabel('Name', { exact: true }).fill('Milk Frothers');
      await form.getByLabel('Description (optional)').fill('Foam, steam and jugs.');
      await form.getByLabel('Kind').selectOption('questions');
      await form.getByRole('button', { name: 'Add category' }).click();
      expect(await textOf(page.locator('.notice'))).toBe('Category added. It is on the home page now.');
      expect(await homeCategories(page)).toEqual(['Smart Kettles', 'Milk Frothers']);

      await page.goto('/admin/categories');
      await page.getByRole('button', { name: 'Move Milk Frothers up' }).click();
      expect(await textOf(page.locator('.notice'))).toBe('Moved. The home page shows the new order now.');
      expect(await homeCategories(page)).toEqual(['Milk Frothers', 'Smart Kettles']);

      await page.goto('/admin/categories');
      await page.getByRole('button', { name: 'Move Milk Frothers down' }).click();
      expect(await homeCategories(page)).toEqual(['Smart Kettles', 'Milk Frothers']);
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'refuse an unreadable brand colour with its contrast ratio, with JavaScript off',
    async () => {
      const page = await adminPage(false);
      await page.goto('/admin/appearance');
      await page.getByLabel('Brand colour').fill('#ffcc00');
      await page.getByRole('button', { name: 'Save appearance' }).click();
      const error = await textOf(page.locator('#field-brandColor-error'));
      expect(error).toContain('its contrast is 1.41:1');
      expect(error).toContain('at least 4.5:1 is needed');
      expect(await page.getByLabel('Brand colour').inputValue()).toBe('#ffcc00');

      await page.getByLabel('Brand colour').fill('#1d4ed8');
      await page.getByRole('button', { name: 'Save appearance' }).click();
      expect(await textOf(page.locator('.notice'))).toBe('Saved. Every page shows the new appearance now.');
      await page.goto('/');
      const background = await page.getByRole('link', { name: 'New thread' }).evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(background).toBe('rgb(29, 78, 216)');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'have no serious axe violations at phone width',
    async () => {
      const page = await adminPage(true);
      for (const path of ['/admin', '/admin/categories', '/admin/appearance']) {
        await page.goto(path);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      // And with a refused form's errors showing.
      await page.getByLabel('Brand colour').fill('#ffcc00');
      await page.getByRole('button', { name: 'Save appearance' }).click();
      await page.locator('#field-brandColor-error').waitFor();
      expect(await seriousViolations(page), 'refused appearance').toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
