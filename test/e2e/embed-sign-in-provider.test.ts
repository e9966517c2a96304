import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { BROWSER_TEST_TIMEOUT, launchChromiumBlockingThirdPartyCookies, serveForum, type ServedForum } from '../helpers/browser.js';
import { embedFrame } from '../helpers/host-site.js';
import { openProvider, type TestProvider } from '../helpers/oidc-provider.js';

// Signing in from an embed through the brand's own provider: the frame's popup goes from the
// community's sign-in page to the OpenID provider (another origin) and back, and must still hand
// its code to the frame that opened it. Chromium with third-party cookies blocked; the forum, the
// help center and the provider each on their own loopback port.

const TITLE = 'Kettle lid will not stay closed';
const REPLY = 'Mine needed a new hinge pin, the support team sent one.';

let forum: ServedForum;
let provider: TestProvider;
let helpCenter: Server;
let browser: BrowserContext;
let helpOrigin: string;

function embedPage(threadId: number, base: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help center</title></head>
<body><main><h1>Kettle lids</h1><div id="thread" data-hearth-thread="${threadId}"></div><script async src="${base}/embed.js"></script></main></body></html>`;
}

beforeAll(async () => {
  let body = '';
  helpCenter = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise<void>((resolve) => helpCenter.listen(0, '127.0.0.1', resolve));
  helpOrigin = `http://127.0.0.1:${(helpCenter.address() as AddressInfo).port}`;
  provider = await openProvider();
  forum = await serveForum({ embedOrigins: [helpOrigin], oidc: provider.settings() });
  provider.serve(forum.base);
  const { services } = forum.ctx;
  makeCategory(services, { name: 'Smart Kettles', slug: 'kettles' });
  const mia = await makeUser(services, { username: 'mia', role: 'manager' });
  const { threadId } = await makeThread(services, mia, { category: 'kettles', title: TITLE, body: 'The lid pops open while boiling.' });
  body = embedPage(threadId, forum.base);
  browser = await launchChromiumBlockingThirdPartyCookies();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (helpCenter ? helpCenter.close(() => resolve()) : resolve()));
  await forum?.close();
  await provider?.close();
});

describe('signing in from an embed through the brand’s provider', () => {
  test(
    'the popup goes to the provider and back, hands its code to the frame, and the member replies there',
    async () => {
      provider.accounts.set('sub-pia', { email: 'pia@brand.example', email_verified: true, preferred_username: 'pia' });
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${helpOrigin}/article`);
      const frame = await embedFrame(page);

      const popupOpened = browser.waitForEvent('page');
      await frame.getByRole('button', { name: 'Sign in to reply' }).click();
      const popup = await popupOpened;
      popup.setDefaultTimeout(15_000);
      await popup.waitForURL(/\/login\?next=/);
      await popup.getByRole('link', { name: /^Sign in with / }).click();
      await popup.locator('input[name="login"]').fill('sub-pia');
      await popup.locator('input[name="password"]').fill('any password');
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', { name: 'Sign-in' }).click();
      await closed;

      await frame.getByText('Signed in as pia').waitFor();
      await frame.getByLabel('Your reply').fill(REPLY);
      await frame.getByRole('button', { name: 'Post reply' }).click();
      await frame.locator('.embed-post-body', { hasText: REPLY }).waitFor();
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
