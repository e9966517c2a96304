import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { createReply } from '../../src/forum/posts.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';
import { location } from '../helpers/forum.js';

// A reply made with a post's "Reply" link says which post it answers, and the answered post lists
// the replies it received (collapsed). Only published, visible replies are listed, to everyone.

let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(() => ctx.close());

async function reply(author: SignedIn, threadId: number, body: string, replyTo?: number): Promise<{ postId: number; number: number | null }> {
  const response = await ctx.http.post(`/t/${threadId}/replies`, { body, ...(replyTo ? { replyTo: String(replyTo) } : {}) }, { as: author });
  location(response);
  return ctx.row<{ postId: number; number: number | null }>('select id as postId, number from posts where thread_id = ? order by id desc limit 1', threadId);
}

async function text(path: string, as?: SignedIn): Promise<string> {
  const response = await ctx.http.get(path, as ? { as } : {});
  expect(response.status).toBe(200);
  return response.text();
}

/** One post's article, so assertions do not match another post's lines. */
function article(html: string, anchor: string): string {
  const start = html.indexOf(`id="${anchor}"`);
  expect(start, anchor).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</article>', start));
}

describe('reply context', () => {
  it('shows "in reply to" on the reply and the collapsed replies on the post it answers', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'Which filter fits the K2?');
    const first = await reply(ctx.other, thread.threadId, 'The round one.', 1);
    await reply(ctx.carol, thread.threadId, 'A plain reply, to no post in particular.');
    const second = await reply(ctx.dave, thread.threadId, 'The square one, surely.', 1);
    for (const viewer of [undefined, ctx.member, ctx.manager]) {
      const html = await text(thread.path, viewer);
      expect(article(html, 'post-2')).toContain('<p class="in-reply-to">in reply to <a href="#post-1" dir="auto">@alice #1</a></p>');
      expect(article(html, 'post-3')).not.toContain('in reply to');
      const opening = article(html, 'post-1');
      expect(opening).toContain('<details class="post-replies">');
      expect(opening).toContain('<summary>2 replies</summary>');
      expect(opening).toContain(`<li><a href="#post-${first.number}" dir="auto">@bob #${first.number}</a></li><li><a href="#post-${second.number}" dir="auto">@dave #${second.number}</a></li>`);
      expect(article(html, 'post-2')).not.toContain('post-replies');
    }
  });

  it('does not list hidden or deleted replies, to anyone', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'Is the lid dishwasher safe?');
    const kept = await reply(ctx.other, thread.threadId, 'Yes, top rack.', 1);
    const hidden = await reply(ctx.carol, thread.threadId, 'Buy my lids instead!', 1);
    const deleted = await reply(ctx.dave, thread.threadId, 'No idea, sorry.', 1);
    expect((await ctx.http.post(`/p/${hidden.postId}/hide`, { reason: 'Advertising' }, { as: ctx.manager })).status).toBe(303);
    expect((await ctx.http.post(`/p/${deleted.postId}/delete`, {}, { as: ctx.dave })).status).toBe(303);
    for (const viewer of [undefined, ctx.member, ctx.carol, ctx.manager]) {
      const opening = article(await text(thread.path, viewer), 'post-1');
      expect(opening).toContain('<summary>1 reply</summary>');
      expect(opening).toContain(`@bob #${kept.number}`);
      expect(opening).not.toContain('@carol');
      expect(opening).not.toContain('@dave');
    }
  });

  it('lists a waiting reply to no one, while its author sees it waiting with its "in reply to"', async () => {
    // A manager's thread in the pre-moderated category is published; members' replies there wait.
    const { threadId, slug } = await makeThread(ctx.services, ctx.manager, { category: 'grinders', title: 'Burr sizes explained', body: 'Ask away.' });
    const waiting = await reply(ctx.carol, threadId, 'What about 64 mm flat burrs?', 1);
    expect(waiting.number).toBeNull();
    const path = `/t/${threadId}/${slug}`;
    for (const viewer of [undefined, ctx.other, ctx.carol, ctx.manager]) {
      expect(article(await text(path, viewer), 'post-1')).not.toContain('post-replies');
    }
    expect(article(await text(path, ctx.carol), `post-pending-${waiting.postId}`)).toContain('in reply to <a href="#post-1" dir="auto">@mia #1</a>');
    expect(await text(path, ctx.other)).not.toContain('64 mm');
  });

  it('links to the permalink when the other post is on another page', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'A very long thread about limescale', body: 'Share your tips.' });
    for (let index = 0; index < 24; index++) await makeReply(ctx.services, ctx.other, { threadId, body: `Tip number ${index + 2}` });
    const third = ctx.row<{ id: number }>('select id from posts where thread_id = ? and number = 3', threadId);
    const late = await reply(ctx.carol, threadId, 'Replying to the third post from page two.', 3);
    expect(late.number).toBe(26);
    const second = await text(`/t/${threadId}/${slug}?page=2`);
    expect(article(second, 'post-26')).toContain(`in reply to <a href="/p/${third.id}" dir="auto">@bob #3</a>`);
    const first = await text(`/t/${threadId}/${slug}`);
    expect(article(first, 'post-3')).toContain(`<li><a href="/p/${late.postId}" dir="auto">@carol #26</a></li>`);
  });

  it('lists the first 20 replies and counts the rest', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Show us your kettle setup', body: 'Photos welcome.' });
    for (let index = 0; index < 22; index++) await createReply(ctx.services, ctx.other, { threadId, body: `Setup number ${index + 1}`, replyTo: '1' });
    const opening = article(await text(`/t/${threadId}/${slug}`), 'post-1');
    expect(opening).toContain('<summary>22 replies</summary>');
    expect(opening.match(/<li><a href=/g)).toHaveLength(20);
    expect(opening).toContain('<li><a href="#post-20" dir="auto">@bob #20</a></li>');
    expect(opening).toContain('and 2 more further on in the thread');
  });

  it('updates the cached page of anonymous readers when an earlier post gets a reply', async () => {
    const thread = await ctx.publishedThread(ctx.member, 'Cached replies list');
    await reply(ctx.other, thread.threadId, 'First answer.', 1);
    const before = await ctx.http.get(thread.path);
    const etag = before.headers.get('etag');
    expect(article(await before.text(), 'post-1')).toContain('<summary>1 reply</summary>');
    // Served from the page cache while nothing changed.
    expect((await ctx.http.get(thread.path, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    const later = await reply(ctx.carol, thread.threadId, 'Second answer, to the question itself.', 1);
    const after = await ctx.http.get(thread.path, { headers: { 'if-none-match': etag! } });
    expect(after.status).toBe(200);
    const opening = article(await after.text(), 'post-1');
    expect(opening).toContain('<summary>2 replies</summary>');
    expect(opening).toContain(`@carol #${later.number}`);
    // Hiding that reply takes it off the list again for anonymous readers.
    await ctx.http.post(`/p/${later.postId}/hide`, { reason: 'Duplicate' }, { as: ctx.manager });
    expect(article(await text(thread.path), 'post-1')).toContain('<summary>1 reply</summary>');
  });
});
