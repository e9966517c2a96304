import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { createForumContext, location } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

async function thread(title: string) {
  const created = await makeThread(ctx.services, ctx.member, { category: 'kettles', title, body: 'Opening post' });
  const reply = await makeReply(ctx.services, ctx.other, { threadId: created.threadId, body: 'A useful reply' });
  return { ...created, reply, path: `/t/${created.threadId}/${created.slug}` };
}

const counts = (threadId: number, postId: number) =>
  ctx.db.$client
    .prepare('select p.helpful_count as post, t.helpful_count as thread, (select count(*) from post_votes where post_id = p.id) as votes from posts p join threads t on t.id = p.thread_id where p.id = ? and t.id = ?')
    .get(postId, threadId);

describe('POST /p/:postId/helpful', () => {
  it('adds a vote, keeps post and thread counts in step, and a second press withdraws it', async () => {
    const t = await thread('Helpful vote target');
    const response = await ctx.http.post(`/p/${t.reply.postId}/helpful`, {}, { as: ctx.member });
    expect(response.status).toBe(303);
    expect(location(response)).toBe(`${t.path}#post-2`);
    expect(counts(t.threadId, t.reply.postId)).toEqual({ post: 1, thread: 1, votes: 1 });
    await ctx.http.post(`/p/${t.postId}/helpful`, {}, { as: ctx.other });
    await ctx.http.post(`/p/${t.reply.postId}/helpful`, {}, { as: ctx.manager });
    expect(counts(t.threadId, t.reply.postId)).toEqual({ post: 2, thread: 3, votes: 2 });
    const page = await (await ctx.http.get(t.path, { as: ctx.member })).text();
    expect(page).toMatch(new RegExp(`action="/p/${t.reply.postId}/helpful"[^>]*><button[^>]*aria-pressed="true"[^>]*>Helpful <span class="helpful-count">2</span>`));
    await ctx.http.post(`/p/${t.reply.postId}/helpful`, {}, { as: ctx.member });
    expect(counts(t.threadId, t.reply.postId)).toEqual({ post: 1, thread: 2, votes: 1 });
    const after = await (await ctx.http.get(t.path, { as: ctx.member })).text();
    expect(after).toMatch(new RegExp(`action="/p/${t.reply.postId}/helpful"[^>]*><button[^>]*aria-pressed="false"`));
  });

  it('answers JSON to the page script', async () => {
    const t = await thread('Helpful vote by script');
    const response = await ctx.app.request(new URL(`/p/${t.reply.postId}/helpful`, ctx.config.baseUrl).toString(), {
      method: 'POST',
      headers: { accept: 'application/json', origin: new URL(ctx.config.baseUrl).origin, cookie: cookie() },
    });
    expect(response.status).toBe(200);
    // The button's new title comes worded by the server, in the reader's language.
    expect(await response.json()).toEqual({ voted: true, helpfulCount: 1, title: 'Helpful (you marked this; select to undo)' });
  });

  it('refuses your own post, anonymous visitors and posts that are gone', async () => {
    const t = await thread('Helpful vote refusals');
    const own = await ctx.http.post(`/p/${t.reply.postId}/helpful`, {}, { as: ctx.other });
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('You cannot mark your own post as helpful');
    expect((await ctx.http.post(`/p/${t.reply.postId}/helpful`)).status).toBe(401);
    expect((await ctx.http.post('/p/99999999/helpful', {}, { as: ctx.member })).status).toBe(404);
    await ctx.http.post(`/p/${t.reply.postId}/hide`, { reason: 'Spam' }, { as: ctx.manager });
    expect((await ctx.http.post(`/p/${t.reply.postId}/helpful`, {}, { as: ctx.member })).status).toBe(404);
    expect(counts(t.threadId, t.reply.postId)).toEqual({ post: 0, thread: 0, votes: 0 });
    // No button on your own post; anonymous visitors see the count only.
    const mine = await (await ctx.http.get(t.path, { as: ctx.member })).text();
    expect(mine).not.toContain(`action="/p/${t.postId}/helpful"`);
    expect(ctx.errors).toEqual([]);
  });

  it('keeps counts when a voted post is hidden later (documented rule)', async () => {
    const t = await thread('Helpful then hidden');
    await ctx.http.post(`/p/${t.reply.postId}/helpful`, {}, { as: ctx.member });
    await ctx.http.post(`/p/${t.reply.postId}/hide`, { reason: 'Off-topic' }, { as: ctx.manager });
    expect(counts(t.threadId, t.reply.postId)).toEqual({ post: 1, thread: 1, votes: 1 });
  });

  it('shows a vote on the cached anonymous page at once', async () => {
    const t = await thread('Helpful cached page');
    expect(await (await ctx.http.get(t.path)).text()).not.toContain('found this helpful');
    await ctx.http.post(`/p/${t.reply.postId}/helpful`, {}, { as: ctx.member });
    const page = await (await ctx.http.get(t.path)).text();
    expect(page).toContain('1 found this helpful');
    expect(page).not.toContain('/helpful"');
  });
});

function cookie(): string {
  return `${SESSION_COOKIE}=${createSession(ctx.db, ctx.manager.id, ctx.clock.now()).token}`;
}
