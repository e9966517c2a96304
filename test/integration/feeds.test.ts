import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createForumContext, location } from '../helpers/forum.js';
import { serveWithCachedPages } from '../helpers/server.js';
import { ATOM, childText, elements, parseXml, xmlResponse } from '../helpers/xml.js';

const FEED = 'application/atom+xml; charset=utf-8';
const HOSTILE_TITLE = `Kettle <script>alert("x")</script> & 'quotes' ]]> <!-- &amp;`;

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let hostile: { threadId: number; postId: number; slug: string };
let quiet: { threadId: number; postId: number; slug: string };
let hiddenOpening: { threadId: number; postId: number; slug: string };
let pendingThreadId: number;
let hiddenReplyId: number;
let deletedReplyId: number;

beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Held board', slug: 'held', moderation: 'all' });
  hostile = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: HOSTILE_TITLE, body: 'Body with <b>tags</b>, & ampersands, ]]> and a [link](/t/1).' });
  quiet = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'A quiet thread', body: 'Nothing to see here.' });
  hiddenOpening = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Opening post hidden later', body: 'Buy cheap watches' });
  await makeReply(ctx.services, ctx.other, { threadId: hostile.threadId, body: 'A visible reply from bob' });
  hiddenReplyId = (await makeReply(ctx.services, ctx.other, { threadId: hostile.threadId, body: 'A reply a manager hid' })).postId;
  deletedReplyId = (await makeReply(ctx.services, ctx.member, { threadId: hostile.threadId, body: 'A reply its author deleted' })).postId;
  expect((await ctx.http.post(`/p/${hiddenReplyId}/hide`, { reason: 'Off topic' }, { as: ctx.manager })).status).toBe(303);
  expect((await ctx.http.post(`/p/${hiddenOpening.postId}/hide`, { reason: 'Spam' }, { as: ctx.manager })).status).toBe(303);
  expect((await ctx.http.post(`/p/${deletedReplyId}/delete`, {}, { as: ctx.member })).status).toBe(303);
  const pending = await ctx.http.post('/t', { category: 'held', title: 'A thread waiting for approval', body: 'Waiting text' }, { as: ctx.member });
  pendingThreadId = Number(location(pending).split('/')[2]);
});
afterAll(() => ctx.close());

const entries = (document: Document) => elements(document, ATOM, 'entry');
const entryTitles = (document: Document) => entries(document).map((entry) => childText(entry, ATOM, 'title'));

