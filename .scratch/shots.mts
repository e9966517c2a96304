import { chromium } from 'playwright-core';
const base = 'http://localhost:3100';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await (await browser.newContext({ baseURL: base, viewport: { width: 1100, height: 900 } })).newPage();
const shot = async (path: string, name: string, full = false) => { await page.goto(path); await page.screenshot({ path: `/tmp/hd/${name}.png`, fullPage: full }); };
await shot('/search?q=battery', 'search');
// a thread with a reply-to
const threads = await page.$$eval('a[href^="/t/"]', (as) => as.map((a) => a.getAttribute('href')));
let found = '';
for (const href of threads.slice(0, 40)) {
  await page.goto(href!);
  if (await page.locator('text=in reply to').count()) { found = href!; break; }
}
console.log('thread with reply context:', found);
if (found) {
  const details = page.locator('details').first();
  if (await details.count()) { await details.locator('summary').click(); await details.scrollIntoViewIfNeeded(); }
  await page.screenshot({ path: '/tmp/hd/thread.png' });
}
await page.goto('/login');
await page.getByLabel('Username or email address', { exact: true }).fill('admin');
await page.getByLabel('Password', { exact: true }).fill('admin-demo-pass');
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL(`${base}/`);
await shot('/admin/flags', 'admin-flags');
await shot('/mod/queue', 'queue');
await page.setViewportSize({ width: 375, height: 700 });
await shot('/mod/log', 'modtabs-phone');
await browser.close();
