import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { UNTIL_LIFTED } from '../../src/moderation/sanction-end.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// "Delete spammer": one request hides every visible post of a member (counters, pages and search
// follow), suspends them until lifted and signs them out; an admin can undo exactly that for 30 days.

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'correct horse battery staple';

let ctx: ModerationContext;
let spammer: SignedIn;
let scoped: SignedIn;
let spamThreads: { threadId: number; postId: number; path: string }[];
let alicesThreads: { threadId: number; path: string }[];
let earlierHiddenId: number;
let flaggedItemId: number;
let waiting: { postId: number; itemId: number };
let spammersFlagId: number;

type Counts = { thread_count: number; post_count: number };
const categoryCounts = () => ctx.row<Counts>('select thread_count, post_count from categories where id = ?', ctx.category.id);
/** The category's counters as a recount of what is visible would give them. */
const recount = () =>
  ctx.row<Counts>(
    `select (select count(*) from threads where category_id = @id and status = 'published') as thread_count,
       (select count(*) from posts p join threads t on t.id = p.thread_id where t.category_id = @id and t.status = 'published'
          and p.status = 'published' and p.deleted_at is null and p.hidden_at is null) as post_count`,
    { id: ctx.category.id },
  );
const visibleSpam = () => ctx.row<{ n: number }>("select count(*) as n from posts where author_id = ? and status = 'published' and hidden_at is null and deleted_at is null", spammer.id).n;
const replyCounts = () => ctx.rows<{ id: number; reply_count: number }>('select id, reply_count from threads order by id');
const cookieFor = (userId: number) => `${SESSION_COOKIE}=${createSession(ctx.db, userId, ctx.clock.now()).token}`;

/** Five threads of their own (each with three replies) and five replies in each of alice's four threads: forty posts. */
async function buildSpammer(username: string, email: string) {
  const member = await makeUser(ctx.services, { username, email, password: PASSWORD });
  const own: { threadId: number; postId: number; path: string }[] = [];
  for (let index = 0; index < 5; index++) {
    const created = await makeThread(ctx.services, member, { category: 'kettles', title: `Cheap zorblax watches ${username} ${index}`, body: `Buy zorblax now, offer ${index}.` });
    own.push({ threadId: created.threadId, postId: created.postId, path: `/t/${created.threadId}/${created.slug}` });
    for (let reply = 0; reply < 3; reply++) await makeReply(ctx.services, member, { threadId: created.threadId, body: `zorblax bump ${reply}` });
  }
  for (const thread of alicesThreads) {
    for (let reply = 0; reply < 5; reply++) await makeReply(ctx.services, member, { threadId: thread.threadId, body: `zorblax deal ${reply} for you` });
  }
  return { member, own };
}

beforeAll(async () => {
  ctx = await createModerationContext();
  scoped = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(ctx.strict.id)] }, { as: ctx.admin })).status).toBe(303);
  alicesThreads = [];
  for (let index = 0; index < 4; index++) alicesThreads.push(await ctx.publishedThread(ctx.member, `Kettle question ${index}`));
  await makeReply(ctx.services, ctx.other, { threadId: alicesThreads[0]!.threadId, body: 'A genuine answer from bob.' });
  const built = await buildSpammer('spamz', 'offers@spam-mail.example');
  spammer = built.member;
  spamThreads = built.own;
  // Hidden earlier by a manager for another reason: not this clean-up's, and undo leaves it hidden.
  earlierHiddenId = ctx.row<{ id: number }>('select id from posts where author_id = ? and number = 2 order by id limit 1', spammer.id).id;
  expect((await ctx.http.post(`/p/${earlierHiddenId}/hide`, { reason: 'Off topic' }, { as: ctx.manager })).status).toBe(303);
  // Open review items: a flag on one of their posts, a thread of theirs waiting for approval, and
  // a flag they filed on bob's genuine answer.
  flaggedItemId = await ctx.flag(ctx.member, spamThreads[2]!.postId, 'spam');
  waiting = await ctx.pendingThread(spammer, 'Zorblax grinders wholesale');
  const bobsAnswer = ctx.row<{ id: number }>('select id from posts where author_id = ? and thread_id = ?', ctx.other.id, alicesThreads[0]!.threadId).id;
  await ctx.flag(spammer, bobsAnswer, 'abuse');
  spammersFlagId = ctx.row<{ id: number }>('select id from flags where flagger_id = ?', spammer.id).id;
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

