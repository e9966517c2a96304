import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { createForumContext, location } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

describe('GET /new', () => {
  it('sends anonymous visitors to log in and back', async () => {
    const response = await ctx.http.get('/new?category=kettles');
    expect(response.status).toBe(303);
    expect(location(response)).toBe('/login?next=%2Fnew%3Fcategory%3Dkettles');
  });

  it('shows the form with the category preselected', async () => {
    const response = await ctx.http.get('/new?category=kettles', { as: ctx.member });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('<option value="kettles" selected>Smart Kettles</option>');
    expect(page).toContain('name="title"');
  });
});

describe('POST /t', () => {
  it('creates a thread and redirects to its canonical URL', async () => {
    const response = await ctx.http.post('/t', { category: 'kettles', title: 'Descaling the K2 every month?', body: 'Is **monthly** too often?' }, { as: ctx.member });
    expect(response.status).toBe(303);
    const target = location(response);
    expect(target).toMatch(/^\/t\/\d+\/descaling-the-k2-every-month$/);
    const page = await (await ctx.http.get(target)).text();
    expect(page).toContain('<h1 dir="auto">Descaling the K2 every month?</h1>');
    expect(page).toContain('<strong>monthly</strong>');
    expect(page).toContain('id="post-1"');
  });

  it('keeps the text and explains every invalid field (422)', async () => {
    const response = await ctx.http.post('/t', { category: 'nope', title: 'Hey', body: '   ' }, { as: ctx.member });
    const page = await response.text();
    expect(response.status).toBe(422);
    expect(page).toContain('Please choose a category');
    expect(page).toContain('The title is too short');
    expect(page).toContain('Please write something');
    expect(page).toContain('value="Hey"');
  });

  it('rejects a title over 150 characters and a body over 50,000, keeping both', async () => {
    const title = 'T'.repeat(151);
    const body = 'b'.repeat(50_001);
    const response = await ctx.http.post('/t', { category: 'kettles', title, body }, { as: ctx.member });
    const page = await response.text();
    expect(response.status).toBe(422);
    expect(page).toContain('The title is too long');
    expect(page).toContain('That post is too long');
    expect(page).toContain(`value="${title}"`);
    expect(page).toContain(body);
  });

  it('keeps the text when the session has lapsed (401) and creates nothing', async () => {
    const before = ctx.db.$client.prepare('select count(*) as n from threads').get() as { n: number };
    const response = await ctx.http.post('/t', { category: 'kettles', title: 'A perfectly fine title', body: 'my long careful text' });
    const page = await response.text();
    expect(response.status).toBe(401);
    expect(page).toContain('my long careful text');
    expect(page).toContain('Log in in another tab');
    expect(ctx.db.$client.prepare('select count(*) as n from threads').get()).toEqual(before);
  });

  it('refuses a cross-origin post (CSRF)', async () => {
    const response = await ctx.http.post('/t', { category: 'kettles', title: 'Forged thread title', body: 'x' }, { as: ctx.member, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('sent from another site');
  });

  it('renders HTML in titles and bodies inert', async () => {
    const response = await ctx.http.post('/t', { category: 'kettles', title: '<script>alert(1)</script> title', body: '<img src=x onerror=alert(1)> [x](javascript:alert(2))' }, { as: ctx.member });
    const page = await (await ctx.http.get(location(response))).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; title');
    expect(page).not.toMatch(/<img[^>]*onerror/);
    expect(page).not.toContain('href="javascript:');
  });
});

describe('GET /t/:id/:slug', () => {
  it('redirects a wrong or missing slug to the canonical URL', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Canonical slugs please', body: 'x' });
    for (const path of [`/t/${threadId}`, `/t/${threadId}/wrong-slug`]) {
      const response = await ctx.http.get(path);
      expect(response.status).toBe(301);
      expect(location(response)).toBe(`/t/${threadId}/canonical-slugs-please`);
    }
  });

  it('answers 404 for unknown threads, bad ids and pages past the end', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'One page only', body: 'x' });
    expect((await ctx.http.get('/t/999999/none')).status).toBe(404);
    expect((await ctx.http.get('/t/abc')).status).toBe(404);
    expect((await ctx.http.get(`/t/${threadId}/${slug}?page=2`)).status).toBe(404);
    expect((await ctx.http.get(`/t/${threadId}/${slug}?page=x`)).status).toBe(404);
    const notFound = await (await ctx.http.get('/t/999999/none')).text();
    expect(notFound).toContain('Page not found');
    expect(notFound).toContain('<header class="site-header">');
  });

  it('pages 20 posts at a time with ids post-N', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'A long conversation', body: 'post one' });
    for (let i = 2; i <= 45; i++) await makeReply(ctx.services, i % 2 ? ctx.member : ctx.other, { threadId, body: `reply number ${i}` });
    const first = await (await ctx.http.get(`/t/${threadId}/${slug}`)).text();
    expect(first).toContain('id="post-20"');
    expect(first).not.toContain('id="post-21"');
    expect(first).toContain(`href="/t/${threadId}/${slug}?page=3"`);
    const third = await (await ctx.http.get(`/t/${threadId}/${slug}?page=3`)).text();
    expect(third).toContain('id="post-41"');
    expect(third).toContain('id="post-45"');
    expect(third).toContain('reply number 45');
    const pageOne = await ctx.http.get(`/t/${threadId}/${slug}?page=1`);
    expect(pageOne.status).toBe(301);
  });

  it('shows the staff badge on community manager posts', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Official answer wanted', body: 'x' });
    await makeReply(ctx.services, ctx.manager, { threadId, body: 'Here is the official answer.' });
    const page = await (await ctx.http.get(`/t/${threadId}/${slug}`)).text();
    expect(page).toContain('<span class="badge badge-manager">Community manager</span>');
  });
});

