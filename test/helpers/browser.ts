import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Config } from '../../src/config.js';
import { createTestContext, type TestContext } from './app.js';

// Shared by the end-to-end tests: Debian's Chromium driven by playwright-core. The flags keep
// Chromium off the network (the suite must never touch it) and quiet in CI.

export const CHROMIUM = '/usr/bin/chromium';
export const BROWSER_TEST_TIMEOUT = 60_000;
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails (never skips) with the fix when Chromium is missing. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The end-to-end tests need Debian's Chromium at ${CHROMIUM}, which is missing. ` +
        'Install it with: apt-get update && apt-get install -y --no-install-recommends chromium',
    );
  }
}

export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Chromium with third-party cookies blocked, as a person sets it in the settings (and as browsers
 * move to by default): a fresh profile whose preferences say so. Frames of another site then get
 * no unpartitioned cookies at all; partitioned ones (CHIPS) are still allowed.
 */
export function launchChromiumBlockingThirdPartyCookies(): Promise<BrowserContext> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'hearth-chromium-'));
  mkdirSync(join(profile, 'Default'));
  // cookie_controls_mode 1 is "block third-party cookies"; the older boolean is kept for older builds.
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true } }));
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1000, height: 900 } });
}

export type ServedForum = { ctx: TestContext; server: ServerType; base: string; close: () => Promise<void> };

/**
 * A fresh forum on a real port. It listens first, so the app can be built with the origin the
 * browser will send (the CSRF check compares them), then hands requests to it.
 */
export async function serveForum(overrides: Partial<Config> = {}): Promise<ServedForum> {
  let app: TestContext['app'] | undefined;
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: (request) => (app ? app.fetch(request) : new Response('starting', { status: 503 })), port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const ctx = await createTestContext({ baseUrl: base, siteName: 'Brewline', ...overrides });
  app = ctx.app;
  return {
    ctx,
    server,
    base,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
    },
  };
}

/** Waits (auto-retrying) until the locator is visible and returns its text. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).trim();
}

/** Signs in through the login form, as a person does, and waits until the header names the member. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username or email address', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('.site-header').getByRole('link', { name: username, exact: true }).waitFor();
}
