import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { makeThread } from '../../src/demo/factories.js';
import { shippedLocales } from '../../src/i18n/catalog.js';
import { createForumContext, location } from '../helpers/forum.js';
import { freePort } from '../helpers/spawned-server.js';

// CACHE_PURGE_URL: after a write the app asks the cache in front to drop the pages it changed
// (src/lib/cache-purge.ts). Here a recorder stands in for nginx; test/integration/nginx.test.ts
// runs the real one.

type Purge = { method: string; path: string; cookie: string | undefined };

/** A stand-in for the purge listener, answering `status` and remembering every request. */
async function recorder(status: number) {
  const seen: Purge[] = [];
  const server: Server = createServer((request, response) => {
    seen.push({ method: request.method!, path: request.url!, cookie: request.headers.cookie });
    response.writeHead(status).end();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { seen, url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the purge requests did not arrive within 10 s');
}

describe('purge on write', () => {
  let purges: Awaited<ReturnType<typeof recorder>>;
  let ctx: Awaited<ReturnType<typeof createForumContext>>;
  beforeAll(async () => {
    purges = await recorder(404);
    ctx = await createForumContext({ cachePurgeUrl: purges.url.replace(/\/$/, '') });
  });
  afterAll(async () => {
    await ctx.close();
    await purges.close();
  });

  it('purges the thread page, the page shown, its category and home, once bare and once per language', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Purge me', body: 'First' });
    purges.seen.length = 0;
    const response = await ctx.http.post(`/t/${threadId}/replies`, { body: 'A reply that changes pages' }, { as: ctx.other });
    expect(response.status).toBe(303);
    const shown = location(response).split('#')[0]!;
    const expected = [...new Set([`/t/${threadId}/${slug}`, shown])].concat('/c/kettles', '/');
    const cookies = [undefined, ...shippedLocales.map((locale) => `hearth_locale=${locale}`)];
    const all = await until(() => (purges.seen.length >= expected.length * cookies.length ? purges.seen : undefined));
    expect(all.every((purge) => purge.method === 'PURGE')).toBe(true);
    expect(new Set(all.map((purge) => purge.path))).toEqual(new Set(expected));
    for (const path of expected) {
      expect(all.filter((purge) => purge.path === path).map((purge) => purge.cookie)).toEqual(cookies);
    }
  });

  it('sends nothing for a refused write or a GET', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Not purged', body: 'First' });
    purges.seen.length = 0;
    expect((await ctx.http.post(`/t/${threadId}/replies`, { body: '' }, { as: ctx.other })).status).toBe(422);
    expect((await ctx.http.get(`/t/${threadId}/${slug}`)).status).toBe(200);
    // A later write's purges arrive; had the refused one sent any, they would be queued before them.
    await ctx.http.post(`/t/${threadId}/replies`, { body: 'Accepted' }, { as: ctx.other });
    const first = await until(() => purges.seen[0]);
    expect(first.path).toBe(`/t/${threadId}/${slug}`);
    await until(() => (purges.seen.length >= 5 ? true : undefined));
    expect(purges.seen.slice(0, 5).every((purge) => purge.path === `/t/${threadId}/${slug}`)).toBe(true);
  });
});

describe('a purge listener that fails', () => {
  it('never fails the write, and is logged once', async () => {
    const failing = await recorder(500);
    const ctx = await createForumContext({ cachePurgeUrl: failing.url });
    try {
      const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Still posted', body: 'First' });
      for (const body of ['One', 'Two', 'Three']) {
        expect((await ctx.http.post(`/t/${threadId}/replies`, { body }, { as: ctx.other })).status).toBe(303);
      }
      // Each batch stops at its first failure (one request per write), and batches go one after
      // another: when the third write's request arrives, the first two have been logged or not.
      await until(() => (failing.seen.length >= 3 ? true : undefined));
      expect(ctx.errors).toHaveLength(1);
      expect(String(ctx.errors[0])).toContain('answered 500');
    } finally {
      await ctx.close();
      await failing.close();
    }
  });
});

describe('CACHE_PURGE_URL', () => {
  it('is an http(s) URL, or the start stops with a clear message', () => {
    expect(loadConfig({ CACHE_PURGE_URL: 'http://127.0.0.1:8080/' }).cachePurgeUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfig({}).cachePurgeUrl).toBeNull();
    expect(() => loadConfig({ CACHE_PURGE_URL: 'localhost:8080' })).toThrow(/CACHE_PURGE_URL: must be an http:\/\/ or https:\/\/ URL/);
  });
});
