import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// An edit to a published post goes through the same moderation as a new post: watched words over
// body and title, the category's mode, the author's trust. A held edit waits in the review queue
// while the approved version stays public.

let ctx: ModerationContext;
let scoped: SignedIn;
let newcomer: SignedIn;
beforeAll(async () => {
  ctx = await createModerationContext();
  makeCategory(ctx.services, { name: 'Careful board', slug: 'careful', moderation: 'new-members' });
  for (const [word, action] of [['megadeal', 'queue'], ['scamword', 'block'], ['darn', 'censor']] as const) {
    expect((await ctx.http.post('/admin/watched-words', { word, action }, { as: ctx.admin })).status).toBe(303);
  }
  scoped = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(ctx.category.id)] }, { as: ctx.admin })).status).toBe(303);
  newcomer = await makeUser(ctx.services, { username: 'nina' });
});
afterAll(() => ctx.close());

type Thread = { threadId: number; postId: number; path: string };

async function aliceThread(title: string, body: string): Promise<Thread> {
  const created = await ctx.publishedThread(ctx.member, title, body);
  const postId = ctx.row<{ id: number }>('select id from posts where thread_id = ? and number = 1', created.threadId).id;
  return { threadId: created.threadId, postId, path: created.path };
}

function heldItem(postId: number) {
  return ctx.row<{ id: number } | undefined>("select id from review_items where post_id = ? and kind = 'edit' and status = 'open'", postId);
}

async function edit(postId: number, form: Record<string, string>, as: SignedIn = ctx.member) {
  return ctx.http.post(`/p/${postId}/edit`, form, { as });
}

async function pageText(path: string, as?: SignedIn) {
  const response = await ctx.http.get(path, as ? { as } : {});
  expect(response.status).toBe(200);
  return response.text();
}

/** The held text is nowhere but the author's own edit page: not on the thread page, search, API or profile. */
async function expectOnlyPublicVersion(thread: Thread, word: string) {
  for (const viewer of [undefined, ctx.other]) {
    expect(await pageText(thread.path, viewer)).not.toContain(word);
    expect(await pageText(`/search?q=${word}`, viewer)).toContain('Nothing matched');
    expect(await pageText('/u/alice', viewer)).not.toContain(word);
  }
  expect(await pageText(`/api/v1/threads/${thread.threadId}`)).not.toContain(word);
  expect(await pageText(`/embed/t/${thread.threadId}`)).not.toContain(word);
  expect(await pageText(`/p/${thread.postId}/revisions`, ctx.manager)).not.toContain(word);
}