describe('who may clean up a spammer', () => {
  it('shows the form to a community-wide manager with what will happen, and the domain', async () => {
    const page = await (await ctx.http.get('/mod/users/spamz', { as: ctx.manager })).text();
    expect(page).toContain('action="/mod/users/spamz/spam-cleanup"');
    expect(page).toContain('Hides all 39 visible posts by <bdi>spamz</bdi>, including 5 threads they opened');
    expect(page).toContain('Also block new sign-ups from <bdi>@spam-mail.example</bdi>');
    expect(page).not.toContain('large free email provider');
  });

  it('is a click away from the public profile for the team, and only for them', async () => {
    expect(await (await ctx.http.get('/u/spamz', { as: ctx.manager })).text()).toContain('<a href="/mod/users/spamz">Team page: sanctions and spam clean-up</a>');
    for (const as of [undefined, ctx.member]) expect(await (await ctx.http.get('/u/spamz', as ? { as } : {})).text()).not.toContain('href="/mod/users/spamz"');
  });

  it('refuses a manager scoped to a category, with nothing changed', async () => {
    const page = await (await ctx.http.get('/mod/users/spamz', { as: scoped })).text();
    expect(page).not.toContain('action="/mod/users/spamz/spam-cleanup"');
    expect(page).toContain('only admins and managers of every category can do it');
    const response = await ctx.http.post('/mod/users/spamz/spam-cleanup', { confirm: 'yes' }, { as: scoped });
    expect(response.status).toBe(403);
    expect(visibleSpam()).toBe(39);
  });

  it('never targets staff accounts or oneself, and members get a 403', async () => {
    for (const [target, as] of [['mia', ctx.admin], ['ada', ctx.manager], ['mia', ctx.manager], ['sam', ctx.admin]] as const) {
      const response = await ctx.http.post(`/mod/users/${target}/spam-cleanup`, { confirm: 'yes' }, { as });
      expect(response.status).toBe(403);
    }
    expect(await (await ctx.http.get('/mod/users/mia', { as: ctx.admin })).text()).not.toContain('/spam-cleanup"');
    expect((await ctx.http.post('/mod/users/spamz/spam-cleanup', { confirm: 'yes' }, { as: ctx.member })).status).toBe(403);
    expect(ctx.row<{ n: number }>('select count(*) as n from spam_cleanups').n).toBe(0);
  });

  it('asks for the confirmation (422), keeping the reason and the domain choice', async () => {
    const response = await ctx.http.post('/mod/users/spamz/spam-cleanup', { reason: 'Watch adverts', blockDomain: 'yes' }, { as: ctx.manager });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('Please tick the box to confirm; this hides every post of the member at once.');
    expect(page).toContain('id="spam-reason" name="reason" maxlength="300" dir="auto" value="Watch adverts"');
    expect(page).toMatch(/name="blockDomain" value="yes" checked/);
    expect(visibleSpam()).toBe(39);
  });

  it('warns before blocking a big free-mail domain', async () => {
    await makeUser(ctx.services, { username: 'freebie', email: 'freebie@Gmail.com' });
    const page = await (await ctx.http.get('/mod/users/freebie', { as: ctx.admin })).text();
    expect(page).toContain('<bdi>@gmail.com</bdi> is a large free email provider: blocking it refuses many honest newcomers too.');
  });
});

