import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../../src/auth/accounts.js';
import { parseRoleClaim, type RoleClaim } from '../../src/auth/oidc-settings.js';
import { oidcLogins, users } from '../../src/db/schema.js';
import { BROWSER_TEST_TIMEOUT, launchChromium, serveForum, textOf, type ServedForum } from '../helpers/browser.js';
import { OTHER_CLIENT_ID, openProvider, type TestProvider } from '../helpers/oidc-provider.js';

// Signing in through the brand's provider in a real browser: Chromium, Hearth on one loopback
// port and a real OpenID provider (oidc-provider) on another, nothing else reachable.

const PASSWORD = 'correct horse battery staple';
const roleClaim = parseRoleClaim('groups:community-managers=manager,community-admins=admin') as RoleClaim;

let provider: TestProvider;
let otherProvider: TestProvider;
let forum: ServedForum;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  provider = await openProvider();
  otherProvider = await openProvider();
  forum = await serveForum({ oidc: provider.settings({ roleClaim }) });
  provider.serve(forum.base);
  otherProvider.serve(forum.base);
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await forum?.close();
  await provider?.close();
  await otherProvider?.close();
});

/** A fresh browser profile that can reach only the two loopback servers. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: forum.base });
  contexts.push(context);
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** The provider's sign-in form, as a person fills it in. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/**
 * Signs in at the provider in this browser (its cookies, its page) but holds it back before it
 * reaches Hearth's callback, and returns the callback URL it would have been sent to. `rewrite`
 * changes where Hearth's authorization request goes (another provider, another client id).
 * The redirects are followed through the profile's own request context, as a browser's
 * interception cannot stop a redirect's target.
 */
async function heldCallback(page: Page, login: string, rewrite: (url: URL) => URL = (url) => url): Promise<string> {
  const request = page.context().request;
  const start = await request.get(`${forum.base}/auth/oidc/start`, { maxRedirects: 0 });
  await page.goto(rewrite(new URL(start.headers()['location']!)).href);
  await page.locator('input[name="login"]').waitFor();
  let at = new URL((await page.locator('form').first().getAttribute('action'))!, page.url());
  let response = await request.post(at.href, { form: { prompt: 'login', login, password: 'any password' }, maxRedirects: 0 });
  for (let step = 0; step < 10; step += 1) {
    at = new URL(response.headers()['location']!, at);
    if (at.origin === new URL(forum.base).origin) return at.href;
    response = await request.get(at.href, { maxRedirects: 0 });
  }
  throw new Error('the provider never sent the browser back');
}

async function expectRefusal(page: Page, text: string): Promise<void> {
  expect(await textOf(page.locator('.error-page'))).toContain(text);
  await expect.poll(() => page.locator('.site-header').getByRole('link', { name: 'Log in' }).count()).toBe(1);
}

