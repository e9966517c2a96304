import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { publishPost, rejectPost } from '../../src/moderation/publication.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext, location } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let newbie: SignedIn;
let regular: SignedIn;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Careful board', slug: 'careful', moderation: 'new-members' });
  makeCategory(ctx.services, { name: 'Strict board', slug: 'strict', moderation: 'all' });
  makeCategory(ctx.services, { name: 'Elsewhere', slug: 'elsewhere', moderation: 'open' });
  newbie = await makeUser(ctx.services, { username: 'newbie' });
  regular = await makeUser(ctx.services, { username: 'regular' });
  // Two published posts make a member trusted in new-members boards (links still wait below five).
  for (const title of ['First regular thread', 'Second regular thread']) await makeThread(ctx.services, regular, { category: 'kettles', title, body: 'hello' });
});
afterAll(() => ctx.close());

const sql = <T>(query: string, ...params: unknown[]) => ctx.db.$client.prepare(query).get(...params) as T;

async function startThread(user: SignedIn, category: string, title: string, body = 'Question body') {
  const response = await ctx.http.post('/t', { category, title, body }, { as: user });
  expect(response.status).toBe(303);
  const target = location(response);
  return { path: target, threadId: Number(target.split('/')[2]) };
}

describe('pre-moderation', () => {
  it('holds a new member’s first thread in a new-members board: only the author and staff see it', async () => {
    const { path, threadId } = await startThread(newbie, 'careful', 'Is this kettle safe for tea?');
    const own = await ctx.http.get(path, { as: newbie });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('awaiting approval');
    expect((await ctx.http.get(path)).status).toBe(404);
    expect((await ctx.http.get(path, { as: ctx.other })).status).toBe(404);
    expect((await ctx.http.get(path, { as: ctx.manager })).status).toBe(200);
    expect(await (await ctx.http.get('/c/careful')).text()).not.toContain('Is this kettle safe for tea?');
    expect(await (await ctx.http.get('/u/newbie')).text()).not.toContain('Question body');
    const postId = sql<{ id: number }>('select id from posts where thread_id = ?', threadId).id;
    expect((await ctx.http.get(`/p/${postId}`)).status).toBe(404);
    expect(sql('select thread_count, post_count from categories where slug = ?', 'careful')).toEqual({ thread_count: 0, post_count: 0 });
    expect(sql('select kind, status from review_items where post_id = ?', postId)).toEqual({ kind: 'approval', status: 'open' });
    expect(await (await ctx.http.get('/', { as: ctx.manager })).text()).toMatch(/Review <span class="count-badge"[^>]*>\d+<\/span>/);
  });

  it('publishes a trusted member at once, but holds their post with a link until they have five posts', async () => {
    const plain = await startThread(regular, 'careful', 'Descaling with citric acid');
    expect((await ctx.http.get(plain.path)).status).toBe(200);
    const linked = await startThread(regular, 'careful', 'Found this guide online', 'See https://example.com/guide');
    expect((await ctx.http.get(linked.path)).status).toBe(404);
  });

  it('holds every member post in an all board, but not staff posts', async () => {
    const member = await startThread(regular, 'strict', 'Strictly moderated question');
    expect((await ctx.http.get(member.path)).status).toBe(404);
    const staff = await startThread(ctx.manager, 'strict', 'Announcement from the team');
    expect((await ctx.http.get(staff.path)).status).toBe(200);
  });

  it('keeps a waiting reply out of the numbering until it is approved', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.manager, { category: 'strict', title: 'Staff thread for replies', body: 'x' });
    const response = await ctx.http.post(`/t/${threadId}/replies`, { body: 'A waiting reply' }, { as: regular });
    expect(location(response)).toMatch(new RegExp(`^/t/${threadId}/${slug}#post-pending-\\d+$`));
    const own = await (await ctx.http.get(`/t/${threadId}/${slug}`, { as: regular })).text();
    expect(own).toContain('A waiting reply');
    expect(own).toContain('Awaiting approval.');
    const anonymous = await (await ctx.http.get(`/t/${threadId}/${slug}`)).text();
    expect(anonymous).not.toContain('A waiting reply');
    await makeReply(ctx.services, ctx.manager, { threadId, body: 'Staff reply meanwhile' });
    const postId = Number(location(response).split('post-pending-')[1]);
    ctx.db.transaction((tx) => publishPost(tx, postId, ctx.clock.now()));
    expect(sql('select number, status from posts where id = ?', postId)).toEqual({ number: 3, status: 'published' });
    expect(await (await ctx.http.get(`/t/${threadId}/${slug}`)).text()).toContain('id="post-3"');
    expect(sql('select reply_count from threads where id = ?', threadId)).toEqual({ reply_count: 2 });
  });

  it('shows a waiting reply to its author and the community team, never to another member or a visitor', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.manager, { category: 'strict', title: 'Staff thread with two waiting replies', body: 'x' });
    const waiting = async (author: SignedIn, body: string) => {
      const response = await ctx.http.post(`/t/${threadId}/replies`, { body }, { as: author });
      return Number(location(response).split('post-pending-')[1]);
    };
    const regulars = await waiting(regular, 'Regular’s reply, still waiting');
    const newbies = await waiting(newbie, 'Newbie’s reply, still waiting');
    const view = async (as?: SignedIn) => (await ctx.http.get(`/t/${threadId}/${slug}`, as ? { as } : {})).text();
    const own = await view(regular);
    expect(own).toContain(`id="post-pending-${regulars}"`);
    expect(own).toContain('Regular’s reply, still waiting');
    expect(own).toContain('Awaiting approval.');
    // Another author's waiting reply: no text, no trace of the post at all.
    expect(own).not.toContain(`post-pending-${newbies}`);
    expect(own).not.toContain('Newbie’s reply');
    for (const [name, page] of [['alice', await view(ctx.member)], ['a visitor', await view()]] as const) {
      expect(page, name).not.toContain('post-pending-');
      expect(page, name).not.toContain('still waiting');
      expect(page, name).not.toContain('Awaiting approval.');
    }
    const team = await view(ctx.manager);
    expect(team).toContain(`id="post-pending-${regulars}"`);
    expect(team).toContain(`id="post-pending-${newbies}"`);
  });

  it('lets the author edit a rejected post and send it back for review, text kept', async () => {
    const { path, threadId } = await startThread(newbie, 'careful', 'My rejected question', 'My precious words');
    const postId = sql<{ id: number }>('select id from posts where thread_id = ?', threadId).id;
    ctx.db.transaction((tx) => rejectPost(tx, postId, 'Please add your model number'));
    const page = await (await ctx.http.get(path, { as: newbie })).text();
    expect(page).toContain('Please add your model number');
    expect(page).toContain('My precious words');
    expect((await ctx.http.get(path)).status).toBe(404);
    ctx.db.$client.prepare("update review_items set status = 'resolved' where post_id = ?").run(postId);
    const edit = await ctx.http.post(`/p/${postId}/edit`, { title: 'My rejected question', body: 'My precious words, model K2' }, { as: newbie });
    expect(edit.status).toBe(303);
    expect(sql('select status from posts where id = ?', postId)).toEqual({ status: 'pending' });
    expect(sql("select count(*) as n from review_items where post_id = ? and status = 'open'", postId)).toEqual({ n: 1 });
  });
});

