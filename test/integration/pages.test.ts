import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

describe('GET /', () => {
  it('lists categories with counts and the latest activity', async () => {
    makeCategory(ctx.services, { name: 'Coffee Grinders', slug: 'grinders', kind: 'questions' });
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Latest kettle news', body: 'x' });
    await makeReply(ctx.services, ctx.other, { threadId, body: 'y' });
    const response = await ctx.http.get('/');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('href="/c/kettles">Smart Kettles</a>');
    expect(page).toContain('href="/c/grinders">Coffee Grinders</a>');
    expect(page).toContain('Latest kettle news');
    expect(page).toMatch(/<dt>Posts<\/dt><dd>2<\/dd>/);
    expect(page).toContain('No threads yet');
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
  });
});

describe('GET /c/:slug', () => {
  it('pages 30 threads at a time by cursor and sorts by latest, top and unanswered', async () => {
    makeCategory(ctx.services, { name: 'Blenders', slug: 'blenders' });
    const ids: number[] = [];
    for (let i = 1; i <= 35; i++) {
      ctx.clock.advance(1000);
      const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'blenders', title: `Blender thread ${i}`, body: 'x' });
      ids.push(threadId);
    }
    ctx.clock.advance(1000);
    await makeReply(ctx.services, ctx.other, { threadId: ids[0]!, body: 'bump' });
    await makeReply(ctx.services, ctx.other, { threadId: ids[0]!, body: 'bump again' });
    await makeReply(ctx.services, ctx.other, { threadId: ids[1]!, body: 'one reply' });

    const first = await (await ctx.http.get('/c/blenders')).text();
    expect(first.indexOf('Blender thread 2<')).toBeLessThan(first.indexOf('Blender thread 35<'));
    expect(first).toContain('Blender thread 8<');
    expect(first).not.toContain('Blender thread 7<');
    const next = first.match(/href="(\/c\/blenders\?before=[0-9.]+)"/)?.[1];
    expect(next).toBeDefined();
    const second = await (await ctx.http.get(next!)).text();
    expect(second).toContain('Blender thread 7<');
    expect(second).toContain('Blender thread 3<');
    expect(second).not.toContain('Blender thread 8<');
    expect(second).not.toContain('rel="next"');

    const top = await (await ctx.http.get('/c/blenders?sort=top')).text();
    expect(top.indexOf('Blender thread 1<')).toBeLessThan(top.indexOf('Blender thread 2<'));
    const unanswered = await (await ctx.http.get('/c/blenders?sort=unanswered')).text();
    expect(unanswered).not.toContain('Blender thread 1<');
    expect(unanswered).not.toContain('Blender thread 2<');
    expect(unanswered).toContain('Blender thread 35<');
  });

  it('answers 404 for an unknown category and ignores a malformed cursor', async () => {
    expect((await ctx.http.get('/c/no-such-thing')).status).toBe(404);
    expect((await ctx.http.get('/c/kettles?before=%3Cscript%3E')).status).toBe(200);
  });
});

describe('GET /u/:username', () => {
  it('shows the member and their recent posts, without deleted ones', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Bob asks a thing', body: 'Bob’s question body' });
    const reply = await makeReply(ctx.services, ctx.other, { threadId, body: 'Bob regrets this' });
    await ctx.http.post(`/p/${reply.postId}/delete`, {}, { as: ctx.other });
    const response = await ctx.http.get('/u/BOB');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('<h1 dir="auto">bob');
    expect(page).toContain('Bob’s question body');
    expect(page).not.toContain('Bob regrets this');
    expect((await ctx.http.get('/u/nobody-here')).status).toBe(404);
  });
});

describe('infrastructure', () => {
  it('answers /healthz', async () => {
    const response = await ctx.http.get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });

  it('serves the stylesheet with an ETag and a 304 on revalidation', async () => {
    const response = await ctx.http.get('/static/style.css');
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag')!;
    expect((await ctx.http.get('/static/style.css', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await ctx.http.get('/brand.css')).headers.get('content-type')).toContain('text/css');
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const response = await ctx.http.post('/t', { category: 'kettles', title: 'Huge', body: 'x'.repeat(1024 * 1024 + 10) }, { as: ctx.member });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('larger than 1 MB');
  });

  it('sets framing and sniffing headers on pages', async () => {
    const response = await ctx.http.get('/');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never leaks a stack trace', async () => {
    const response = await ctx.http.get('/t/1/x?page=99999999999');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/at .*\.ts:\d+/);
    expect(ctx.errors).toEqual([]);
  });
});