describe('POST /t/:id/replies', () => {
  it('adds a reply and redirects to its page and anchor', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Reply to me', body: 'x' });
    const response = await ctx.http.post(`/t/${threadId}/replies`, { body: 'A _helpful_ reply' }, { as: ctx.other });
    expect(response.status).toBe(303);
    expect(location(response)).toBe(`/t/${threadId}/${slug}#post-2`);
    const page = await (await ctx.http.get(`/t/${threadId}/${slug}`)).text();
    expect(page).toContain('<em>helpful</em>');
    const row = ctx.db.$client.prepare('select reply_count, last_post_number from threads where id = ?').get(threadId);
    expect(row).toEqual({ reply_count: 1, last_post_number: 2 });
  });

  it('re-shows an empty reply with 422', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Empty reply test', body: 'x' });
    const response = await ctx.http.post(`/t/${threadId}/replies`, { body: '  \n ' }, { as: ctx.other });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Please write something before posting.');
  });

  it('keeps the reply text when signed out (401)', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Signed out reply', body: 'x' });
    const response = await ctx.http.post(`/t/${threadId}/replies`, { body: 'precious words' });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('precious words');
  });

  it('refuses replies to a locked thread except from staff, and 404s unknown threads', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Soon to be locked', body: 'x' });
    expect((await ctx.http.post(`/t/${threadId}/lock`, { value: '1' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/t/${threadId}/lock`, { value: '1' }, { as: ctx.manager })).status).toBe(303);
    const refused = await ctx.http.post(`/t/${threadId}/replies`, { body: 'let me in' }, { as: ctx.other });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This thread is locked');
    expect((await ctx.http.post(`/t/${threadId}/replies`, { body: 'staff note' }, { as: ctx.manager })).status).toBe(303);
    expect((await ctx.http.post('/t/999999/replies', { body: 'x' }, { as: ctx.other })).status).toBe(404);
  });
});

describe('pin', () => {
  it('lets staff pin a thread to the top of its category', async () => {
    const { threadId } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Pin me to the top', body: 'x' });
    await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'A newer thread', body: 'x' });
    expect((await ctx.http.post(`/t/${threadId}/pin`, { value: '1' }, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/t/${threadId}/pin`, { value: '1' }, { as: ctx.admin })).status).toBe(303);
    const page = await (await ctx.http.get('/c/kettles')).text();
    expect(page.indexOf('Pin me to the top')).toBeLessThan(page.indexOf('A newer thread'));
  });
});

describe('double submission', () => {
  it('creates one thread and one reply when the same form is sent twice, even at once', async () => {
    const form = await (await ctx.http.get('/new?category=kettles', { as: ctx.member })).text();
    const token = form.match(/name="submission" value="([^"]+)"/)?.[1];
    expect(token).toBeDefined();
    const fields = { category: 'kettles', title: 'Sent twice by accident', body: 'double click', submission: token! };
    const [first, second] = await Promise.all([ctx.http.post('/t', fields, { as: ctx.member }), ctx.http.post('/t', fields, { as: ctx.member })]);
    expect(first.headers.get('location')).toBe(second.headers.get('location'));
    expect(ctx.db.$client.prepare("select count(*) as n from threads where title = 'Sent twice by accident'").get()).toEqual({ n: 1 });

    const threadPath = first.headers.get('location')!;
    const page = await (await ctx.http.get(threadPath, { as: ctx.other })).text();
    const replyToken = page.match(/name="submission" value="([^"]+)"/)?.[1];
    const threadId = threadPath.split('/')[2];
    const reply = { body: 'only once please', submission: replyToken! };
    const replies = await Promise.all([1, 2, 3].map(() => ctx.http.post(`/t/${threadId}/replies`, reply, { as: ctx.other })));
    expect(new Set(replies.map((response) => response.headers.get('location'))).size).toBe(1);
    expect(ctx.db.$client.prepare("select count(*) as n from posts where body = 'only once please'").get()).toEqual({ n: 1 });
    // Without a token (a script), nothing is deduplicated.
    await ctx.http.post(`/t/${threadId}/replies`, { body: 'scripted' }, { as: ctx.other });
    await ctx.http.post(`/t/${threadId}/replies`, { body: 'scripted' }, { as: ctx.other });
    expect(ctx.db.$client.prepare("select count(*) as n from posts where body = 'scripted'").get()).toEqual({ n: 2 });
  });
});
