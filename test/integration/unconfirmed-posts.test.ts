import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueUserToken } from '../../src/auth/user-tokens.js';
import { makeUser } from '../../src/demo/factories.js';
import { sessionCookieFrom } from '../helpers/app.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// A member who has not confirmed their address may write, but their posts wait for the
// confirmation: seen by them alone (staff included in "everyone else"), with no review item, and
// decided like a new post when the confirmation link is used.

let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

async function signUp(username: string) {
  const response = await ctx.http.post('/signup', { username, email: `${username}@example.com`, password: 'a long enough passphrase' });
  expect(response.status).toBe(303);
  const user = ctx.row<{ id: number; email_verified_at: number | null }>('select id, email_verified_at from users where username = ?', username);
  expect(user.email_verified_at).toBeNull();
  return { id: user.id, username, cookie: sessionCookieFrom(response)! };
}

/** Follows the mailed link as the member would: the POST on /verify-email acts on it. */
async function confirm(member: { id: number; username: string }) {
  const token = issueUserToken(ctx.db, { userId: member.id, email: `${member.username}@example.com`, purpose: 'verify_email', now: ctx.clock.now() });
  expect(location(await ctx.http.post('/verify-email', { token }))).toBe('/verify-email/done');
}

const post = (id: number) => ctx.row<{ status: string; number: number | null }>('select status, number from posts where id = ?', id);
const items = (postId: number) => ctx.rows<{ kind: string; status: string }>('select kind, status from review_items where post_id = ?', postId);
const newestPostBy = (userId: number) => ctx.row<{ id: number }>('select id from posts where author_id = ? order by id desc limit 1', userId).id;

describe('unconfirmed members’ posts wait', () => {
  it('keeps a reply to the author alone, with a notice, until the address is confirmed; then it is public', async () => {
    const thread = await ctx.publishedThread(ctx.other, 'Which descaler do you use?');
    const newcomer = await signUp('newcomer');
    const replied = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Citric acid works for me, zephyrword.' }, { cookie: newcomer.cookie });
    expect(location(replied)).toMatch(/#post-pending-\d+$/);
    const postId = newestPostBy(newcomer.id);
    expect(post(postId)).toEqual({ status: 'pending', number: null });
    expect(items(postId)).toEqual([]);

    const own = await (await ctx.http.get(thread.path, { cookie: newcomer.cookie })).text();
    expect(own).toContain('Citric acid works for me');
    expect(own).toContain('Confirm your address to publish this post');
    expect(own).toContain('we sent a link to newcomer@example.com');
    expect(own).toContain('action="/account/email/verify"');
    expect(own).toContain('Waiting for you to confirm your email address.');

    // Nobody else sees it: visitors, members, the community team; pages, permalink, profile, search, API, queue.
    for (const as of [undefined, ctx.member, ctx.manager, ctx.admin]) {
      const options = as ? { as } : {};
      expect(await (await ctx.http.get(thread.path, options)).text(), as?.username).not.toContain('Citric acid');
      expect((await ctx.http.get(`/p/${postId}`, options)).status, as?.username).toBe(404);
      expect(await (await ctx.http.get('/u/newcomer', options)).text(), as?.username).not.toContain('Citric acid');
      expect(await (await ctx.http.get('/search?q=zephyrword', options)).text(), as?.username).not.toContain('Citric acid');
    }
    expect(JSON.stringify(await (await ctx.http.get(`/api/v1/threads/${thread.threadId}`)).json())).not.toContain('Citric acid');
    expect(await (await ctx.http.get('/mod/queue', { as: ctx.admin })).text()).not.toContain('Citric acid');
    expect(ctx.row('select reply_count from threads where id = ?', thread.threadId)).toEqual({ reply_count: 0 });

    await confirm(newcomer);
    expect(post(postId)).toEqual({ status: 'published', number: 2 });
    expect(items(postId)).toEqual([]);
    expect(ctx.row('select reply_count from threads where id = ?', thread.threadId)).toEqual({ reply_count: 1 });
    expect(await (await ctx.http.get(thread.path)).text()).toContain('Citric acid works for me');
    expect(ctx.row('select count(*) as n from notifications where user_id = ? and post_id = ?', ctx.other.id, postId)).toEqual({ n: 1 });
    const after = await (await ctx.http.get(thread.path, { cookie: newcomer.cookie })).text();
    expect(after).not.toContain('Confirm your address to publish this post');
  });

  it('a new thread in a category where everyone waits goes to the review queue only once confirmed', async () => {
    const newcomer = await signUp('grindfan');
    const started = await ctx.http.post('/t', { category: 'grinders', title: 'Flat or conical burrs?', body: 'Asking before I buy one.' }, { cookie: newcomer.cookie });
    const path = location(started);
    const postId = newestPostBy(newcomer.id);
    expect(post(postId)).toEqual({ status: 'pending', number: 1 });
    expect(items(postId)).toEqual([]);
    const own = await (await ctx.http.get(path, { cookie: newcomer.cookie })).text();
    expect(own).toContain('Confirm your address to publish this post');
    expect((await ctx.http.get(path, { as: ctx.manager })).status).toBe(404);
    expect((await ctx.http.get(path)).status).toBe(404);

    await confirm(newcomer);
    expect(post(postId)).toEqual({ status: 'pending', number: 1 });
    expect(items(postId)).toEqual([{ kind: 'approval', status: 'open' }]);
    expect(await (await ctx.http.get('/mod/queue', { as: ctx.manager })).text()).toContain('Flat or conical burrs?');
    expect((await ctx.http.get(path, { as: ctx.manager })).status).toBe(200);
    expect((await ctx.http.get(path)).status).toBe(404);
    const own2 = await (await ctx.http.get(path, { cookie: newcomer.cookie })).text();
    expect(own2).toContain('This thread is awaiting approval.');
  });

  it('a password reset proves the address too, and publishes what waited', async () => {
    const thread = await ctx.publishedThread(ctx.other, 'Kettle base wobbles');
    const forgetful = await signUp('forgetful');
    expect((await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Mine too; a felt pad fixed it.' }, { cookie: forgetful.cookie })).status).toBe(303);
    const postId = newestPostBy(forgetful.id);
    expect(post(postId).status).toBe('pending');
    const token = issueUserToken(ctx.db, { userId: forgetful.id, email: 'forgetful@example.com', purpose: 'reset_password', now: ctx.clock.now() });
    const reset = await ctx.http.post('/password/reset', { token, password: 'another long passphrase', confirm: 'another long passphrase' });
    expect(reset.status).toBe(303);
    expect(post(postId)).toEqual({ status: 'published', number: 2 });
    expect(await (await ctx.http.get(thread.path)).text()).toContain('a felt pad fixed it');
  });

  it('does not hold staff who have not confirmed an address', async () => {
    const manager = await makeUser(ctx.services, { username: 'newstaff', role: 'manager', verified: false });
    const thread = await ctx.publishedThread(ctx.other, 'Kettle lid will not close');
    expect((await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'We are sending you a new hinge.' }, { as: manager })).status).toBe(303);
    expect(post(newestPostBy(manager.id)).status).toBe('published');
  });
});
