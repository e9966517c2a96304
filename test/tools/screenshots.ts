import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../helpers/browser.js';
import { freePort } from '../helpers/spawned-server.js';

// Screenshots of the demo community in every shipped language, desktop and phone, for the docs
// (docs/screenshots/). `npm run screenshots` starts the real server on a fresh demo database.

const shots = [
  { locale: 'en', thread: 'battery' },
  { locale: 'zh-Hans', thread: '充电器' },
  { locale: 'ar', thread: 'الضمان' },
  { locale: 'tr', thread: 'İstanbul' },
] as const;
const sizes = [
  { name: 'desktop', width: 1280, height: 800, scale: 1 },
  { name: 'phone', width: 390, height: 844, scale: 2 },
] as const;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'hearth-shots-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_PATH: join(folder, 'demo.db'), PORT: String(port), BASE_URL: base, LOG_LEVEL: 'warn' };
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env, stdio: 'inherit' });
  try {
    await waitUntilUp(base);
    const out = 'docs/screenshots';
    mkdirSync(out, { recursive: true });
    const browser = await launchChromium();
    for (const { locale, thread } of shots) {
      for (const size of sizes) {
        const context = await browser.newContext({ baseURL: base, viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
        await context.addCookies([{ name: 'hearth_locale', value: locale, url: base }]);
        const page = await context.newPage();
        await page.goto('/');
        await page.screenshot({ path: `${out}/${locale}-home-${size.name}.jpeg`, type: 'jpeg', quality: 70 });
        await page.goto(`/search?q=${encodeURIComponent(thread)}`);
        await page.locator('main h2 a[href^="/p/"]').first().click();
        await page.waitForLoadState();
        // The permalink lands on the matching post; the shot shows the thread from its top.
        await page.goto(page.url().split('#')[0]!);
        await page.screenshot({ path: `${out}/${locale}-thread-${size.name}.jpeg`, type: 'jpeg', quality: 70 });
        await context.close();
      }
    }
    await browser.close();
  } finally {
    server.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function waitUntilUp(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The server did not start within two minutes.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