describe('watched words', () => {
  beforeAll(() => {
    const insert = ctx.db.$client.prepare('insert into watched_words (word, action, created_at) values (?, ?, ?)');
    insert.run('casino', 'block', 0);
    insert.run('refund', 'queue', 0);
    insert.run('darn', 'censor', 0);
  });

  it('refuses a blocked word with 422 and keeps the text', async () => {
    const response = await ctx.http.post('/t', { category: 'elsewhere', title: 'Great deals', body: 'Visit my CASINO today' }, { as: regular });
    const page = await response.text();
    expect(response.status).toBe(422);
    expect(page).toContain('does not allow “casino”');
    expect(page).toContain('Visit my CASINO today');
  });

  it('holds a post with a queued word, and masks censored words in what others read', async () => {
    const queued = await startThread(regular, 'elsewhere', 'Asking for a refund', 'How do I get a rèfund?');
    expect((await ctx.http.get(queued.path)).status).toBe(404);
    const censored = await startThread(regular, 'elsewhere', 'Kettle broke again', 'Oh darn, it broke.');
    const page = await (await ctx.http.get(censored.path)).text();
    expect(page).toContain('Oh ■■■■, it broke.');
    expect(sql('select body from posts where thread_id = ?', censored.threadId)).toEqual({ body: 'Oh darn, it broke.' });
  });
});

