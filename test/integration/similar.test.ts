import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { rules } from '../../src/lib/rate-limit.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Kettle help', slug: 'help', kind: 'questions' });
  makeCategory(ctx.services, { name: 'Held', slug: 'held', moderation: 'all' });
  const solved = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Descaling the kettle with vinegar', body: 'Does vinegar work?' });
  const answer = await makeReply(ctx.services, ctx.other, { threadId: solved.threadId, body: 'Citric acid is better.' });
  await ctx.http.post(`/p/${answer.postId}/accept`, {}, { as: ctx.member });
  await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Kettle descaling reminder keeps blinking', body: 'The light blinks.' });
  await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Descaling <b>tips</b> & tricks', body: 'Share yours.' });
  const deleted = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Deleted descaling question', body: 'gone' });
  await ctx.http.post(`/p/${deleted.postId}/delete`, {}, { as: ctx.member });
  await ctx.http.post('/t', { category: 'held', title: 'Waiting descaling question', body: 'waiting' }, { as: ctx.member });
});
afterAll(() => ctx.close());

const similar = async (query: string) => {
  const response = await ctx.http.get(`/similar?${query}`);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
};

describe('GET /similar', () => {
  it('lists visible threads sharing a title word, solved ones first, as JSON', async () => {
    const { status, type, body } = await similar('title=How+often+should+I+do+descaling%3F');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    const titles = body.threads.map((thread: { title: string }) => thread.title);
    expect(titles[0]).toBe('Descaling the kettle with vinegar');
    expect(titles).toEqual(expect.arrayContaining(['Kettle descaling reminder keeps blinking', 'Descaling <b>tips</b> & tricks']));
    expect(titles).not.toContain('Deleted descaling question');
    expect(titles).not.toContain('Waiting descaling question');
    expect(body.threads[0]).toEqual({ id: expect.any(Number), title: 'Descaling the kettle with vinegar', url: expect.stringMatching(/^\/t\/\d+\/descaling-the-kettle-with-vinegar$/), solved: true, replyCount: 1, replies: '1 reply' });
    expect(body.threads.length).toBeLessThanOrEqual(5);
  });

  it('narrows to a category, ignores short and empty words, and never fails on odd input', async () => {
    const inHelp = await similar('title=descaling&category=help');
    expect(inHelp.body.threads.map((thread: { title: string }) => thread.title)).toEqual(['Descaling the kettle with vinegar']);
    expect((await similar('title=how+do+I+a')).body).toEqual({ threads: [] });
    for (const title of ['"', 'AND OR NOT', 'NEAR(kettle', 'title:kettle', '*', 'c++ kettle*']) {
      const { status, body } = await similar(`title=${encodeURIComponent(title)}`);
      expect(status, title).toBe(200);
      expect(Array.isArray(body.threads)).toBe(true);
    }
    expect(ctx.errors).toEqual([]);
  });

  it('answers 400 for a missing or too long title', async () => {
    expect(await similar('')).toMatchObject({ status: 400, body: { error: { message: 'Please give a title to compare.' } } });
    expect((await similar('title=%20%20')).status).toBe(400);
    expect(await similar(`title=${'a'.repeat(201)}`)).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('200 characters') } } });
  });
});

describe('GET /similar rate limit', () => {
  it('is limited per address like search, with a JSON 429', async () => {
    const limited = createApp({ db: ctx.db, config: { ...ctx.config, rateLimit: true }, markdown: ctx.services.markdown, clock: ctx.clock.now });
    const get = () => limited.request(new URL('/similar?title=descaling', ctx.config.baseUrl).toString());
    for (let i = 0; i < rules.searchPerIp.limit; i++) expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toEqual({ error: { message: expect.any(String) } });
  });
});

describe('the new-thread form', () => {
  it('loads the similar-threads script, with no inline script', async () => {
    const page = await (await ctx.http.get('/new', { as: ctx.member })).text();
    expect(page).toContain('data-similar="/similar"');
    expect(page).toMatch(/<script src="\/static\/similar\.js"[^>]*><\/script>/);
    expect(page).toContain('name="intent" value="preview"');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/);
    expect((await ctx.http.get('/static/similar.js')).status).toBe(200);
  });

  it('previews without storing: the rendered body, the kept text and the similar threads', async () => {
    const count = () => (ctx.db.$client.prepare('select count(*) as n from threads').get() as { n: number }).n;
    const before = count();
    const response = await ctx.http.post('/t', { category: 'help', title: 'Descaling question with <i>care</i>', body: 'Is **vinegar** safe? <script>x</script>', intent: 'preview', submission: 'token-1' }, { as: ctx.member });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/<section class="preview"[\s\S]*<strong>vinegar<\/strong>/);
    expect(page).not.toContain('<script>x</script>');
    expect(page).toContain('value="Descaling question with &lt;i&gt;care&lt;/i&gt;"');
    expect(page).toContain('Is **vinegar** safe? &lt;script&gt;x&lt;/script&gt;</textarea>');
    expect(page).toContain('<option value="help" selected>');
    expect(page).toContain('value="token-1"');
    expect(page).toMatch(/Maybe already answered[\s\S]*Descaling the kettle with vinegar<\/a> <span class="tag tag-solved">Solved/);
    expect(count()).toBe(before);
  });

  it('asks for a body, and for a login, keeping the text', async () => {
    const empty = await ctx.http.post('/t', { category: 'help', title: 'A title only', body: ' ', intent: 'preview' }, { as: ctx.member });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Please write something before posting.');
    const anonymous = await ctx.http.post('/t', { category: 'help', title: 'Anonymous preview', body: 'Kept words', intent: 'preview' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('Kept words</textarea>');
  });
});
