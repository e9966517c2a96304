import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, serveForum, type ServedForum } from '../helpers/browser.js';

// Browsers ask for the page's icon (and /favicon.ico when a page names none); both must load and
// decode in the brand colour, and no page view may leave a failed request behind.

let forum: ServedForum;
let browser: Browser;
let threadPath: string;

beforeAll(async () => {
  forum = await serveForum({ brandColor: '#c81e5a' });
  makeCategory(forum.ctx.services, { name: 'Kettles', slug: 'kettles', moderation: 'open' });
  const bob = await makeUser(forum.ctx.services, { username: 'bob' });
  const thread = await makeThread(forum.ctx.services, bob, { category: 'kettles', title: 'Descaling the heating plate', body: 'Citric acid?' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await forum?.close();
});

describe('the favicon in a browser', () => {
  test(
    'home, category and thread pages load without a failed request, and both icons decode in the brand colour',
    async () => {
      const context = await browser.newContext({ baseURL: forum.base });
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      for (const path of ['/', '/c/kettles', threadPath]) await page.goto(path);
      expect(failed).toEqual([]);
      // Each icon the page links, drawn on a canvas by Chromium's own decoders: the colour of a pixel
      // inside the square but outside the house.
      const colours = await page.evaluate(async () => {
        const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="icon"]')];
        return Promise.all(
          links.map(async (link) => {
            const image = new Image();
            image.src = link.href;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = 32;
            const context2d = canvas.getContext('2d')!;
            context2d.drawImage(image, 0, 0, 32, 32);
            return { href: link.getAttribute('href'), rgb: [...context2d.getImageData(4, 28, 1, 1).data.slice(0, 3)] };
          }),
        );
      });
      expect(colours).toEqual([
        { href: '/favicon.ico', rgb: [200, 30, 90] },
        { href: '/favicon.svg', rgb: [200, 30, 90] },
      ]);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