describe('cleaning up', () => {
  let before: Counts;
  let spammerCookie: string;

  it('hides every visible post in one request, suspends until lifted and signs out everywhere', async () => {
    before = categoryCounts();
    expect(await (await ctx.http.get('/search?q=zorblax')).text()).toContain('Cheap zorblax watches');
    expect(await (await ctx.http.get('/c/kettles')).text()).toContain('Cheap zorblax watches');
    expect(before).toEqual(recount());
    spammerCookie = cookieFor(spammer.id);
    expect((await ctx.http.get('/account', { cookie: spammerCookie })).status).toBe(200);
    const response = await ctx.http.post('/mod/users/spamz/spam-cleanup', { confirm: 'yes', reason: 'Watch adverts', blockDomain: 'yes' }, { as: ctx.manager });
    expect(response.status).toBe(303);
    expect(location(response)).toBe('/mod/users/spamz?done=spam-cleanup');
    expect(visibleSpam()).toBe(0);
    const hidden = ctx.rows<{ hidden_by_id: number; hidden_reason: string }>("select hidden_by_id, hidden_reason from posts where author_id = ? and id != ? and status = 'published'", spammer.id, earlierHiddenId);
    expect(hidden).toHaveLength(39);
    expect(hidden.every((post) => post.hidden_by_id === ctx.manager.id && post.hidden_reason === 'Watch adverts')).toBe(true);
    expect(ctx.row<{ n: number }>('select count(*) as n from spam_cleanup_posts').n).toBe(39);
    expect(ctx.row<{ n: number }>('select count(*) as n from spam_cleanup_posts where post_id = ?', earlierHiddenId).n).toBe(0);
    expect(ctx.row('select suspended_until, suspend_reason, post_count from users where id = ?', spammer.id)).toEqual({ suspended_until: UNTIL_LIFTED, suspend_reason: 'Watch adverts', post_count: 0 });
    expect(ctx.row<{ n: number }>('select count(*) as n from sessions where user_id = ?', spammer.id).n).toBe(0);
    expect(ctx.row('select domain, created_by_id from blocked_email_domains')).toEqual({ domain: 'spam-mail.example', created_by_id: ctx.manager.id });
  });

  it('decides their open review items, and leaves the flags they filed for a manager', () => {
    expect(ctx.row('select status, resolution, resolved_by_id from review_items where id = ?', flaggedItemId)).toEqual({ status: 'resolved', resolution: 'hidden', resolved_by_id: ctx.manager.id });
    expect(ctx.row<{ status: string }>('select status from flags where post_id = ?', spamThreads[2]!.postId).status).toBe('resolved');
    expect(ctx.row('select status, resolution from review_items where id = ?', waiting.itemId)).toEqual({ status: 'resolved', resolution: 'rejected' });
    expect(ctx.row('select status from posts where id = ?', waiting.postId)).toEqual({ status: 'rejected' });
    expect(ctx.row('select status from flags where id = ?', spammersFlagId)).toEqual({ status: 'open' });
  });

  it('keeps the counters right', () => {
    expect(categoryCounts()).toEqual({ thread_count: before.thread_count - 5, post_count: before.post_count - 39 });
    expect(categoryCounts()).toEqual(recount());
    expect(ctx.rows<{ status: string }>(`select status from threads where id in (${spamThreads.map((thread) => thread.threadId).join(',')})`).map((thread) => thread.status)).toEqual(Array(5).fill('rejected'));
    const replies = new Map(replyCounts().map((thread) => [thread.id, thread.reply_count]));
    expect(alicesThreads.map((thread) => replies.get(thread.threadId))).toEqual([1, 0, 0, 0]);
    const latest = ctx.row<{ last_post_author_id: number }>('select last_post_author_id from threads where id = ?', alicesThreads[0]!.threadId);
    expect(latest.last_post_author_id).toBe(ctx.other.id);
  });

  it('writes one audit entry with the counts', () => {
    const entries = ctx.rows<{ action: string; actor_id: number; target_user_id: number; reason: string; details: string }>(
      "select action, actor_id, target_user_id, reason, details from mod_log where action = 'delete_spammer'",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: ctx.manager.id, target_user_id: spammer.id, reason: 'Watch adverts' });
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ posts: 39, threads: 5, blockedDomain: 'spam-mail.example', untilLifted: true });
  });

  it('takes the posts off thread pages, for visitors and members alike, and out of search', async () => {
    for (const as of [undefined, ctx.other]) {
      const page = await (await ctx.http.get(alicesThreads[0]!.path, as ? { as } : {})).text();
      expect(page).not.toContain('zorblax deal');
      expect(page).toContain('A genuine answer from bob.');
      // The threads they opened leave the lists and are not found, titles included.
      expect((await ctx.http.get(spamThreads[0]!.path, as ? { as } : {})).status).toBe(404);
      for (const path of ['/', '/c/kettles', '/latest.atom']) expect(await (await ctx.http.get(path, as ? { as } : {})).text()).not.toContain('zorblax');
    }
    const search = await (await ctx.http.get('/search?q=zorblax')).text();
    expect(search).toContain('Nothing matched “<bdi>zorblax</bdi>”.');
  });

  it('shows the member as suspended until lifted, never the sentinel year, and the clean-up with who and when', async () => {
    const page = await (await ctx.http.get('/mod/users/spamz', { as: ctx.admin })).text();
    expect(page).toContain('Suspended until lifted');
    expect(page).toContain('by <bdi>mia</bdi>: 39 posts hidden, suspended until lifted.');
    expect(page).toContain('Sign-ups from <bdi>@spam-mail.example</bdi> were blocked.');
    expect(page).toContain('action="/mod/users/spamz/spam-cleanup/undo"');
    expect(page).not.toContain('275760');
    expect(page).toContain('<bdi>mia</bdi> cleaned up a spammer: <bdi>“Watch adverts”</bdi></li>');
    expect(page).toContain('1 earlier sanction');
    const forManager = await (await ctx.http.get('/mod/users/spamz', { as: ctx.manager })).text();
    expect(forManager).not.toContain('/spam-cleanup/undo"');
    expect(forManager).toContain('Only admins can undo a clean-up, within 30 days.');
    const list = await (await ctx.http.get('/mod/users?q=spam', { as: ctx.manager })).text();
    expect(list).toContain('Suspended until lifted');
    const log = await (await ctx.http.get('/mod/log', { as: ctx.admin })).text();
    expect(log).toContain('39 posts hidden (5 threads), suspended until lifted');
  });

  it('refuses a second clean-up while this one is in force', async () => {
    const response = await ctx.http.post('/mod/users/spamz/spam-cleanup', { confirm: 'yes' }, { as: ctx.admin });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('spamz is already cleaned up and suspended; there is nothing more to hide.');
    expect(ctx.row<{ n: number }>('select count(*) as n from spam_cleanups').n).toBe(1);
  });

  it('refuses the old session and the sign-in, saying until lifted', async () => {
    expect(location(await ctx.http.get('/account', { cookie: spammerCookie }))).toMatch(/^\/login/);
    const login = await ctx.http.post('/login', { login: 'spamz', password: PASSWORD });
    expect(login.status).toBe(403);
    expect(await login.text()).toContain('Your account is suspended until a community manager lifts the suspension: “Watch adverts”');
  });
});

