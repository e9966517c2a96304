import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { createForumContext, location } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

async function threadWithReply() {
  const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Which filter fits the K2?', body: 'Original question' });
  const reply = await makeReply(ctx.services, ctx.member, { threadId: thread.threadId, body: 'Original reply' });
  return { ...thread, reply };
}

describe('GET /p/:postId', () => {
  it('redirects to the page and anchor holding the post', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Permalink target', body: 'x' });
    let last: { postId: number; number: number | null } = { postId: 0, number: 0 };
    for (let i = 0; i < 22; i++) last = await makeReply(ctx.services, ctx.other, { threadId, body: `r${i}` });
    const response = await ctx.http.get(`/p/${last.postId}`);
    expect(response.status).toBe(302);
    expect(location(response)).toBe(`/t/${threadId}/${slug}?page=2#post-23`);
    expect((await ctx.http.get('/p/99999999')).status).toBe(404);
  });
});

describe('editing', () => {
  it('lets the author edit, keeps the old version and marks the post edited', async () => {
    const { threadId, slug, reply } = await threadWithReply();
    const form = await ctx.http.get(`/p/${reply.postId}/edit`, { as: ctx.member });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Original reply');
    ctx.clock.advance(60_000);
    const response = await ctx.http.post(`/p/${reply.postId}/edit`, { body: 'Corrected reply' }, { as: ctx.member });
    expect(response.status).toBe(303);
    expect(location(response)).toBe(`/t/${threadId}/${slug}#post-2`);
    const page = await (await ctx.http.get(`/t/${threadId}/${slug}`, { as: ctx.member })).text();
    expect(page).toContain('Corrected reply');
    expect(page).toContain('(edited');
    expect(page).toContain(`href="/p/${reply.postId}/revisions"`);
    const history = await ctx.http.get(`/p/${reply.postId}/revisions`, { as: ctx.member });
    const text = await history.text();
    expect(history.status).toBe(200);
    expect(text).toContain('Original reply');
    expect(text).toContain('Corrected reply');
  });

  it('lets the author change the title through the opening post', async () => {
    const { threadId, postId } = await threadWithReply();
    const response = await ctx.http.post(`/p/${postId}/edit`, { title: 'Which filter fits the K2 Pro?', body: 'Original question' }, { as: ctx.member });
    expect(location(response)).toBe(`/t/${threadId}/which-filter-fits-the-k2#post-1`);
    const page = await (await ctx.http.get(`/t/${threadId}/which-filter-fits-the-k2`)).text();
    expect(page).toContain('<h1 dir="auto">Which filter fits the K2 Pro?</h1>');
  });

  it('re-shows invalid edits with 422 and the text kept', async () => {
    const { postId } = await threadWithReply();
    const response = await ctx.http.post(`/p/${postId}/edit`, { title: 'abc', body: 'kept body text' }, { as: ctx.member });
    const page = await response.text();
    expect(response.status).toBe(422);
    expect(page).toContain('The title is too short');
    expect(page).toContain('kept body text');
    expect(page).toContain('value="abc"');
  });

  it('refuses other members (403), sends anonymous visitors to log in, and hides history from others', async () => {
    const { reply } = await threadWithReply();
    await ctx.http.post(`/p/${reply.postId}/edit`, { body: 'changed once' }, { as: ctx.member });
    expect((await ctx.http.get(`/p/${reply.postId}/edit`, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/p/${reply.postId}/edit`, { body: 'vandalism' }, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.get(`/p/${reply.postId}/edit`)).status).toBe(303);
    expect((await ctx.http.get(`/p/${reply.postId}/revisions`, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.get(`/p/${reply.postId}/revisions`, { as: ctx.manager })).status).toBe(200);
    const stored = ctx.db.$client.prepare('select body from posts where id = ?').get(reply.postId);
    expect(stored).toEqual({ body: 'changed once' });
  });

  it('lets a community manager edit any post', async () => {
    const { reply } = await threadWithReply();
    const missingReason = await ctx.http.post(`/p/${reply.postId}/edit`, { body: 'Edited by staff', reason: '' }, { as: ctx.manager });
    expect(missingReason.status).toBe(422);
    expect(await missingReason.text()).toContain('Please say why you are editing');
    expect((await ctx.http.post(`/p/${reply.postId}/edit`, { body: 'Edited by staff', reason: 'Removed a phone number' }, { as: ctx.manager })).status).toBe(303);
    const log = ctx.db.$client.prepare("select action, reason, target_post_id from mod_log where action = 'edit'").get();
    expect(log).toEqual({ action: 'edit', reason: 'Removed a phone number', target_post_id: reply.postId });
  });
});

describe('deleting', () => {
  it('soft-deletes the author’s post, leaves a placeholder and updates counts', async () => {
    const { threadId, slug, reply } = await threadWithReply();
    expect((await ctx.http.post(`/p/${reply.postId}/delete`, {}, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/p/${reply.postId}/delete`, {})).status).toBe(401);
    const postCount = () => ctx.db.$client.prepare('select post_count from users where id = ?').get(ctx.member.id);
    const before = postCount() as { post_count: number };
    const response = await ctx.http.post(`/p/${reply.postId}/delete`, {}, { as: ctx.member });
    expect(response.status).toBe(303);
    expect(postCount()).toEqual({ post_count: before.post_count - 1 });
    const page = await (await ctx.http.get(`/t/${threadId}/${slug}`)).text();
    expect(page).toContain('This post was deleted by its author.');
    expect(page).not.toContain('Original reply');
    expect(page).toContain('Original question');
    expect(ctx.db.$client.prepare('select reply_count from threads where id = ?').get(threadId)).toEqual({ reply_count: 0 });
    expect((await ctx.http.post(`/p/${reply.postId}/delete`, {}, { as: ctx.member })).status).toBe(403);
  });
});