describe('flags', () => {
  it('validates, refuses self-flags and duplicates, and tells the flagger', async () => {
    const { threadId, slug, postId } = await makeThread(ctx.services, regular, { category: 'elsewhere', title: 'Flag target thread', body: 'Buy my stuff' });
    expect((await ctx.http.post(`/p/${postId}/flag`, { reason: 'spam' })).status).toBe(401);
    expect((await ctx.http.post(`/p/${postId}/flag`, { reason: 'spam' }, { as: regular })).status).toBe(403);
    expect((await ctx.http.post(`/p/${postId}/flag`, { reason: 'other', note: '' }, { as: ctx.member })).status).toBe(422);
    expect((await ctx.http.post(`/p/${postId}/flag`, { reason: 'nonsense' }, { as: ctx.member })).status).toBe(422);
    expect((await ctx.http.post(`/p/${postId}/flag`, { reason: 'spam', note: 'selling' }, { as: ctx.member })).status).toBe(303);
    expect((await ctx.http.post(`/p/${postId}/flag`, { reason: 'spam' }, { as: ctx.member })).status).toBe(409);
    expect(await (await ctx.http.get(`/t/${threadId}/${slug}`, { as: ctx.member })).text()).toContain('You flagged this post');
    expect(sql("select kind, status from review_items where post_id = ? and kind = 'flag'", postId)).toEqual({ kind: 'flag', status: 'open' });
  });

  it('links each post to a flag page, which keeps the reason and note of a form sent back', async () => {
    const { threadId, slug, postId } = await makeThread(ctx.services, regular, { category: 'elsewhere', title: 'Flag page thread', body: 'Questionable offer' });
    const thread = await (await ctx.http.get(`/t/${threadId}/${slug}`, { as: ctx.member })).text();
    expect(thread).toContain(`<a href="/p/${postId}/flag" rel="nofollow">Flag</a>`);
    expect(thread).not.toContain(`action="/p/${postId}/flag"`);
    const form = await ctx.http.get(`/p/${postId}/flag`, { as: ctx.member });
    const page = await form.text();
    expect(form.status).toBe(200);
    expect(page).toContain('Flag a post in “<bdi>Flag page thread</bdi>”');
    expect(page).toContain(`<form method="post" action="/p/${postId}/flag"`);
    expect(page).toContain(`href="/t/${threadId}/${slug}#post-1"`);
    const anonymous = await ctx.http.get(`/p/${postId}/flag`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/p/${postId}/flag`)}`);
    expect((await ctx.http.get(`/p/${postId}/flag`, { as: regular })).status).toBe(403);
    expect((await ctx.http.get('/p/999999/flag', { as: ctx.member })).status).toBe(404);
    const sentBack = await ctx.http.post(`/p/${postId}/flag`, { reason: 'other', note: '   ' }, { as: ctx.member });
    const again = await sentBack.text();
    expect(sentBack.status).toBe(422);
    expect(again).toContain('Please tell the community team what is wrong with this post.');
    expect(again).toContain('value="other" required checked');
    const withNote = await ctx.http.post(`/p/${postId}/flag`, { note: 'keeps <my> words' }, { as: ctx.member });
    expect(withNote.status).toBe(422);
    expect(await withNote.text()).toContain('keeps &lt;my&gt; words');
    expect((await ctx.http.post(`/p/${postId}/flag`, { reason: 'spam' }, { as: ctx.member })).status).toBe(303);
    expect((await ctx.http.get(`/p/${postId}/flag`, { as: ctx.member })).status).toBe(409);
  });

  it('hides a post pending review once three members flag it', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'elsewhere', title: 'Three flags thread', body: 'opening' });
    const reply = await makeReply(ctx.services, regular, { threadId, body: 'Offensive reply text' });
    const third = await makeUser(ctx.services, { username: 'third' });
    // Only flags from accounts at least a day old count toward the hide (flag-trust.test.ts).
    ctx.clock.advance(25 * 60 * 60 * 1000);
    for (const user of [ctx.member, ctx.other]) await ctx.http.post(`/p/${reply.postId}/flag`, { reason: 'abuse' }, { as: user });
    expect(await (await ctx.http.get(`/t/${threadId}/${slug}`)).text()).toContain('Offensive reply text');
    await ctx.http.post(`/p/${reply.postId}/flag`, { reason: 'abuse' }, { as: third });
    const page = await (await ctx.http.get(`/t/${threadId}/${slug}`)).text();
    expect(page).not.toContain('Offensive reply text');
    expect(page).toContain('This post is hidden pending review.');
    expect(await (await ctx.http.get(`/t/${threadId}/${slug}`, { as: regular })).text()).toContain('Offensive reply text');
    expect(sql('select reply_count from threads where id = ?', threadId)).toEqual({ reply_count: 0 });
  });
});

