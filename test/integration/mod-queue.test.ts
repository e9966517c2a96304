import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

let ctx: ModerationContext;
let scoped: SignedIn;
beforeAll(async () => {
  ctx = await createModerationContext();
  scoped = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  const kettles = ctx.row<{ id: number }>("select id from categories where slug = 'kettles'").id;
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(kettles)] }, { as: ctx.admin })).status).toBe(303);
});
afterAll(async () => {
  // Every failure above was an expected 4xx page: nothing may have broken into a 500.
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

type Item = { status: string; resolution: string | null; reason: string | null; resolved_by_id: number | null; resolved_at: number | null };
const item = (id: number) => ctx.row<Item>('select status, resolution, reason, resolved_by_id, resolved_at from review_items where id = ?', id);
const lastLog = () => ctx.row<{ actor_id: number | null; action: string; target_user_id: number | null; target_post_id: number | null; reason: string | null }>(
  'select actor_id, action, target_user_id, target_post_id, reason from mod_log order by id desc limit 1',
);
const lastNotification = (userId: number) => ctx.row<{ kind: string; data: string | null; post_id: number | null }>('select kind, data, post_id from notifications where user_id = ? order by id desc limit 1', userId);

describe('who may use the queue', () => {
  it('sends anonymous visitors to log in and refuses members', async () => {
    const { itemId } = await ctx.pendingThread(ctx.member, 'Grinder retention question');
    const anonymous = await ctx.http.get('/mod/queue');
    expect(location(anonymous)).toBe('/login?next=%2Fmod%2Fqueue');
    expect(location(await ctx.http.get('/mod'))).toBe('/login?next=%2Fmod');
    expect((await ctx.http.get('/mod/queue', { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.get('/mod', { as: ctx.member })).status).toBe(403);
    expect(location(await ctx.http.post(`/mod/queue/${itemId}/approve`, {}))).toMatch(/^\/login\?next=/);
    expect((await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post('/mod/queue/bulk', { action: 'approve', items: [String(itemId)] }, { as: ctx.member })).status).toBe(403);
    expect(item(itemId).status).toBe('open');
  });

  it('never changes anything on GET', async () => {
    const { itemId } = await ctx.pendingThread(ctx.member, 'Still waiting after a GET');
    expect((await ctx.http.get(`/mod/queue/${itemId}/approve`, { as: ctx.manager })).status).toBe(404);
    expect(item(itemId).status).toBe('open');
  });
});

describe('the list', () => {
  it('shows each item with the post, its thread and category, the author’s record and every flagger', async () => {
    const waiting = await ctx.pendingThread(ctx.carol, 'Burr alignment after a drop', 'The **burrs** rub since it fell.');
    const erin = await makeUser(ctx.services, { username: 'erin' });
    const flagged = await ctx.publishedThread(erin, 'Cheap descaler from my shop');
    const flagItem = await ctx.flag(ctx.other, flagged.postId, 'spam', 'Links to his own shop');
    await ctx.flag(ctx.carol, flagged.postId, 'off_topic');
    await ctx.http.post('/mod/users/erin/silence', { days: '3', reason: 'Advertising again' }, { as: ctx.manager });
    const response = await ctx.http.get('/mod/queue', { as: ctx.manager });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const page = await response.text();
    expect(page).toContain(`id="item-${waiting.itemId}"`);
    expect(page).toContain('The <strong>burrs</strong> rub since it fell.');
    expect(page).toContain(`href="/t/${waiting.threadId}/burr-alignment-after-a-drop"`);
    expect(page).toContain('href="/c/grinders">Coffee Grinders</a>');
    expect(page).toContain(`id="item-${flagItem}"`);
    expect(page).toContain('Flagged (2)');
    expect(page).toContain('<strong>Spam or advertising</strong> — <bdi>“Links to his own shop”</bdi>');
    expect(page).toContain('href="/u/bob">bob</a>');
    expect(page).toContain('<strong>Off-topic</strong>');
    expect(page).toMatch(/Silenced <time[^>]*>[^<]+<\/time>: <bdi>“Advertising again”<\/bdi>/);
    expect(page).toContain('Approved posts');
    expect(page).toContain('href="/mod/users/erin#sanctions"');
    expect(page).toMatch(/Review <span class="count-badge"[^>]*>\d+<\/span>/);
  });

  it('filters by kind, category and flag reason, sorts both ways and pages by cursor', async () => {
    const first = await ctx.pendingThread(ctx.member, 'Paging test opening one');
    for (let i = 0; i < 21; i++) await ctx.pendingThread(ctx.member, `Paging test number ${i}`);
    const approvals = await (await ctx.http.get('/mod/queue?kind=approval&category=' + ctx.strict.id, { as: ctx.manager })).text();
    expect(approvals).not.toContain('Flagged (');
    const next = approvals.match(/href="\/mod\/queue\?kind=approval&amp;category=\d+&amp;after=(\d\.\d+\.\d+)"/);
    expect(next).not.toBeNull();
    const second = await (await ctx.http.get(`/mod/queue?kind=approval&category=${ctx.strict.id}&after=${next![1]}`, { as: ctx.manager })).text();
    expect(second).toContain('Paging test number 20');
    expect(second).toContain('Start of the queue');
    const newest = await (await ctx.http.get('/mod/queue?kind=approval&order=newest', { as: ctx.manager })).text();
    expect(newest.indexOf('Paging test number 20')).toBeLessThan(newest.indexOf('Paging test number 10'));
    expect(newest).not.toContain(`id="item-${first.itemId}"`);
    const spam = await (await ctx.http.get('/mod/queue?reason=spam', { as: ctx.manager })).text();
    expect(spam).toContain('Flagged (');
    expect(spam).not.toContain('class="tag tag-approval"');
    const abuse = await (await ctx.http.get('/mod/queue?reason=abuse', { as: ctx.manager })).text();
    expect(abuse).toContain('Nothing matches these filters');
    // Nonsense filters are ignored rather than failing the page.
    expect((await ctx.http.get('/mod/queue?kind=bogus&category=x&after=zz', { as: ctx.manager })).status).toBe(200);
  });
});

describe('deciding one item', () => {
  it('approve publishes: a number, counts up, public afterwards, the author told', async () => {
    const { itemId, postId, threadId, path } = await ctx.pendingThread(ctx.carol, 'Approved thread about burrs');
    const before = ctx.row<{ thread_count: number; post_count: number }>('select thread_count, post_count from categories where id = ?', ctx.strict.id);
    const authorPosts = ctx.row<{ post_count: number }>('select post_count from users where id = ?', ctx.carol.id).post_count;
    expect((await ctx.http.get(path)).status).toBe(404);
    const response = await ctx.http.post(`/mod/queue/${itemId}/approve`, { back: 'kind=approval' }, { as: ctx.manager });
    expect(location(response)).toBe('/mod/queue?kind=approval&done=approve');
    expect(ctx.row('select number, status from posts where id = ?', postId)).toEqual({ number: 1, status: 'published' });
    expect(ctx.row('select status from threads where id = ?', threadId)).toEqual({ status: 'published' });
    expect(ctx.row('select thread_count, post_count from categories where id = ?', ctx.strict.id)).toEqual({ thread_count: before.thread_count + 1, post_count: before.post_count + 1 });
    expect(ctx.row<{ post_count: number }>('select post_count from users where id = ?', ctx.carol.id).post_count).toBe(authorPosts + 1);
    expect((await ctx.http.get(path)).status).toBe(200);
    expect(item(itemId)).toMatchObject({ status: 'resolved', resolution: 'approved', resolved_by_id: ctx.manager.id, resolved_at: ctx.clock.now() });
    expect(lastLog()).toEqual({ actor_id: ctx.manager.id, action: 'approve', target_user_id: ctx.carol.id, target_post_id: postId, reason: null });
    expect(lastNotification(ctx.carol.id)).toMatchObject({ kind: 'post_approved', post_id: postId });
    expect(await (await ctx.http.get('/mod/queue?done=approve', { as: ctx.manager })).text()).toContain('Approved: the post is public');
    // A colleague who clicks a moment later learns it was decided already.
    expect((await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: ctx.admin })).status).toBe(409);
  });

  it('approving a waiting reply gives it the next number in its thread', async () => {
    const thread = await ctx.publishedThread(ctx.manager, 'Staff thread in kettles');
    ctx.db.$client.prepare("update categories set moderation = 'all' where slug = 'kettles'").run();
    const reply = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'A waiting reply' }, { as: ctx.member });
    ctx.db.$client.prepare("update categories set moderation = 'open' where slug = 'kettles'").run();
    const postId = Number(location(reply).split('post-pending-')[1]);
    const itemId = ctx.row<{ id: number }>('select id from review_items where post_id = ?', postId).id;
    await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: ctx.manager });
    expect(ctx.row('select number, status from posts where id = ?', postId)).toEqual({ number: 2, status: 'published' });
    expect(ctx.row('select reply_count from threads where id = ?', thread.threadId)).toEqual({ reply_count: 1 });
  });

  it('reject keeps the author’s text, tells them the reason and records it', async () => {
    const { itemId, postId, path } = await ctx.pendingThread(ctx.carol, 'Buy cheap grinders here', 'Visit my shop for deals');
    const response = await ctx.http.post(`/mod/queue/${itemId}/reject`, { reason: 'Spam or advertising' }, { as: ctx.manager });
    expect(location(response)).toBe('/mod/queue?done=reject');
    expect(ctx.row('select status, body, rejected_reason from posts where id = ?', postId)).toEqual({ status: 'rejected', body: 'Visit my shop for deals', rejected_reason: 'Spam or advertising' });
    expect(item(itemId)).toMatchObject({ status: 'resolved', resolution: 'rejected', reason: 'Spam or advertising', resolved_by_id: ctx.manager.id });
    expect(lastLog()).toMatchObject({ action: 'reject', actor_id: ctx.manager.id, target_user_id: ctx.carol.id, reason: 'Spam or advertising' });
    const notice = lastNotification(ctx.carol.id);
    expect(notice.kind).toBe('post_rejected');
    expect(JSON.parse(notice.data ?? '{}')).toEqual({ reason: 'Spam or advertising', title: 'Buy cheap grinders here' });
    const own = await (await ctx.http.get(path, { as: ctx.carol })).text();
    expect(own).toContain('Visit my shop for deals');
    expect(own).toContain('Spam or advertising');
    expect((await ctx.http.get(path)).status).toBe(404);
  });

  it('reject takes the manager’s own words, and re-shows the form (422) when no reason is given', async () => {
    const { itemId, postId } = await ctx.pendingThread(ctx.carol, 'Question with a phone number');
    const missing = await ctx.http.post(`/mod/queue/${itemId}/reject`, { reason: 'other', reasonOther: '' }, { as: ctx.manager });
    expect(missing.status).toBe(422);
    const page = await missing.text();
    expect(page).toContain('Please choose a reason or write one');
    expect(page).toMatch(new RegExp(`<details class="review-decision" open>[\\s\\S]*action="/mod/queue/${itemId}/reject"`));
    expect(item(itemId).status).toBe('open');
    const tooLong = await ctx.http.post(`/mod/queue/${itemId}/reject`, { reason: 'other', reasonOther: 'x'.repeat(301) }, { as: ctx.manager });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain(`value="${'x'.repeat(301)}"`);
    await ctx.http.post(`/mod/queue/${itemId}/reject`, { reason: 'other', reasonOther: 'Please leave out your phone number' }, { as: ctx.manager });
    expect(ctx.row('select rejected_reason from posts where id = ?', postId)).toEqual({ rejected_reason: 'Please leave out your phone number' });
  });

  it('dismiss brings back a post that flags hid automatically, with its counts', async () => {
    const { postId, path } = await ctx.publishedThread(ctx.member, 'Honest review of the K2');
    const counts = () => ctx.row('select post_count from categories where slug = ?', 'kettles');
    const before = counts();
    // Only flags from accounts at least a day old count toward the hide (flag-trust.test.ts).
    ctx.clock.advance(25 * 60 * 60 * 1000);
    const itemId = await ctx.flag(ctx.other, postId, 'abuse');
    await ctx.flag(ctx.carol, postId, 'abuse');
    await ctx.flag(ctx.dave, postId, 'other', 'Looks like a fake review');
    expect(ctx.row('select hidden_reason, hidden_by_id from posts where id = ?', postId)).toEqual({ hidden_reason: 'hidden pending review', hidden_by_id: null });
    expect(await (await ctx.http.get(path)).text()).not.toContain('My kettle clicks off');
    expect(await (await ctx.http.get('/mod/queue?kind=flag', { as: ctx.manager })).text()).toContain('Hidden automatically after several flags');
    const response = await ctx.http.post(`/mod/queue/${itemId}/dismiss`, {}, { as: ctx.manager });
    expect(location(response)).toBe('/mod/queue?done=dismiss');
    expect(ctx.row('select hidden_at from posts where id = ?', postId)).toEqual({ hidden_at: null });
    expect(counts()).toEqual(before);
    expect(ctx.rows('select status from flags where post_id = ?', postId)).toEqual([{ status: 'dismissed' }, { status: 'dismissed' }, { status: 'dismissed' }]);
    expect(item(itemId)).toMatchObject({ status: 'resolved', resolution: 'dismissed', resolved_by_id: ctx.manager.id });
    expect(lastLog()).toMatchObject({ action: 'dismiss_flags', actor_id: ctx.manager.id, target_post_id: postId, target_user_id: ctx.member.id });
    expect(await (await ctx.http.get(path)).text()).toContain('My kettle clicks off');
  });

  it('hide hides the post with a reason, resolves the flags and tells the author', async () => {
    const { postId, path } = await ctx.publishedThread(ctx.member, 'Rude reply thread');
    const itemId = await ctx.flag(ctx.other, postId, 'abuse', 'Insults another member');
    const missing = await ctx.http.post(`/mod/queue/${itemId}/hide`, { reason: '  ' }, { as: ctx.manager });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Please choose a reason or write one');
    const response = await ctx.http.post(`/mod/queue/${itemId}/hide`, { reason: 'Personal attack' }, { as: ctx.manager });
    expect(location(response)).toBe('/mod/queue?done=hide');
    expect(ctx.row('select hidden_by_id, hidden_reason from posts where id = ?', postId)).toEqual({ hidden_by_id: ctx.manager.id, hidden_reason: 'Personal attack' });
    expect(ctx.rows('select status from flags where post_id = ?', postId)).toEqual([{ status: 'resolved' }]);
    expect(item(itemId)).toMatchObject({ status: 'resolved', resolution: 'hidden', reason: 'Personal attack', resolved_by_id: ctx.manager.id });
    expect(lastLog()).toMatchObject({ action: 'hide', actor_id: ctx.manager.id, reason: 'Personal attack', target_post_id: postId });
    expect(lastNotification(ctx.member.id)).toMatchObject({ kind: 'post_hidden', post_id: postId });
    expect(await (await ctx.http.get(path)).text()).not.toContain('My kettle clicks off');
  });

  it('refuses a decision of the wrong kind, an unknown item and approving a post its author deleted', async () => {
    const waiting = await ctx.pendingThread(ctx.carol, 'Deleted while waiting');
    expect((await ctx.http.post(`/mod/queue/${waiting.itemId}/dismiss`, {}, { as: ctx.manager })).status).toBe(409);
    expect((await ctx.http.post('/mod/queue/99999999/approve', {}, { as: ctx.manager })).status).toBe(404);
    expect((await ctx.http.post(`/mod/queue/${waiting.itemId}/delete`, {}, { as: ctx.manager })).status).toBe(404);
    await ctx.http.post(`/p/${waiting.postId}/delete`, {}, { as: ctx.carol });
    // Deleting a waiting post takes it out of the queue at once.
    expect(item(waiting.itemId)).toMatchObject({ status: 'resolved', resolution: 'dismissed', reason: 'Deleted by its author' });
    const approve = await ctx.http.post(`/mod/queue/${waiting.itemId}/approve`, {}, { as: ctx.manager });
    expect(approve.status).toBe(409);
    expect(await approve.text()).toContain('already decided');
    expect(ctx.row('select status, number from posts where id = ?', waiting.postId)).toEqual({ status: 'pending', number: 1 });
  });
});

