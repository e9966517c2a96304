import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeThread, makeUser, makeCategory } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, logIn, type ServedForum, serveForum } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/axe.js';
import { phonePhoto } from '../helpers/uploads.js';

// A customer shows the error on their charger's display: a photo dropped into the reply box (the
// script uploads it and inserts its markdown), and the same without JavaScript (file field and
// "Upload image", then "Post reply"). Either way the posted reply shows the image.

const PASSWORD = 'correct horse battery staple';
const IMAGE_MARKDOWN = /!\[display\]\(\/uploads\/[0-9a-f]{64}\.jpg\?w=\d+&h=\d+[^)]*\)/;

let forum: ServedForum;
let browser: Browser;
let threadPath: string;
let photo: Buffer;
const contexts: BrowserContext[] = [];

async function memberPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base, viewport: { width: 1200, height: 900 }, javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page, 'carla', PASSWORD);
  return page;
}

/** The reply's image has loaded: the browser decoded what the server sent. */
async function shownImage(page: Page, postSelector: string): Promise<{ src: string; width: number }> {
  const image = page.locator(`${postSelector} img[src^="/uploads/"]`);
  await image.waitFor();
  await page.waitForFunction((element) => element !== null && (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0, await image.elementHandle());
  return image.evaluate((element) => ({ src: element.getAttribute('src') ?? '', width: (element as HTMLImageElement).naturalWidth }));
}

beforeAll(async () => {
  forum = await serveForum();
  makeCategory(forum.ctx.services, { name: 'Chargers', slug: 'chargers', moderation: 'open' });
  const carla = await makeUser(forum.ctx.services, { username: 'carla', password: PASSWORD });
  const thread = await makeThread(forum.ctx.services, carla, { category: 'chargers', title: 'My charger shows E7', body: 'The display shows E7 after an hour.' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  photo = await phonePhoto(900, 600);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await forum?.close();
});

describe('images in a reply, in a real browser', () => {
  test(
    'a photo dropped into the reply box is uploaded, inserted at the cursor and shown in the posted reply',
    async () => {
      const page = await memberPage(true);
      await page.goto(threadPath);
      // With the script, the file field uploads on its own: the no-JavaScript button is hidden.
      await page.locator('.image-upload-button').waitFor({ state: 'hidden' });
      const box = page.getByLabel('Reply', { exact: true });
      await box.fill('Here is the display:');
      await box.evaluate(
        (element, base64) => {
          const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], 'display.jpg', { type: 'image/jpeg' }));
          element.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
          element.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
        },
        photo.toString('base64'),
      );
      await page.locator('.upload-status', { hasText: 'Image added to your message.' }).waitFor();
      const text = await box.inputValue();
      expect(text.startsWith('Here is the display:\n\n![display](/uploads/')).toBe(true);
      expect(text).toMatch(IMAGE_MARKDOWN);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Post reply' }).click();
      await page.locator('#post-2').waitFor();
      const shown = await shownImage(page, '#post-2');
      expect(shown.src).toMatch(/^\/uploads\/[0-9a-f]{64}\.jpg$/);
      // Upright: the sideways 900 × 600 photo is 600 wide.
      expect(shown.width).toBe(600);
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an image pasted into a new thread\'s message is uploaded and inserted where the cursor is',
    async () => {
      const page = await memberPage(true);
      await page.goto('/new?category=chargers');
      const box = page.getByLabel('Message', { exact: true });
      await box.fill('Before the picture. After the picture.');
      // The cursor after "Before the picture.".
      await box.evaluate((element) => (element as HTMLTextAreaElement).setSelectionRange(19, 19));
      await box.evaluate(
        (element, base64) => {
          const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], 'display.jpg', { type: 'image/jpeg' }));
          element.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
        },
        photo.toString('base64'),
      );
      await page.locator('.upload-status', { hasText: 'Image added to your message.' }).waitFor();
      const text = await box.inputValue();
      expect(text).toMatch(new RegExp(`^Before the picture\\.\\n\\n${IMAGE_MARKDOWN.source}\\n\\n After the picture\\.$`));
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'without JavaScript, "Upload image" brings the form back with the image added, and the reply shows it',
    async () => {
      const page = await memberPage(false);
      await page.goto(threadPath);
      await page.getByLabel('Reply', { exact: true }).fill('The same without scripts:');
      await page.getByLabel('Add an image', { exact: true }).setInputFiles({ name: 'display.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByRole('button', { name: 'Upload image' }).click();
      await page.waitForLoadState();
      const text = await page.getByLabel('Reply', { exact: true }).inputValue();
      expect(text.startsWith('The same without scripts:\n\n![display](/uploads/')).toBe(true);
      expect(text).toMatch(IMAGE_MARKDOWN);
      // Nothing was posted by the upload.
      expect(await page.locator('#post-3').count()).toBe(0);

      await page.getByRole('button', { name: 'Post reply' }).click();
      await page.locator('#post-3').waitFor();
      expect((await shownImage(page, '#post-3')).src).toMatch(/^\/uploads\/[0-9a-f]{64}\.jpg$/);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
