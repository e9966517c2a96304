import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { makeThread } from '../../src/demo/factories.js';
import { PageCache } from '../../src/lib/page-cache.js';
import { createForumContext } from '../helpers/forum.js';
import { serveWithCachedPages } from '../helpers/server.js';

// ETags come from the build, the site's settings, the community's language and the pages'
// versions: two processes of one build (or one process before and after a restart) give the same
// ETag and answer each other's If-None-Match with 304.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let path: string;
beforeAll(async () => {
  ctx = await createForumContext();
  const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Shared thread', body: 'Served by any process' });
  path = `/t/${thread.threadId}/${thread.slug}`;
});
afterAll(() => ctx.close());

/** Another process over the same database: its own app and page cache. */
function otherProcess(config: Config = ctx.config, pageCache = new PageCache()) {
  const app = createApp({ db: ctx.db, config, markdown: ctx.services.markdown, clock: ctx.clock.now, pageCache });
  return (url: string, headers: Record<string, string> = {}) => app.request(new URL(url, ctx.config.baseUrl).toString(), { headers });
}

const etagOf = async (response: Response | Promise<Response>) => (await response).headers.get('etag')!;

describe('ETags every process agrees on', () => {
  it('are the same in two apps over one database, and each answers the other’s with 304', async () => {
    const first = otherProcess();
    const second = otherProcess();
    const etag = await etagOf(first(path));
    expect(etag).toMatch(/^".+"$/);
    expect(await etagOf(second(path))).toBe(etag);
    expect((await second(path, { 'if-none-match': etag })).status).toBe(304);
    expect(await etagOf(second('/c/kettles'))).toBe(await etagOf(first('/c/kettles')));
    expect((await first('/latest.atom', { 'if-none-match': await etagOf(second('/latest.atom')) })).status).toBe(304);
  });

  it('are answered with 304 by the fast path of a process that did not render the page', async () => {
    const etag = await etagOf(otherProcess()(path));
    const server = await serveWithCachedPages(ctx);
    try {
      expect((await server.get(path)).response.headers.get('etag')).toBe(etag);
      const again = await server.get(path, { 'if-none-match': etag });
      expect(again.response.status).toBe(304);
      expect(again.reachedApp).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('differ for another build, site name, address or brand colour', async () => {
    const etag = await etagOf(otherProcess()(path));
    const others = [
      otherProcess(ctx.config, new PageCache({ build: 'another-build' })),
      otherProcess({ ...ctx.config, siteName: 'Another Community' }),
      otherProcess({ ...ctx.config, baseUrl: 'https://forum.example.org' }),
      otherProcess({ ...ctx.config, brandColor: '#16a34a' }),
    ];
    for (const other of others) {
      const response = await other(path, { 'if-none-match': etag });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).not.toBe(etag);
    }
  });

  it('change when an admin changes the default language, in that process and after a restart', async () => {
    const before = await etagOf(ctx.http.get(path));
    expect(await etagOf(otherProcess()(path))).toBe(before);
    await ctx.http.post('/admin/language', { locale: 'tr', timeZone: 'Europe/Istanbul' }, { as: ctx.admin });
    const after = await ctx.http.get(path, { headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    const etag = after.headers.get('etag')!;
    expect(etag).not.toBe(before);
    const restarted = otherProcess();
    expect((await restarted(path, { 'if-none-match': before })).status).toBe(200);
    expect((await restarted(path, { 'if-none-match': etag })).status).toBe(304);
    await ctx.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: ctx.admin });
    expect((await ctx.http.get(path, { headers: { 'if-none-match': before } })).status).toBe(304);
  });
});