describe('bulk decisions', () => {
  it('approves several waiting posts in one go', async () => {
    const a = await ctx.pendingThread(ctx.carol, 'Bulk approve one');
    const b = await ctx.pendingThread(ctx.dave, 'Bulk approve two');
    const response = await ctx.http.post('/mod/queue/bulk', { action: 'approve', items: [String(a.itemId), String(b.itemId)], back: 'order=newest' }, { as: ctx.manager });
    expect(location(response)).toBe('/mod/queue?order=newest&done=approve&count=2');
    for (const { postId, itemId } of [a, b]) {
      expect(ctx.row('select status from posts where id = ?', postId)).toEqual({ status: 'published' });
      expect(item(itemId)).toMatchObject({ resolution: 'approved', resolved_by_id: ctx.manager.id });
    }
    expect(ctx.rows("select target_post_id from mod_log where action = 'approve' and target_post_id in (?, ?)", a.postId, b.postId)).toHaveLength(2);
    expect(await (await ctx.http.get('/mod/queue?done=approve&count=2', { as: ctx.manager })).text()).toContain('Approved 2 posts');
  });

  it('rejects several with one reason, and needs that reason', async () => {
    const a = await ctx.pendingThread(ctx.carol, 'Bulk reject one');
    const b = await ctx.pendingThread(ctx.dave, 'Bulk reject two');
    const items = [String(a.itemId), String(b.itemId)];
    const missing = await ctx.http.post('/mod/queue/bulk', { action: 'reject', items }, { as: ctx.manager });
    expect(missing.status).toBe(422);
    expect(item(a.itemId).status).toBe('open');
    await ctx.http.post('/mod/queue/bulk', { action: 'reject', items, reason: 'Duplicate of an existing thread' }, { as: ctx.manager });
    for (const { postId, itemId } of [a, b]) {
      expect(ctx.row('select status, rejected_reason from posts where id = ?', postId)).toEqual({ status: 'rejected', rejected_reason: 'Duplicate of an existing thread' });
      expect(item(itemId)).toMatchObject({ resolution: 'rejected', reason: 'Duplicate of an existing thread' });
    }
    expect(lastNotification(ctx.dave.id)).toMatchObject({ kind: 'post_rejected', post_id: b.postId });
  });

  it('refuses an empty selection, flagged items, and (all or nothing) items outside the manager’s categories', async () => {
    const none = await ctx.http.post('/mod/queue/bulk', { action: 'approve' }, { as: ctx.manager });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Please tick at least one item first.');
    const flagged = await ctx.publishedThread(ctx.member, 'Flagged thread for bulk');
    const flagItem = await ctx.flag(ctx.other, flagged.postId);
    const waiting = await ctx.pendingThread(ctx.carol, 'Bulk outside scope');
    const mixed = await ctx.http.post('/mod/queue/bulk', { action: 'approve', items: [String(flagItem), String(waiting.itemId)] }, { as: ctx.manager });
    expect(mixed.status).toBe(422);
    expect(await mixed.text()).toContain('Please decide flagged posts one by one.');
    expect((await ctx.http.post('/mod/queue/bulk', { action: 'approve', items: [String(waiting.itemId)] }, { as: scoped })).status).toBe(403);
    expect(item(waiting.itemId).status).toBe('open');
  });
});

