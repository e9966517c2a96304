import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { createApp } from '../../src/app.js';
import { PageCache } from '../../src/lib/page-cache.js';
import { publishPost } from '../../src/moderation/publication.js';
import { createForumContext } from '../helpers/forum.js';
import { serveWithCachedPages } from '../helpers/server.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let thread: { threadId: number; postId: number; slug: string };
let path: string;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Moved here', slug: 'moved-here' });
  makeCategory(ctx.services, { name: 'Held board', slug: 'held', moderation: 'all' });
  thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Cached thread', body: 'Original opening' });
  path = `/t/${thread.threadId}/${thread.slug}`;
});
afterAll(() => ctx.close());

const anonymous = async (url: string) => (await ctx.http.get(url)).text();

describe('the anonymous page cache', () => {
  it('answers 304 to a matching If-None-Match and marks pages cacheable by proxies', async () => {
    const first = await ctx.http.get(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toContain('public');
    expect(first.headers.get('vary')).toContain('Cookie');
    const again = await ctx.http.get(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves repeat views from memory while the version is unchanged', async () => {
    const pageCache = new PageCache();
    const renders = vi.spyOn(pageCache, 'set');
    const app = createApp({ db: ctx.db, config: ctx.config, markdown: ctx.services.markdown, clock: ctx.clock.now, pageCache });
    // Each response carries its own CSP nonce (the page's JSON-LD block has one); the rest is the cached rendering.
    const get = async () => (await (await app.request(new URL(path, ctx.config.baseUrl).toString())).text()).replace(/ nonce="[^"]+"/g, ' nonce');
    const first = await get();
    expect(await get()).toBe(first);
    expect(renders).toHaveBeenCalledTimes(1);
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Invalidates the cached page' });
    expect(await get()).toContain('Invalidates the cached page');
    expect(renders).toHaveBeenCalledTimes(2);
  });

  it('keeps a thread page through replies elsewhere in its category, and not through a change of the category it shows', async () => {
    const neighbour = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Neighbouring thread', body: 'Next door' });
    const etag = (await ctx.http.get(path)).headers.get('etag')!;
    await makeReply(ctx.services, ctx.member, { threadId: neighbour.threadId, body: 'A reply next door' });
    expect((await ctx.http.get(path, { headers: { 'if-none-match': etag } })).status).toBe(304);

    await ctx.http.post('/admin/categories/' + String(ctx.db.$client.prepare("select id from categories where slug = 'kettles'").pluck().get()), { kind: 'questions', moderation: 'open' }, { as: ctx.admin });
    const asQuestion = await ctx.http.get(path, { headers: { 'if-none-match': etag } });
    expect(asQuestion.status).toBe(200);
    expect(await asQuestion.text()).toContain('"@type":"QAPage"');
    ctx.db.$client.prepare("update categories set name = 'Kettles renamed elsewhere', kind = 'discussion' where slug = 'kettles'").run();
    expect(await anonymous(path)).toContain('Kettles renamed elsewhere');
  });

  it('never serves signed-in pages from it, nor lets them in', async () => {
    const signedIn = await ctx.http.get(path, { as: ctx.member });
    expect(signedIn.headers.get('etag')).toBeNull();
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(await signedIn.text()).toContain('>alice</a>');
    expect(await anonymous(path)).not.toContain('Log out');
  });

  it('shows every kind of write at once', async () => {
    const checks: [string, () => unknown, string, boolean][] = [
      ['reply', () => makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'A fresh reply' }), 'A fresh reply', true],
      ['edit', () => ctx.http.post(`/p/${thread.postId}/edit`, { title: 'Cached thread', body: 'Edited opening' }, { as: ctx.member }), 'Edited opening', true],
      ['lock', () => ctx.http.post(`/t/${thread.threadId}/lock`, { value: '1' }, { as: ctx.manager }), '<span class="tag">Locked</span>', true],
      ['pin', () => ctx.http.post(`/t/${thread.threadId}/pin`, { value: '1' }, { as: ctx.manager }), '<span class="tag">Pinned</span>', true],
      ['hide', () => ctx.http.post(`/p/${thread.postId}/hide`, { reason: 'Checking' }, { as: ctx.manager }), 'Edited opening', false],
      ['unhide', () => ctx.http.post(`/p/${thread.postId}/unhide`, {}, { as: ctx.manager }), 'Edited opening', true],
      ['outside write', async () => ctx.db.$client.prepare("update posts set body_html = '<p>Rebaked elsewhere</p>' where id = ?").run(thread.postId), 'Rebaked elsewhere', true],
    ];
    for (const [name, write, text, present] of checks) {
      await anonymous(path);
      await write();
      expect(await anonymous(path), name).toSatisfy((page: string) => page.includes(text) === present);
    }
  });

  it('updates category and home pages with new threads, counts, renames and moves', async () => {
    const before = await anonymous('/c/kettles');
    expect(before).not.toContain('Brand new thread');
    await anonymous('/');
    const created = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Brand new thread', body: 'x' });
    expect(await anonymous('/c/kettles')).toContain('Brand new thread');
    expect(await anonymous('/')).toContain('Brand new thread');
    await ctx.http.post(`/t/${created.threadId}/rename`, { title: 'Renamed new thread' }, { as: ctx.manager });
    expect(await anonymous('/c/kettles')).toContain('Renamed new thread');
    await anonymous('/c/moved-here');
    await ctx.http.post(`/t/${created.threadId}/move`, { category: 'moved-here' }, { as: ctx.manager });
    expect(await anonymous('/c/kettles')).not.toContain('Renamed new thread');
    expect(await anonymous('/c/moved-here')).toContain('Renamed new thread');
  });

  it('shows signed-in viewers every kind of write at once, though their pages share the reads of a version', async () => {
    const own = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Shared reads thread', body: 'Shared opening' });
    const ownPath = `/t/${own.threadId}/${own.slug}`;
    const asOther = async () => (await ctx.http.get(ownPath, { as: ctx.other })).text();
    const checks: [string, () => unknown, string, boolean][] = [
      ['reply', () => makeReply(ctx.services, ctx.manager, { threadId: own.threadId, body: 'A shared reply' }), 'A shared reply', true],
      ['edit', () => ctx.http.post(`/p/${own.postId}/edit`, { title: 'Shared reads thread', body: 'Edited shared opening' }, { as: ctx.member }), 'Edited shared opening', true],
      ['helpful vote', () => ctx.http.post(`/p/${own.postId}/helpful`, {}, { as: ctx.manager }), 'Helpful <span class="helpful-count">1</span>', true],
      ['hide', () => ctx.http.post(`/p/${own.postId}/hide`, { reason: 'Checking' }, { as: ctx.manager }), 'Edited shared opening', false],
      ['unhide', () => ctx.http.post(`/p/${own.postId}/unhide`, {}, { as: ctx.manager }), 'Edited shared opening', true],
      ['outside write', () => ctx.db.$client.prepare("update posts set body_html = '<p>Shared rebake</p>' where id = ?").run(own.postId), 'Shared rebake', true],
      ['rename by another process', () => ctx.db.$client.prepare("update users set username = 'alice2' where username = 'alice'").run(), '>alice2</a>', true],
      ['undo rename', () => ctx.db.$client.prepare("update users set username = 'alice' where username = 'alice2'").run(), '>alice2</a>', false],
    ];
    for (const [name, write, text, present] of checks) {
      await asOther();
      await write();
      expect((await asOther()).includes(text), name).toBe(present);
    }
    // The page's JSON-LD follows the edit (it is derived once per version, not once per process).
    expect(await asOther()).toContain('Shared rebake');
  });

  it('keeps waiting content out, and shows it once approved', async () => {
    const held = await makeThread(ctx.services, ctx.manager, { category: 'held', title: 'Held board thread', body: 'x' });
    const heldPath = `/t/${held.threadId}/${held.slug}`;
    await anonymous(heldPath);
    const reply = await ctx.http.post(`/t/${held.threadId}/replies`, { body: 'Waiting words' }, { as: ctx.member });
    expect(reply.status).toBe(303);
    expect(await (await ctx.http.get(heldPath, { as: ctx.member })).text()).toContain('Waiting words');
    expect(await anonymous(heldPath)).not.toContain('Waiting words');
    const postId = Number(reply.headers.get('location')!.split('post-pending-')[1]);
    ctx.db.transaction((tx) => publishPost(tx, postId, ctx.clock.now()));
    expect(await anonymous(heldPath)).toContain('Waiting words');
  });

  it('shows every kind of write at once when cached pages are answered before the router', async () => {
    const served = await serveWithCachedPages(ctx);
    try {
      const own = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Served thread', body: 'Served opening' });
      const ownPath = `/t/${own.threadId}/${own.slug}`;
      const checks: [string, () => unknown, string, string, boolean][] = [
        ['reply', () => makeReply(ctx.services, ctx.other, { threadId: own.threadId, body: 'A served reply' }), ownPath, 'A served reply', true],
        ['edit', () => ctx.http.post(`/p/${own.postId}/edit`, { title: 'Served thread', body: 'Edited served opening' }, { as: ctx.member }), ownPath, 'Edited served opening', true],
        ['lock', () => ctx.http.post(`/t/${own.threadId}/lock`, { value: '1' }, { as: ctx.manager }), ownPath, '<span class="tag">Locked</span>', true],
        ['hide', () => ctx.http.post(`/p/${own.postId}/hide`, { reason: 'Checking' }, { as: ctx.manager }), ownPath, 'Edited served opening', false],
        ['unhide', () => ctx.http.post(`/p/${own.postId}/unhide`, {}, { as: ctx.manager }), ownPath, 'Edited served opening', true],
        ['outside write', () => ctx.db.$client.prepare("update posts set body_html = '<p>Served rebake</p>' where id = ?").run(own.postId), ownPath, 'Served rebake', true],
        ['new thread', () => makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Another served thread', body: 'x' }), '/c/kettles', 'Another served thread', true],
        ['move', () => ctx.http.post(`/t/${own.threadId}/move`, { category: 'moved-here' }, { as: ctx.manager }), '/c/kettles', 'Served thread<', false],
        ['moved in', async () => undefined, '/c/moved-here', 'Served thread<', true],
      ];
      for (const [name, write, url, text, present] of checks) {
        await served.get(url);
        expect((await served.get(url)).reachedApp, `${name}: a repeat view is answered from the cache`).toBe(false);
        await write();
        const after = await served.get(url);
        expect(after.text.includes(text), name).toBe(present);
      }
    } finally {
      await served.close();
    }
  });

  it('forgets the least recently viewed page first when full, and starts afresh after a change of rendering', () => {
    const pageCache = new PageCache({ maxEntries: 3 });
    const kept = () => ['/a', '/b', '/c', '/d', '/e'].filter((key) => pageCache.peek(key) !== undefined);
    for (const key of ['/a', '/b', '/c']) pageCache.set(key, '1', `<p>${key}</p>`);
    expect(pageCache.get('/a', '1')?.length).toBe('<p>/a</p>'.length);
    pageCache.set('/d', '1', '<p>/d</p>');
    expect(kept()).toEqual(['/a', '/c', '/d']);
    pageCache.get('/c', '1');
    pageCache.set('/e', '1', '<p>/e</p>');
    expect(kept()).toEqual(['/c', '/d', '/e']);
    // A stale version is dropped, not moved: the next page takes its place without evicting another.
    expect(pageCache.get('/d', '2')).toBeUndefined();
    pageCache.set('/a', '1', '<p>/a</p>');
    expect(kept()).toEqual(['/a', '/c', '/e']);
    pageCache.describe({ site: 'renamed' });
    expect(kept()).toEqual([]);
    for (const key of ['/b', '/c', '/d', '/e']) pageCache.set(key, '1', `<p>${key}</p>`);
    expect(kept()).toEqual(['/c', '/d', '/e']);
  });

  it('counts a kept page against its byte budget and evicts the oldest to stay within it', () => {
    const page = 'x'.repeat(1000);
    // Room for two such pages with their bookkeeping, not three.
    const pageCache = new PageCache({ maxBytes: 2 * (1000 + 256 + 4) + 100 });
    for (const key of ['/a', '/b', '/c']) pageCache.set(key, '1', page);
    expect(['/a', '/b', '/c'].filter((key) => pageCache.peek(key) !== undefined)).toEqual(['/b', '/c']);
  });
});