describe('Atom feeds', () => {
  it('lists the newest threads community-wide as well-formed Atom, hostile titles escaped', async () => {
    const response = await ctx.http.get('/latest.atom');
    const text = await response.clone().text();
    const feed = await xmlResponse(response, FEED);
    const root = feed.documentElement;
    expect([root.namespaceURI, root.localName]).toEqual([ATOM, 'feed']);
    expect(childText(root, ATOM, 'id')).toBe(`${ctx.config.baseUrl}/latest.atom`);
    const links = elements(feed, ATOM, 'link').filter((link) => link.parentElement === root);
    expect(links.map((link) => [link.getAttribute('rel'), link.getAttribute('href')])).toEqual([
      ['self', `${ctx.config.baseUrl}/latest.atom`],
      ['alternate', `${ctx.config.baseUrl}/`],
    ]);
    expect(childText(root, ATOM, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(entryTitles(feed)).toEqual(['A quiet thread', HOSTILE_TITLE]);
    expect(text).not.toContain('<script>');
    const entry = entries(feed)[1]!;
    expect(childText(entry, ATOM, 'id')).toBe(`${ctx.config.baseUrl}/t/${hostile.threadId}`);
    expect(entry.getElementsByTagNameNS(ATOM, 'link')[0]!.getAttribute('href')).toBe(`${ctx.config.baseUrl}/t/${hostile.threadId}/${hostile.slug}`);
    expect(childText(entry.getElementsByTagNameNS(ATOM, 'author')[0]!, ATOM, 'name')).toBe('alice');
    expect(childText(entry, ATOM, 'summary')).toContain('Body with <b>tags</b>, & ampersands, ]]>');
    // The stored, sanitized HTML, escaped as text; its forum links made absolute.
    const content = entry.getElementsByTagNameNS(ATOM, 'content')[0]!;
    expect(content.getAttribute('type')).toBe('html');
    expect(content.textContent).toContain('&lt;b&gt;tags&lt;/b&gt;');
    expect(content.textContent).toContain(`href="${ctx.config.baseUrl}/t/1"`);
    expect(entry.getElementsByTagNameNS(ATOM, 'category')[0]!.getAttribute('term')).toBe('kettles');
  });

  it('leaves out waiting threads and threads whose opening post is hidden', async () => {
    const feed = parseXml(await (await ctx.http.get('/latest.atom')).text());
    expect(entryTitles(feed)).not.toContain('A thread waiting for approval');
    expect(entryTitles(feed)).not.toContain('Opening post hidden later');
    const category = await xmlResponse(await ctx.http.get('/c/held/feed.atom'), FEED);
    expect(entries(category)).toEqual([]);
  });

  it('lists a category’s newest threads', async () => {
    const feed = await xmlResponse(await ctx.http.get('/c/kettles/feed.atom'), FEED);
    expect(childText(feed.documentElement, ATOM, 'id')).toBe(`${ctx.config.baseUrl}/c/kettles/feed.atom`);
    expect(childText(feed.documentElement, ATOM, 'title')).toContain('Smart Kettles');
    expect(entryTitles(feed)).toEqual(['A quiet thread', HOSTILE_TITLE]);
  });

  it('lists a thread’s newest live posts, without hidden or deleted ones', async () => {
    const response = await ctx.http.get(`/t/${hostile.threadId}/feed.atom`);
    const text = await response.clone().text();
    const feed = await xmlResponse(response, FEED);
    const summaries = entries(feed).map((entry) => childText(entry, ATOM, 'summary'));
    expect(summaries).toEqual(['A visible reply from bob', expect.stringContaining('Body with')]);
    expect(text).not.toContain('A reply a manager hid');
    expect(text).not.toContain('A reply its author deleted');
    const reply = entries(feed)[0]!;
    expect(childText(reply, ATOM, 'title')).toBe(`Re: ${HOSTILE_TITLE} (#2)`);
    expect(reply.getElementsByTagNameNS(ATOM, 'link')[0]!.getAttribute('href')).toBe(`${ctx.config.baseUrl}/t/${hostile.threadId}/${hostile.slug}#post-2`);
    expect(childText(reply, ATOM, 'id')).toMatch(new RegExp(`^${ctx.config.baseUrl}/p/\\d+$`));
  });

  it('answers 404 for an unknown category, an unknown thread and a thread waiting for approval', async () => {
    expect((await ctx.http.get('/c/no-such-board/feed.atom')).status).toBe(404);
    expect((await ctx.http.get('/t/999999/feed.atom')).status).toBe(404);
    expect((await ctx.http.get(`/t/${pendingThreadId}/feed.atom`)).status).toBe(404);
  });

  it('shows everyone the anonymous view, without reading or refreshing a session', async () => {
    // Even the thread's author, and staff, get the 404 for the waiting thread: a feed is public.
    const asAuthor = await ctx.http.get(`/t/${pendingThreadId}/feed.atom`, { as: ctx.member });
    expect(asAuthor.status).toBe(404);
    const asManager = await ctx.http.get(`/t/${hostile.threadId}/feed.atom`, { as: ctx.manager });
    expect(await asManager.text()).not.toContain('A reply a manager hid');
    // A broken session cookie would be cleared on a page; the feed does not look at it.
    const withBadCookie = await ctx.http.get('/latest.atom', { cookie: `${SESSION_COOKIE}=nonsense.value` });
    expect(withBadCookie.status).toBe(200);
    expect(withBadCookie.headers.getSetCookie()).toEqual([]);
  });

  it('stays well-formed when stored text holds markup or characters XML cannot carry', async () => {
    // Neither passes today's validation; rows written before it, or by hand, may still hold them.
    ctx.db.$client.prepare('update threads set title = ? where id = ?').run('Legacy \u0001 title \uFFFE with \u001B junk', quiet.threadId);
    ctx.db.$client.prepare('update users set username = ? where id = ?').run('bob<i>&"\u0002', ctx.other.id);
    try {
      const feed = await xmlResponse(await ctx.http.get('/latest.atom'), FEED);
      expect(entryTitles(feed)[0]).toBe('Legacy \uFFFD title \uFFFD with \uFFFD junk');
      const author = entries(feed)[0]!.getElementsByTagNameNS(ATOM, 'author')[0]!;
      expect(childText(author, ATOM, 'name')).toBe('bob<i>&"\uFFFD');
      expect(childText(author, ATOM, 'uri')).toBe(`${ctx.config.baseUrl}/u/${encodeURIComponent('bob<i>&"\u0002')}`);
    } finally {
      ctx.db.$client.prepare('update threads set title = ? where id = ?').run('A quiet thread', quiet.threadId);
      ctx.db.$client.prepare('update users set username = ? where id = ?').run('bob', ctx.other.id);
    }
  });

  it('carries an ETag, answers 304 until something changes, and a public Cache-Control', async () => {
    for (const path of ['/latest.atom', '/c/kettles/feed.atom', `/t/${hostile.threadId}/feed.atom`]) {
      const first = await ctx.http.get(path);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toMatch(/^".+"$/);
      expect(first.headers.get('cache-control'), path).toContain('public');
      expect(first.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      const again = await ctx.http.get(path, { headers: { 'if-none-match': etag } });
      expect(again.status, path).toBe(304);
    }
    const etag = (await ctx.http.get(`/t/${hostile.threadId}/feed.atom`)).headers.get('etag')!;
    await makeReply(ctx.services, ctx.other, { threadId: hostile.threadId, body: 'A newer reply' });
    const changed = await ctx.http.get(`/t/${hostile.threadId}/feed.atom`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('A newer reply');
  });
});

describe('feeds on the real server', () => {
  it('are answered by the app each time with Atom headers, never by the HTML fast path', async () => {
    const served = await serveWithCachedPages(ctx);
    try {
      for (let view = 0; view < 2; view++) {
        const { response, text, reachedApp } = await served.get('/latest.atom');
        expect([response.status, response.headers.get('content-type'), reachedApp]).toEqual([200, FEED, true]);
        parseXml(text);
      }
    } finally {
      await served.close();
    }
  });
});

describe('feed links in pages', () => {
  const alternate = (page: string) => /<link rel="alternate" type="application\/atom\+xml" href="([^"]+)"/.exec(page)?.[1];

  it('announces the latest threads on home, the category’s feed on its page and the thread’s feed on its page', async () => {
    expect(alternate(await (await ctx.http.get('/')).text())).toBe(`${ctx.config.baseUrl}/latest.atom`);
    expect(alternate(await (await ctx.http.get('/c/kettles')).text())).toBe(`${ctx.config.baseUrl}/c/kettles/feed.atom`);
    expect(alternate(await (await ctx.http.get(`/t/${quiet.threadId}/${quiet.slug}`)).text())).toBe(`${ctx.config.baseUrl}/t/${quiet.threadId}/feed.atom`);
  });

  it('announces no feed on the author’s view of a waiting thread', async () => {
    const page = await ctx.http.get(`/t/${pendingThreadId}/a-thread-waiting-for-approval`, { as: ctx.member });
    expect(page.status).toBe(200);
    expect(alternate(await page.text())).toBeUndefined();
  });
});