describe('undo', () => {
  it('is refused to managers', async () => {
    const response = await ctx.http.post('/mod/users/spamz/spam-cleanup/undo', {}, { as: ctx.manager });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Only admins can undo a spam clean-up.');
    expect(visibleSpam()).toBe(0);
  });

  it('restores exactly the posts the clean-up hid and still hides, and lifts the suspension', async () => {
    // A manager hid one of them again for another reason after the clean-up: it stays hidden.
    const rehidden = ctx.row<{ id: number }>('select post_id as id from spam_cleanup_posts order by post_id desc limit 1').id;
    expect((await ctx.http.post(`/p/${rehidden}/unhide`, {}, { as: ctx.manager })).status).toBe(303);
    ctx.clock.advance(1000);
    expect((await ctx.http.post(`/p/${rehidden}/hide`, { reason: 'Still an advert' }, { as: ctx.manager })).status).toBe(303);
    ctx.clock.advance(29 * DAY);
    const before = categoryCounts();
    const response = await ctx.http.post('/mod/users/spamz/spam-cleanup/undo', {}, { as: ctx.admin });
    expect(response.status).toBe(303);
    expect(location(response)).toBe('/mod/users/spamz?done=spam-cleanup-undone');
    expect(visibleSpam()).toBe(38);
    expect(ctx.row('select hidden_reason from posts where id = ?', earlierHiddenId)).toEqual({ hidden_reason: 'Off topic' });
    expect(ctx.row('select hidden_reason from posts where id = ?', rehidden)).toEqual({ hidden_reason: 'Still an advert' });
    expect(categoryCounts()).toEqual({ thread_count: before.thread_count + 5, post_count: before.post_count + 38 });
    expect(categoryCounts()).toEqual(recount());
    expect(await (await ctx.http.get(spamThreads[1]!.path)).text()).toContain('Buy zorblax now, offer 1.');
    expect(ctx.row('select suspended_until, post_count from users where id = ?', spammer.id)).toEqual({ suspended_until: null, post_count: 38 });
    expect(ctx.row<{ n: number }>('select count(*) as n from blocked_email_domains').n).toBe(1);
    const page = await (await ctx.http.get('/mod/users/spamz?done=spam-cleanup-undone', { as: ctx.admin })).text();
    expect(page).toContain('A blocked domain stays blocked');
    const entry = ctx.row<{ details: string }>("select details from mod_log where action = 'undo_spam_cleanup'");
    expect(JSON.parse(entry.details)).toMatchObject({ restored: 38, blockedDomain: 'spam-mail.example' });
    expect(await (await ctx.http.get(alicesThreads[1]!.path)).text()).toContain('zorblax deal');
  });

  it('is refused after 30 days with a clear message', async () => {
    const { member } = await buildSpammer('spamy', 'deals@other-spam.example');
    expect((await ctx.http.post('/mod/users/spamy/spam-cleanup', { confirm: 'yes' }, { as: ctx.admin })).status).toBe(303);
    expect(ctx.row('select hidden_reason from posts where author_id = ? limit 1', member.id)).toEqual({ hidden_reason: 'Spam' });
    ctx.clock.advance(30 * DAY + 1);
    const page = await (await ctx.http.get('/mod/users/spamy', { as: ctx.admin })).text();
    expect(page).toContain('The 30 days to undo this clean-up have passed.');
    expect(page).not.toContain('/spam-cleanup/undo"');
    const response = await ctx.http.post('/mod/users/spamy/spam-cleanup/undo', {}, { as: ctx.admin });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('This clean-up is more than 30 days old and can no longer be undone at once.');
    expect(ctx.row<{ n: number }>('select count(*) as n from posts where author_id = ? and hidden_at is null', member.id).n).toBe(0);
  });
});
