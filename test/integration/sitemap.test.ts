import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { lastModifiedQuery, pageRange, sitemapThreadsQuery } from '../../src/forum/sitemap.js';
import { SITEMAP_INDEX_MAX_AGE_MS } from '../../src/routes/sitemaps.js';
import { createForumContext, location } from '../helpers/forum.js';
import { childText, elements, SITEMAPS, xmlResponse } from '../helpers/xml.js';

// Pages of three threads (the real size is 10,000), so a few threads make several pages.
const PAGE_SIZE = 3;
const XML = 'application/xml; charset=utf-8';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
type Made = { threadId: number; slug: string; postId: number };
const made: Made[] = [];
let base: string;

/** Ids 1–6 public; 7 and 8 wait for approval; 9's opening post is hidden; 10 public. */
beforeAll(async () => {
  ctx = await createForumContext({ sitemapPageSize: PAGE_SIZE });
  base = ctx.config.baseUrl;
  makeCategory(ctx.services, { name: 'Held board', slug: 'held', moderation: 'all' });
  for (let index = 1; index <= 10; index++) {
    ctx.clock.advance(60_000);
    if (index === 7 || index === 8) {
      const response = await ctx.http.post('/t', { category: 'held', title: `Waiting thread ${index}`, body: 'Waiting' }, { as: ctx.member });
      made.push({ threadId: Number(location(response).split('/')[2]), slug: '', postId: 0 });
    } else {
      made.push(await makeThread(ctx.services, ctx.member, { category: 'kettles', title: `Public thread ${index}`, body: 'Visible' }));
    }
  }
  expect(made.map((thread) => thread.threadId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect((await ctx.http.post(`/p/${made[8]!.postId}/hide`, { reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
  // The newest activity of the first page is a later reply to thread 2.
  ctx.clock.advance(60_000);
  await makeReply(ctx.services, ctx.other, { threadId: 2, body: 'A later reply' });
});
afterAll(() => ctx.close());

const lastPostAt = (threadId: number) => ctx.db.$client.prepare('select last_post_at from threads where id = ?').pluck().get(threadId) as number;
const w3c = (milliseconds: number) => new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('/sitemap.xml', () => {
  it('is an index of the categories sitemap and of every thread page holding a public thread, each with its newest activity', async () => {
    const index = await xmlResponse(await ctx.http.get('/sitemap.xml'), XML);
    expect([index.documentElement.namespaceURI, index.documentElement.localName]).toEqual([SITEMAPS, 'sitemapindex']);
    const listed = elements(index, SITEMAPS, 'sitemap').map((sitemap) => [childText(sitemap, SITEMAPS, 'loc'), childText(sitemap, SITEMAPS, 'lastmod')]);
    expect(listed).toEqual([
      [`${base}/sitemap-categories.xml`, w3c(lastPostAt(2))],
      [`${base}/sitemap-threads-1.xml`, w3c(lastPostAt(2))],
      [`${base}/sitemap-threads-2.xml`, w3c(lastPostAt(6))],
      // Page 3 (threads 7–9) has nothing public, so it is not listed.
      [`${base}/sitemap-threads-4.xml`, w3c(lastPostAt(10))],
    ]);
  });

  it('lists each page’s public threads at their canonical absolute URLs', async () => {
    const urls = async (page: number) => {
      const set = await xmlResponse(await ctx.http.get(`/sitemap-threads-${page}.xml`), XML);
      expect(set.documentElement.localName).toBe('urlset');
      return elements(set, SITEMAPS, 'url').map((url) => [childText(url, SITEMAPS, 'loc'), childText(url, SITEMAPS, 'lastmod')]);
    };
    expect(await urls(1)).toEqual([1, 2, 3].map((id) => [`${base}/t/${id}/public-thread-${id}`, w3c(lastPostAt(id))]));
    expect((await urls(2)).map(([loc]) => loc)).toEqual([4, 5, 6].map((id) => `${base}/t/${id}/public-thread-${id}`));
    expect((await urls(4)).map(([loc]) => loc)).toEqual([`${base}/t/10/public-thread-10`]);
  });

  it('answers 404 for a page with nothing public, a page past the end and a page 0', async () => {
    for (const page of [3, 5, 0, 99999999999]) expect((await ctx.http.get(`/sitemap-threads-${page}.xml`)).status, `page ${page}`).toBe(404);
  });

  it('lists the home page and every category', async () => {
    const set = await xmlResponse(await ctx.http.get('/sitemap-categories.xml'), XML);
    expect(elements(set, SITEMAPS, 'loc').map((loc) => loc.textContent)).toEqual([`${base}/`, `${base}/c/kettles`, `${base}/c/held`]);
  });

  it('carries an ETag and answers 304 until a thread changes', async () => {
    for (const path of ['/sitemap.xml', '/sitemap-threads-1.xml', '/sitemap-categories.xml']) {
      const first = await ctx.http.get(path);
      expect(first.headers.get('cache-control'), path).toContain('public');
      expect((await ctx.http.get(path, { headers: { 'if-none-match': first.headers.get('etag')! } })).status, path).toBe(304);
    }
    const etag = (await ctx.http.get('/sitemap-threads-4.xml')).headers.get('etag')!;
    ctx.clock.advance(60_000);
    await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Public thread 11', body: 'New' });
    const changed = await ctx.http.get('/sitemap-threads-4.xml', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain(`${base}/t/11/public-thread-11`);
  });

  it('rebuilds the index, which reads every page, at most every ten minutes', async () => {
    const first = await ctx.http.get('/sitemap.xml');
    const etag = first.headers.get('etag')!;
    ctx.clock.advance(60_000);
    await makeReply(ctx.services, ctx.member, { threadId: 10, body: 'Activity on the last page' });
    expect((await ctx.http.get('/sitemap.xml', { headers: { 'if-none-match': etag } })).status).toBe(304);
    ctx.clock.advance(SITEMAP_INDEX_MAX_AGE_MS);
    const rebuilt = await ctx.http.get('/sitemap.xml', { headers: { 'if-none-match': etag } });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toContain(`<loc>${base}/sitemap-threads-4.xml</loc><lastmod>${w3c(lastPostAt(10))}</lastmod>`);
  });

  it('reads one primary-key range per page, and one index lookup per thread in it: nothing outside the page, no sort', () => {
    for (const query of [lastModifiedQuery(ctx.db, pageRange(2, 10_000)), sitemapThreadsQuery(ctx.db, pageRange(2, 10_000))]) {
      const { sql, params } = query.toSQL();
      const plan = (ctx.db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
      expect(plan).toEqual([
        'SEARCH threads USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)',
        'SEARCH opening EXISTS USING INDEX posts_thread_number_unique (thread_id=? AND number=?)',
      ]);
    }
  });
});

describe('/robots.txt', () => {
  it('keeps crawlers out of personal pages, staff tools, forms and frames, and points to the sitemap', async () => {
    const response = await ctx.http.get('/robots.txt');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    const lines = (await response.text()).split('\n');
    expect(lines[0]).toBe('User-agent: *');
    for (const path of ['/mod', '/admin', '/account', '/search', '/login', '/signup', '/notifications', '/embed/', '/api/']) expect(lines).toContain(`Disallow: ${path}`);
    // The embed script stays allowed (brand sites load it); only the frames are kept out.
    expect(lines.some((line) => line.startsWith('Disallow:') && '/embed.js'.startsWith(line.slice('Disallow: '.length)))).toBe(false);
    expect(lines.some((line) => line.startsWith('Disallow:') && ['/t/1/x', '/c/kettles', '/latest.atom', '/u/alice'].some((path) => path.startsWith(line.slice(10))))).toBe(false);
    expect(lines).toContain(`Sitemap: ${base}/sitemap.xml`);
  });
});