describe('held edits', () => {
  it('holds an edit with a hold word in the body: the approved text stays public, the author sees the wait', async () => {
    const thread = await aliceThread('Kettle lid squeaks', 'The lid squeaks when it opens.');
    const response = await edit(thread.postId, { title: 'Kettle lid squeaks', body: 'Buy the megadeal lid, zanzibarly cheap.' });
    expect(location(response)).toBe(`${thread.path}#post-1`);
    expect(heldItem(thread.postId)).toBeDefined();
    expect(ctx.row('select body from posts where id = ?', thread.postId)).toEqual({ body: 'The lid squeaks when it opens.' });
    expect(await pageText(thread.path)).toContain('The lid squeaks when it opens.');
    await expectOnlyPublicVersion(thread, 'zanzibarly');
    const own = await pageText(thread.path, ctx.member);
    expect(own).toContain('Your edit is waiting for review');
    expect(own).not.toContain('zanzibarly');
    const again = await pageText(`/p/${thread.postId}/edit`, ctx.member);
    expect(again).toContain('Buy the megadeal lid, zanzibarly cheap.');
    expect(again).toContain('waiting for review');
  });

  it('holds an edit whose new title has a hold word; the thread keeps its title', async () => {
    const thread = await aliceThread('Which filter fits', 'Which filter fits the K2?');
    expect((await edit(thread.postId, { title: 'Which megadeal filter fits', body: 'Which filter fits the K2?' })).status).toBe(303);
    expect(heldItem(thread.postId)).toBeDefined();
    expect(ctx.row('select title from threads where id = ?', thread.threadId)).toEqual({ title: 'Which filter fits' });
    expect(await pageText(thread.path, ctx.other)).not.toContain('megadeal');
    expect(await pageText(`/p/${thread.postId}/edit`, ctx.member)).toContain('value="Which megadeal filter fits"');
  });

  it('holds every member edit in a category that holds every post, but never a staff edit', async () => {
    const waiting = await ctx.pendingThread(ctx.carol, 'Grinder burr noise', 'My burrs rattle.');
    expect((await ctx.http.post(`/mod/queue/${waiting.itemId}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    expect((await edit(waiting.postId, { title: 'Grinder burr noise', body: 'My burrs rattle loudly.' }, ctx.carol)).status).toBe(303);
    expect(heldItem(waiting.postId)).toBeDefined();
    expect(ctx.row('select body from posts where id = ?', waiting.postId)).toEqual({ body: 'My burrs rattle.' });
    const staff = await makeThread(ctx.services, ctx.manager, { category: 'grinders', title: 'Team note on burrs', body: 'Clean them monthly.' });
    const staffPost = ctx.row<{ id: number }>('select id from posts where thread_id = ?', staff.threadId).id;
    expect((await edit(staffPost, { title: 'Team note on burrs', body: 'Clean them weekly.' }, ctx.manager)).status).toBe(303);
    expect(heldItem(staffPost)).toBeUndefined();
    expect(ctx.row('select body from posts where id = ?', staffPost)).toEqual({ body: 'Clean them weekly.' });
  });

  it('refuses an edit with a blocked word with 422, keeping the text, changing nothing', async () => {
    const thread = await aliceThread('Descaling question', 'How often should I descale?');
    const response = await edit(thread.postId, { title: 'Descaling question', body: 'Visit scamword for cheap descaler' });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('does not allow “scamword”');
    expect(page).toContain('Visit scamword for cheap descaler');
    expect(ctx.row('select body from posts where id = ?', thread.postId)).toEqual({ body: 'How often should I descale?' });
    expect(heldItem(thread.postId)).toBeUndefined();
  });

  it('masks a censored word in an edit published at once', async () => {
    const thread = await aliceThread('Cable length', 'The cable is short.');
    expect((await edit(thread.postId, { title: 'Cable length', body: 'The darn cable is short.' })).status).toBe(303);
    expect(heldItem(thread.postId)).toBeUndefined();
    const page = await pageText(thread.path);
    expect(page).toContain('The ■■■■ cable is short.');
    expect(page).not.toContain('darn');
  });

  it('in a new-members board, publishes a newcomer’s edit at once unless it adds a link', async () => {
    // Their first post waited, as a newcomer's does, and was approved.
    const { postId, itemId } = await ctx.pendingThread(newcomer, 'Newcomer’s first thread', 'Hello, my kettle hums.', 'careful');
    expect((await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    expect(ctx.row('select post_count from users where id = ?', newcomer.id)).toEqual({ post_count: 1 });
    expect((await edit(postId, { title: 'Newcomer’s first thread', body: 'Hello, my kettle hums loudly.' }, newcomer)).status).toBe(303);
    expect(heldItem(postId)).toBeUndefined();
    expect(ctx.row('select body from posts where id = ?', postId)).toEqual({ body: 'Hello, my kettle hums loudly.' });
    expect((await edit(postId, { title: 'Newcomer’s first thread', body: 'Hello, see https://spam.example/hum' }, newcomer)).status).toBe(303);
    expect(heldItem(postId)).toBeDefined();
    expect(ctx.row('select body from posts where id = ?', postId)).toEqual({ body: 'Hello, my kettle hums loudly.' });
  });

  it('replaces a held edit with the author’s next one, and withdraws it when the next one needs no review', async () => {
    const thread = await aliceThread('Base light', 'The base light is blue.');
    await edit(thread.postId, { title: 'Base light', body: 'megadeal one' });
    const item = heldItem(thread.postId)!;
    await edit(thread.postId, { title: 'Base light', body: 'megadeal two' });
    expect(heldItem(thread.postId)).toEqual(item);
    expect(ctx.rows('select body from pending_edits where post_id = ?', thread.postId)).toEqual([{ body: 'megadeal two' }]);
    await edit(thread.postId, { title: 'Base light', body: 'The base light is green.' });
    expect(heldItem(thread.postId)).toBeUndefined();
    expect(ctx.rows('select body from pending_edits where post_id = ?', thread.postId)).toEqual([]);
    expect(ctx.row('select body from posts where id = ?', thread.postId)).toEqual({ body: 'The base light is green.' });
  });

  it('withdraws a held edit when its author deletes the post', async () => {
    const thread = await aliceThread('Spout drips', 'The spout drips.');
    const { postId } = await makeReply(ctx.services, ctx.member, { threadId: thread.threadId, body: 'Still dripping.' });
    await edit(postId, { body: 'megadeal drip tray' });
    expect(heldItem(postId)).toBeDefined();
    expect((await ctx.http.post(`/p/${postId}/delete`, {}, { as: ctx.member })).status).toBe(303);
    expect(heldItem(postId)).toBeUndefined();
    expect(ctx.rows('select * from pending_edits where post_id = ?', postId)).toEqual([]);
  });
});

describe('deciding held edits', () => {
  it('shows the edit in the queue as a diff against the public text, with the title change', async () => {
    const thread = await aliceThread('Old <title>', 'Keep this line.\nThe colour is red.');
    await edit(thread.postId, { title: 'New megadeal <title>', body: 'Keep this line.\nThe colour is <b>green</b>.' });
    const page = await pageText('/mod/queue?kind=edit', ctx.manager);
    const item = page.slice(page.indexOf(`id="item-${heldItem(thread.postId)!.id}"`));
    expect(item).toContain('Edit waiting for review');
    expect(item).toMatch(/<del[^>]*><span class="visually-hidden">removed: <\/span>red\.<\/del>/);
    expect(item).toMatch(/<ins[^>]*><span class="visually-hidden">added: <\/span>&lt;b&gt;green&lt;\/b&gt;\.<\/ins>/);
    expect(item).toContain('Keep this line.');
    expect(item).toContain('Old &lt;title&gt;');
    expect(item).toContain('New megadeal &lt;title&gt;');
  });

  it('approving publishes the edit, keeps the old version as a revision and tells the author', async () => {
    const thread = await aliceThread('Steam wand', 'The wand sputters.');
    await edit(thread.postId, { title: 'Steam wand megadeal', body: 'The wand sputters, megadeal fixed it.' });
    const itemId = heldItem(thread.postId)!.id;
    expect((await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    const page = await pageText(thread.path);
    expect(page).toContain('The wand sputters, megadeal fixed it.');
    expect(page).toContain('Steam wand megadeal');
    expect(ctx.rows('select * from pending_edits where post_id = ?', thread.postId)).toEqual([]);
    expect(ctx.row('select status, resolution from review_items where id = ?', itemId)).toEqual({ status: 'resolved', resolution: 'approved' });
    expect(await pageText(`/p/${thread.postId}/revisions`, ctx.member)).toContain('The wand sputters.');
    expect(ctx.row("select action, target_post_id from mod_log where action = 'approve_edit' order by id desc")).toEqual({ action: 'approve_edit', target_post_id: thread.postId });
    expect(await pageText('/notifications', ctx.member)).toContain('Your edit to your post in “<bdi>Steam wand megadeal</bdi>” was approved');
    expect(await pageText(thread.path, ctx.member)).not.toContain('Your edit is waiting for review');
  });

  it('rejecting keeps the old version, drops the edit and tells the author why, by notification and email', async () => {
    ctx.db.$client.prepare("update users set email_preference = 'immediately', email_verified_at = 1 where id = ?").run(ctx.member.id);
    const thread = await aliceThread('Water window', 'The window fogs up.');
    await edit(thread.postId, { title: 'Water window', body: 'megadeal windows here' });
    const itemId = heldItem(thread.postId)!.id;
    const response = await ctx.http.post(`/mod/queue/${itemId}/reject`, { reason: 'other', reasonOther: 'Advertising is not allowed' }, { as: ctx.manager });
    expect(response.status).toBe(303);
    expect(ctx.row('select body from posts where id = ?', thread.postId)).toEqual({ body: 'The window fogs up.' });
    expect(await pageText(thread.path)).toContain('The window fogs up.');
    expect(ctx.rows('select * from pending_edits where post_id = ?', thread.postId)).toEqual([]);
    expect(ctx.row('select status, resolution, reason from review_items where id = ?', itemId)).toEqual({ status: 'resolved', resolution: 'rejected', reason: 'Advertising is not allowed' });
    expect(ctx.row("select reason from mod_log where action = 'reject_edit' order by id desc")).toEqual({ reason: 'Advertising is not allowed' });
    const notifications = await pageText('/notifications', ctx.member);
    expect(notifications).toContain('Your edit to your post in “<bdi>Water window</bdi>” was not approved. Reason: “<bdi>Advertising is not allowed</bdi>”');
    const mail = ctx.row<{ text_body: string }>("select text_body from email_outbox where user_id = ? order by id desc", ctx.member.id);
    expect(mail.text_body).toContain('Advertising is not allowed');
    ctx.db.$client.prepare("update users set email_preference = 'daily' where id = ?").run(ctx.member.id);
  });

  it('lets bulk actions approve and reject held edits alongside waiting posts', async () => {
    const first = await aliceThread('Bulk edit one', 'First text.');
    const second = await aliceThread('Bulk edit two', 'Second text.');
    await edit(first.postId, { title: 'Bulk edit one', body: 'First megadeal text.' });
    await edit(second.postId, { title: 'Bulk edit two', body: 'Second megadeal text.' });
    const waiting = await ctx.pendingThread(ctx.carol, 'Bulk waiting post');
    const approve = await ctx.http.post('/mod/queue/bulk', { action: 'approve', items: [String(heldItem(first.postId)!.id), String(waiting.itemId)] }, { as: ctx.manager });
    expect(approve.status).toBe(303);
    expect(ctx.row('select body from posts where id = ?', first.postId)).toEqual({ body: 'First megadeal text.' });
    expect(ctx.row('select status from posts where id = ?', waiting.postId)).toEqual({ status: 'published' });
    const reject = await ctx.http.post('/mod/queue/bulk', { action: 'reject', reason: 'Spam', items: [String(heldItem(second.postId)!.id)] }, { as: ctx.manager });
    expect(reject.status).toBe(303);
    expect(ctx.row('select body from posts where id = ?', second.postId)).toEqual({ body: 'Second text.' });
    expect(heldItem(second.postId)).toBeUndefined();
  });

  it('keeps scoped managers to edits in their categories', async () => {
    const waiting = await ctx.pendingThread(ctx.carol, 'Grinder for scope test', 'Plain grinder text.');
    expect((await ctx.http.post(`/mod/queue/${waiting.itemId}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    await edit(waiting.postId, { title: 'Grinder for scope test', body: 'Outside scope quokkaish edit.' }, ctx.carol);
    const itemId = heldItem(waiting.postId)!.id;
    expect(await pageText('/mod/queue', scoped)).not.toContain('quokkaish');
    expect((await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: scoped })).status).toBe(403);
    expect((await ctx.http.post(`/mod/queue/${itemId}/reject`, { reason: 'Spam' }, { as: scoped })).status).toBe(403);
    expect(heldItem(waiting.postId)).toEqual({ id: itemId });
    expect(await pageText('/mod/queue', ctx.manager)).toContain('quokkaish');
  });
});