describe('signing in with the brand\'s provider', () => {
  test(
    'a new member with the mapped role, who changes the claimed username once and signs out at the provider too',
    async () => {
      provider.accounts.set('sub-nora', { email: 'nora@brand.example', email_verified: true, preferred_username: 'Nora Lind', groups: ['community-managers'] });
      const page = await newPage();
      await page.goto('/login');
      await page.getByRole('link', { name: 'Sign in with Brewline' }).click();
      await signInAtProvider(page, 'sub-nora');
      const header = page.locator('.site-header');
      await header.getByRole('link', { name: 'Nora_Lind', exact: true }).waitFor();
      // The groups claim made her a community manager: the review queue is in her header.
      await header.getByRole('link', { name: /Review/ }).waitFor();

      await page.goto('/account');
      await page.getByLabel('Username', { exact: true }).fill('nora');
      await page.getByRole('button', { name: 'Change username' }).click();
      expect(await textOf(page.getByRole('status'))).toBe('Your username is changed.');
      await header.getByRole('link', { name: 'nora', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Change username' }).count()).toBe(0);

      await header.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL(`${forum.base}/`);
      await header.getByRole('link', { name: 'Log in' }).waitFor();
      // Signed out at the provider too: the next sign-in asks for the account again.
      await page.getByRole('link', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Sign in with Brewline' }).click();
      await page.locator('input[name="login"]').waitFor();
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an existing account with the same verified address is linked only after its password',
    async () => {
      await createUser(forum.ctx.services, { username: 'olga', email: 'olga@example.com', password: PASSWORD, verified: true });
      provider.accounts.set('sub-olga', { email: 'olga@example.com', email_verified: true, preferred_username: 'olga-at-brand' });
      const page = await newPage();
      await page.goto('/login');
      await page.getByRole('link', { name: 'Sign in with Brewline' }).click();
      await signInAtProvider(page, 'sub-olga');
      await page.getByRole('heading', { name: 'Link your existing account' }).waitFor();
      await page.getByLabel('Password', { exact: true }).fill('not her password');
      await page.getByRole('button', { name: 'Link and sign in' }).click();
      expect(await textOf(page.locator('.field-error'))).toContain('That password is not right');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Link and sign in' }).click();
      await page.locator('.site-header').getByRole('link', { name: 'olga', exact: true }).waitFor();
      expect(forum.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'olga-at-brand')).get()).toBeUndefined();
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describe('refused sign-ins, each with a clear page', () => {
  test(
    'a tampered state',
    async () => {
      provider.accounts.set('sub-x', {});
      const page = await newPage();
      const callback = await heldCallback(page, 'sub-x');
      await page.goto(callback.replace(/state=([^&]+)/, 'state=$1tampered'));
      await expectRefusal(page, 'This sign-in link is not valid or was already used');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'a replayed code: the same callback URL a second time',
    async () => {
      provider.accounts.set('sub-y', { preferred_username: 'yusuf' });
      const page = await newPage();
      const callback = await heldCallback(page, 'sub-y');
      await page.goto(callback);
      await page.locator('.site-header').getByRole('link', { name: 'yusuf', exact: true }).waitFor();
      await page.locator('.site-header').getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL(`${forum.base}/`);
      await page.goto(callback);
      await expectRefusal(page, 'This sign-in link is not valid or was already used');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an ID token whose nonce is not the one this sign-in sent',
    async () => {
      provider.accounts.set('sub-x', {});
      const page = await newPage();
      const callback = await heldCallback(page, 'sub-x');
      const state = new URL(callback).searchParams.get('state')!;
      forum.ctx.db.update(oidcLogins).set({ nonce: 'the-nonce-of-another-sign-in' }).where(eq(oidcLogins.state, state)).run();
      await page.goto(callback);
      await expectRefusal(page, 'did not check out');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an answer from another issuer',
    async () => {
      otherProvider.accounts.set('sub-x', {});
      const page = await newPage();
      // The browser is sent on to another provider with the same request (the same client id, state and nonce).
      const callback = await heldCallback(page, 'sub-x', (url) => new URL(`${url.pathname}${url.search}`, otherProvider.issuer));
      expect(new URL(callback).searchParams.get('iss')).toBe(otherProvider.issuer);
      await page.goto(callback);
      await expectRefusal(page, 'did not check out');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'a code issued for another client (audience)',
    async () => {
      provider.accounts.set('sub-x', {});
      const page = await newPage();
      const callback = await heldCallback(page, 'sub-x', (url) => {
        url.searchParams.set('client_id', OTHER_CLIENT_ID);
        return url;
      });
      await page.goto(callback);
      await expectRefusal(page, 'did not check out');
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'a state carried to another browser',
    async () => {
      provider.accounts.set('sub-x', {});
      const callback = await heldCallback(await newPage(), 'sub-x');
      const elsewhere = await newPage();
      await elsewhere.goto(callback);
      await expectRefusal(elsewhere, 'started in another browser');
    },
    BROWSER_TEST_TIMEOUT,
  );
});
