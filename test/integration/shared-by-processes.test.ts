import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { setSetting } from '../../src/db/settings.js';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createTestContext, httpClient, type TestContext } from '../helpers/app.js';
import { serveWithCachedPages } from '../helpers/server.js';

// Two server processes on one database file: each app here has its own SQLite connection, as each
// process has. Abuse limits and lockouts count against one allowance whichever process answers,
// and a setting one of them saves shows on the other from its next request.

let one: TestContext;
let otherDb: Db;
let other: ReturnType<typeof httpClient>;
let admin: SignedIn;
let threadPath: string;
beforeAll(async () => {
  one = await createTestContext({ rateLimit: true });
  makeCategory(one.services, { name: 'Kettles', slug: 'kettles' });
  admin = await makeUser(one.services, { username: 'ada', role: 'admin' });
  await makeUser(one.services, { username: 'greta', password: 'greta has a long password' });
  const thread = await makeThread(one.services, admin, { category: 'kettles', title: 'Descaling the kettle', body: 'Citric acid works.' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  otherDb = openDatabase(one.config.databasePath, { synchronous: 'NORMAL' });
  const app = createApp({ db: otherDb, config: one.config, markdown: one.services.markdown, clock: one.clock.now, log: () => undefined });
  other = httpClient(app, one.config.baseUrl, otherDb, one.clock);
});
afterAll(async () => {
  closeDatabase(otherDb);
  await one.close();
});

const signIn = (client: typeof other, password: string) => client.post('/login', { login: 'greta', password });

describe('limits shared by every process', () => {
  it('keeps an account locked on the other process after repeated failures on one', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(one.http, 'not her password')).status).toBe(422);
    const locked = await signIn(other, 'greta has a long password');
    expect(locked.status).toBe(422);
    expect(await locked.text()).toContain('That username or email and password do not match');
    one.clock.advance(16 * 60_000);
    expect((await signIn(other, 'greta has a long password')).status).toBe(303);
  });

  it('counts searches on both processes against one allowance', async () => {
    one.clock.advance(60 * 60_000);
    for (let i = 0; i < 30; i++) {
      expect((await one.http.get(`/search?q=kettle+${i}`)).status).toBe(200);
      expect((await other.get(`/search?q=acid+${i}`)).status).toBe(200);
    }
    const refused = await other.get('/search?q=one+more');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Too many searches in a short time');
    expect((await one.http.get('/search?q=and+here')).status).toBe(429);
  });

  it('never lets two processes take the same last allowance', async () => {
    one.clock.advance(60 * 60_000);
    for (let i = 0; i < 59; i++) expect((await one.http.get(`/search?q=spent+${i}`)).status).toBe(200);
    const statuses = await Promise.all([one.http.get('/search?q=last'), other.get('/search?q=last')].map(async (response) => (await response).status));
    expect(statuses.sort()).toEqual([200, 429]);
  });
});

describe('settings shared by every process', () => {
  it("shows the community language an admin saved on one process in the other's next page", async () => {
    const before = await other.get(threadPath);
    expect(await before.text()).toContain('<html lang="en"');
    expect((await one.http.post('/admin/language', { locale: 'tr', timeZone: 'Europe/Istanbul' }, { as: admin })).status).toBe(303);
    const after = await other.get(threadPath);
    expect(await after.text()).toContain('<html lang="tr"');
    // The other process's cached page and its ETag went with the old language.
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.headers.get('etag')).toBe((await one.http.get(threadPath)).headers.get('etag'));
    await one.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: admin });
    expect(await (await other.get(threadPath)).text()).toContain('<html lang="en"');
  });

  it('brings cached pages answered before the app up to date within a second', async () => {
    const served = await serveWithCachedPages({ ...one, db: otherDb });
    try {
      await served.get(threadPath);
      const cached = await served.get(threadPath);
      expect(cached.reachedApp).toBe(false);
      expect(cached.text).toContain('<html lang="en"');
      await one.http.post('/admin/language', { locale: 'ar', timeZone: 'UTC' }, { as: admin });
      const deadline = Date.now() + 10_000;
      let page = cached;
      while (!page.text.includes('<html lang="ar"') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        page = await served.get(threadPath);
      }
      expect(page.text).toContain('<html lang="ar"');
    } finally {
      await one.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: admin });
      await served.close();
    }
  });

  it("shows the site's name written by another process", async () => {
    setSetting(one.db, 'site_name', 'Kettle Owners Club');
    expect(await (await other.get('/')).text()).toContain('Kettle Owners Club');
  });
});