describe('staff tools', () => {
  it('hides and unhides with a reason the author is told, audited', async () => {
    const { threadId, slug, postId } = await makeThread(ctx.services, regular, { category: 'kettles', title: 'Thread to be hidden', body: 'my phone is 555-1234' });
    expect((await ctx.http.post(`/p/${postId}/hide`, { reason: 'x' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/p/${postId}/hide`, { reason: '' }, { as: ctx.manager })).status).toBe(422);
    expect((await ctx.http.post(`/p/${postId}/hide`, { reason: 'Personal information' }, { as: ctx.manager })).status).toBe(303);
    expect(await (await ctx.http.get(`/t/${threadId}/${slug}`)).text()).toContain('This post was hidden by a community manager.');
    const notes = await (await ctx.http.get('/notifications', { as: regular })).text();
    expect(notes).toContain('A community manager hid your post in “<bdi>Thread to be hidden</bdi>”.');
    expect(notes).toContain('Personal information');
    expect((await ctx.http.post(`/p/${postId}/unhide`, {}, { as: ctx.manager })).status).toBe(303);
    expect(await (await ctx.http.get(`/t/${threadId}/${slug}`)).text()).toContain('555-1234');
    const actions = ctx.db.$client.prepare('select action, reason from mod_log where target_post_id = ? order by id').all(postId);
    expect(actions).toEqual([{ action: 'hide', reason: 'Personal information' }, { action: 'unhide', reason: null }]);
  });

  it('renames and moves threads, keeping category counts right', async () => {
    const { threadId } = await makeThread(ctx.services, regular, { category: 'kettles', title: 'Wrong board thread', body: 'x' });
    await makeReply(ctx.services, ctx.member, { threadId, body: 'y' });
    const before = sql<{ post_count: number }>("select post_count from categories where slug = 'elsewhere'");
    expect((await ctx.http.post(`/t/${threadId}/move`, { category: 'elsewhere' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/t/${threadId}/move`, { category: 'elsewhere' }, { as: ctx.manager })).status).toBe(303);
    expect(sql<{ post_count: number }>("select post_count from categories where slug = 'elsewhere'").post_count).toBe(before.post_count + 2);
    const renamed = await ctx.http.post(`/t/${threadId}/rename`, { title: 'Right board thread' }, { as: ctx.manager });
    expect(location(renamed)).toBe(`/t/${threadId}/right-board-thread`);
    expect(ctx.db.$client.prepare('select action from mod_log where target_thread_id = ? order by id').all(threadId)).toEqual([{ action: 'move' }, { action: 'rename' }]);
  });
});

describe('sanctions and scope at the posting path', () => {
  it('stops a silenced member from posting and flagging, with the reason and end date', async () => {
    const silenced = await makeUser(ctx.services, { username: 'silenced' });
    ctx.db.$client.prepare('update users set silenced_until = ?, silence_reason = ? where id = ?').run(ctx.clock.now() + 86_400_000, 'Cooling off', silenced.id);
    const response = await ctx.http.post('/t', { category: 'kettles', title: 'Let me speak', body: 'x' }, { as: silenced });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Cooling off');
    ctx.clock.advance(2 * 86_400_000);
    expect((await ctx.http.post('/t', { category: 'kettles', title: 'Back again now', body: 'x' }, { as: silenced })).status).toBe(303);
  });

  it('signs a suspended member out and refuses their login', async () => {
    const suspended = await makeUser(ctx.services, { username: 'suspended', password: 'a long password' });
    const cookie = (await ctx.http.get('/', { as: suspended })).headers.get('set-cookie');
    expect(cookie).toBeNull();
    ctx.db.$client.prepare('update users set suspended_until = ?, suspend_reason = ? where id = ?').run(ctx.clock.now() + 86_400_000, 'Spamming', suspended.id);
    expect(await (await ctx.http.get('/', { as: suspended })).text()).not.toContain('>suspended</a>');
    const login = await ctx.http.post('/login', { login: 'suspended', password: 'a long password' });
    expect(login.status).toBe(403);
    expect(await login.text()).toContain('Spamming');
  });

  it('limits a scoped manager to their categories', async () => {
    const scoped = await makeUser(ctx.services, { username: 'scoped', role: 'manager' });
    ctx.db.$client.prepare("insert into manager_scopes (user_id, category_id) select ?, id from categories where slug = 'elsewhere'").run(scoped.id);
    const inside = await makeThread(ctx.services, regular, { category: 'elsewhere', title: 'Inside the scope', body: 'x' });
    const outside = await makeThread(ctx.services, regular, { category: 'kettles', title: 'Outside the scope', body: 'x' });
    expect((await ctx.http.post(`/t/${inside.threadId}/lock`, { value: '1' }, { as: scoped })).status).toBe(303);
    expect((await ctx.http.post(`/t/${outside.threadId}/lock`, { value: '1' }, { as: scoped })).status).toBe(403);
    expect((await ctx.http.post(`/p/${outside.postId}/hide`, { reason: 'nope' }, { as: scoped })).status).toBe(403);
  });

  it('lets a scoped manager move a thread only between categories they moderate', async () => {
    const mover = await makeUser(ctx.services, { username: 'mover', role: 'manager' });
    const scope = [sql<{ id: number }>("select id from categories where slug = 'elsewhere'").id, sql<{ id: number }>("select id from categories where slug = 'careful'").id];
    expect((await ctx.http.post('/mod/users/mover/scope', { categories: scope.map(String) }, { as: ctx.admin })).status).toBe(303);
    const { threadId } = await makeThread(ctx.services, regular, { category: 'elsewhere', title: 'Thread for the scoped mover', body: 'x' });
    const where = () => sql<{ slug: string }>('select categories.slug from threads join categories on categories.id = threads.category_id where threads.id = ?', threadId).slug;
    const counts = () => ctx.db.$client.prepare('select slug, thread_count, post_count from categories order by id').all();
    const countsBefore = counts();
    // Out of their scope: refused, the thread stays, no count or log moves.
    const out = await ctx.http.post(`/t/${threadId}/move`, { category: 'kettles' }, { as: mover });
    expect(out.status).toBe(403);
    expect(await out.text()).toContain('You can only move threads into categories you moderate.');
    expect(where()).toBe('elsewhere');
    expect(counts()).toEqual(countsBefore);
    expect(sql('select count(*) as n from mod_log where target_thread_id = ?', threadId)).toEqual({ n: 0 });
    // Within it: moved.
    expect((await ctx.http.post(`/t/${threadId}/move`, { category: 'careful' }, { as: mover })).status).toBe(303);
    expect(where()).toBe('careful');
    expect(sql('select actor_id, action from mod_log where target_thread_id = ?', threadId)).toEqual({ actor_id: mover.id, action: 'move' });
  });
});

describe('notifications', () => {
  it('counts unread in the header, opens one and marks all read', async () => {
    const { postId } = await makeThread(ctx.services, regular, { category: 'kettles', title: 'Notified thread', body: 'x' });
    await ctx.http.post(`/p/${postId}/hide`, { reason: 'Duplicate' }, { as: ctx.manager });
    const home = await (await ctx.http.get('/', { as: regular })).text();
    expect(home).toMatch(/Notifications <span class="count-badge"[^>]*>\d+<\/span>/);
    const id = sql<{ id: number }>('select id from notifications where user_id = ? order by id desc', regular.id).id;
    const open = await ctx.http.post(`/notifications/${id}/open`, {}, { as: regular });
    expect(open.status).toBe(303);
    expect(sql('select read_at is not null as read from notifications where id = ?', id)).toEqual({ read: 1 });
    expect((await ctx.http.post(`/notifications/${id}/open`, {}, { as: ctx.member })).status).toBe(404);
    await ctx.http.post('/notifications/read-all', {}, { as: regular });
    expect(sql('select count(*) as n from notifications where user_id = ? and read_at is null', regular.id)).toEqual({ n: 0 });
    expect((await ctx.http.get('/notifications')).status).toBe(303);
  });
});
