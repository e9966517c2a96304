import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { pageRange, sitemapPagesQuery, sitemapThreadsQuery } from '../../src/forum/sitemap.js';
import { createForumContext, location } from '../helpers/forum.js';
import { childText, elements, SITEMAPS, xmlResponse } from '../helpers/xml.js';

// Pages of 1,000 thread ids. Threads take ids on four pages by moving the id sequence on:
// page 1: 1–3 public, 4 waiting for approval; page 2: 1001 public; page 3: 2001 waiting only;
// page 4: 3001, whose opening post a manager hid.
const XML = 'application/xml; charset=utf-8';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let base: string;
const slugs = new Map<number, string>();
const hiddenThread = 3001;

function continueIdsAfter(id: number): void {
  ctx.db.$client.prepare("update sqlite_sequence set seq = ? where name = 'threads'").run(id);
}

async function publicThread(index: number): Promise<{ threadId: number; postId: number }> {
  ctx.clock.advance(60_000);
  const made = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: `Public thread ${index}`, body: 'Visible' });
  slugs.set(made.threadId, made.slug);
  return made;
}

async function waitingThread(index: number): Promise<number> {
  ctx.clock.advance(60_000);
  const response = await ctx.http.post('/t', { category: 'held', title: `Waiting thread ${index}`, body: 'Waiting' }, { as: ctx.member });
  return Number(location(response).split('/')[2]);
}

beforeAll(async () => {
  ctx = await createForumContext();
  base = ctx.config.baseUrl;
  makeCategory(ctx.services, { name: 'Held board', slug: 'held', moderation: 'all' });
  for (const index of [1, 2, 3]) await publicThread(index);
  expect(await waitingThread(4)).toBe(4);
  continueIdsAfter(1000);
  expect((await publicThread(1001)).threadId).toBe(1001);
  continueIdsAfter(2000);
  expect(await waitingThread(2001)).toBe(2001);
  continueIdsAfter(3000);
  const hidden = await publicThread(hiddenThread);
  expect(hidden.threadId).toBe(hiddenThread);
  expect((await ctx.http.post(`/p/${hidden.postId}/hide`, { reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
  // The newest activity of the first page is a later reply to thread 2.
  ctx.clock.advance(60_000);
  await makeReply(ctx.services, ctx.other, { threadId: 2, body: 'A later reply' });
});
afterAll(() => ctx.close());

const lastPostAt = (threadId: number) => ctx.db.$client.prepare('select last_post_at from threads where id = ?').pluck().get(threadId) as number;
const w3c = (milliseconds: number) => new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function indexEntries(): Promise<(string | undefined)[][]> {
  const index = await xmlResponse(await ctx.http.get('/sitemap.xml'), XML);
  expect([index.documentElement.namespaceURI, index.documentElement.localName]).toEqual([SITEMAPS, 'sitemapindex']);
  return elements(index, SITEMAPS, 'sitemap').map((sitemap) => [childText(sitemap, SITEMAPS, 'loc'), childText(sitemap, SITEMAPS, 'lastmod')]);
}

async function pageUrls(page: number): Promise<(string | undefined)[][]> {
  const set = await xmlResponse(await ctx.http.get(`/sitemap-threads-${page}.xml`), XML);
  expect(set.documentElement.localName).toBe('urlset');
  return elements(set, SITEMAPS, 'url').map((url) => [childText(url, SITEMAPS, 'loc'), childText(url, SITEMAPS, 'lastmod')]);
}

describe('/sitemap.xml', () => {
  it('is an index of the categories sitemap and of every thread page where a thread was published, each with its newest activity', async () => {
    expect(await indexEntries()).toEqual([
      [`${base}/sitemap-categories.xml`, w3c(lastPostAt(2))],
      [`${base}/sitemap-threads-1.xml`, w3c(lastPostAt(2))],
      [`${base}/sitemap-threads-2.xml`, w3c(lastPostAt(1001))],
      // Page 3 (thread 2001) never had a published thread, so it is not listed.
      [`${base}/sitemap-threads-4.xml`, w3c(lastPostAt(hiddenThread))],
    ]);
  });

  it('follows new activity at once: a reply moves its page’s lastmod', async () => {
    ctx.clock.advance(60_000);
    await makeReply(ctx.services, ctx.member, { threadId: 1001, body: 'Activity on the second page' });
    expect(await indexEntries()).toContainEqual([`${base}/sitemap-threads-2.xml`, w3c(lastPostAt(1001))]);
  });

  it('lists each page’s public threads at their canonical absolute URLs', async () => {
    expect(await pageUrls(1)).toEqual([1, 2, 3].map((id) => [`${base}/t/${id}/${slugs.get(id)}`, w3c(lastPostAt(id))]));
    expect((await pageUrls(2)).map(([loc]) => loc)).toEqual([`${base}/t/1001/${slugs.get(1001)}`]);
  });

  it('answers a listed page whose threads are all hidden since with an empty list, not an error', async () => {
    expect(await pageUrls(4)).toEqual([]);
  });

  it('answers 404 for a page the index does not list, a page past the end and a page 0', async () => {
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
    const added = await publicThread(3002);
    const changed = await ctx.http.get('/sitemap-threads-4.xml', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain(`${base}/t/${added.threadId}/${slugs.get(added.threadId)}`);
  });

  it('reads one primary-key range per page and one index lookup per thread in it; the index reads one row per page; no sort', () => {
    const plan = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
      const { sql, params } = query.toSQL();
      return (ctx.db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
    };
    expect(plan(sitemapThreadsQuery(ctx.db, pageRange(2)))).toEqual([
      'SEARCH threads USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)',
      'SEARCH opening EXISTS USING INDEX posts_thread_number_unique (thread_id=? AND number=?)',
    ]);
    expect(plan(sitemapPagesQuery(ctx.db))).toEqual(['SCAN sitemap_activity']);
  });

  it('gives an existing community the same pages when the migration fills them from its threads', () => {
    const kept = ctx.db.$client.prepare('select bucket, last_post_at from sitemap_activity order by bucket').all();
    const backfill = readFileSync(new URL('../../migrations/0013_sitemap_activity_triggers.sql', import.meta.url), 'utf8').split('--> statement-breakpoint').at(-1)!;
    ctx.db.$client.exec(`delete from sitemap_activity; ${backfill}`);
    expect(ctx.db.$client.prepare('select bucket, last_post_at from sitemap_activity order by bucket').all()).toEqual(kept);
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