describe('scoped managers', () => {
  it('see only their categories’ items and count, and get 403 outside them', async () => {
    const outside = await ctx.pendingThread(ctx.carol, 'Grinder item outside sam’s scope');
    const inside = await ctx.publishedThread(ctx.member, 'Kettle item inside sam’s scope');
    const insideItem = await ctx.flag(ctx.other, inside.postId);
    const page = await (await ctx.http.get('/mod/queue', { as: scoped })).text();
    expect(page).toContain(`id="item-${insideItem}"`);
    expect(page).not.toContain(`id="item-${outside.itemId}"`);
    expect(page).not.toContain('Coffee Grinders</option>');
    const kettles = ctx.row<{ id: number }>("select id from categories where slug = 'kettles'").id;
    const expected = ctx.row<{ n: number }>("select count(*) as n from review_items where status = 'open' and category_id = ?", kettles).n;
    expect(page).toContain(`aria-label="${expected} items waiting for review">${expected}</span>`);
    expect((await ctx.http.post(`/mod/queue/${outside.itemId}/approve`, {}, { as: scoped })).status).toBe(403);
    expect((await ctx.http.post(`/mod/queue/${outside.itemId}/reject`, { reason: 'Spam or advertising' }, { as: scoped })).status).toBe(403);
    expect(item(outside.itemId).status).toBe('open');
    expect(location(await ctx.http.post(`/mod/queue/${insideItem}/dismiss`, {}, { as: scoped }))).toBe('/mod/queue?done=dismiss');
  });
});
