import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// Whose flags hide a post: only members with a confirmed address whose accounts were a day old
// when they flagged (settings on /admin/flags); staff posts are never hidden by flags.

const DAY = 24 * 60 * 60 * 1000;
let ctx: ModerationContext;
let count = 0;

beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

/** Three new accounts, confirmed or not. */
async function threeMembers(verified: boolean): Promise<SignedIn[]> {
  return Promise.all([1, 2, 3].map(() => makeUser(ctx.services, { username: `flagger${++count}`, verified })));
}

const hidden = (postId: number) => ctx.row<{ hidden_at: number | null }>('select hidden_at from posts where id = ?', postId).hidden_at !== null;
const openItem = (postId: number) => ctx.row<{ id: number } | undefined>("select id from review_items where post_id = ? and kind = 'flag' and status = 'open'", postId);

async function flagByAll(flaggers: SignedIn[], postId: number) {
  for (const flagger of flaggers) await ctx.flag(flagger, postId, 'spam');
}

describe('flags that can hide a post', () => {
  it('three accounts less than a day old do not hide a post; the queue shows their flags as not counting', async () => {
    const { postId, path } = await ctx.publishedThread(ctx.member, 'Descaling every week');
    await flagByAll(await threeMembers(true), postId);
    expect(hidden(postId)).toBe(false);
    expect(await (await ctx.http.get(path)).text()).toContain('My kettle clicks off');
    const item = openItem(postId)!;
    const queue = await (await ctx.http.get('/mod/queue?kind=flag', { as: ctx.manager })).text();
    const shown = queue.slice(queue.indexOf(`id="item-${item.id}"`));
    expect(shown).toContain('3 open flags');
    expect(shown.split('</article>')[0]!.match(/does not count toward the automatic hide/g)).toHaveLength(3);
  });

  it('three old accounts that never confirmed their address do not hide a post', async () => {
    const flaggers = await threeMembers(false);
    ctx.clock.advance(2 * DAY);
    const { postId } = await ctx.publishedThread(ctx.member, 'Limescale in the spout');
    await flagByAll(flaggers, postId);
    expect(hidden(postId)).toBe(false);
    expect(openItem(postId)).toBeDefined();
  });

  it('three confirmed members whose accounts are a day old hide it until a manager looks', async () => {
    const flaggers = await threeMembers(true);
    ctx.clock.advance(DAY);
    const { postId, path } = await ctx.publishedThread(ctx.member, 'Kettle whistles at night');
    await flagByAll(flaggers.slice(0, 2), postId);
    expect(hidden(postId)).toBe(false);
    await ctx.flag(flaggers[2]!, postId, 'spam');
    expect(hidden(postId)).toBe(true);
    expect(await (await ctx.http.get(path)).text()).toContain('This post is hidden pending review.');
    const queue = await (await ctx.http.get('/mod/queue?kind=flag', { as: ctx.manager })).text();
    const shown = queue.slice(queue.indexOf(`id="item-${openItem(postId)!.id}"`)).split('</article>')[0]!;
    expect(shown).not.toContain('does not count toward the automatic hide');
  });

  it('never hides a staff post; its item comes first in the queue, oldest or newest first', async () => {
    const flaggers = await threeMembers(true);
    ctx.clock.advance(DAY);
    const memberPost = await ctx.publishedThread(ctx.member, 'An older flagged member post');
    await ctx.flag(flaggers[0]!, memberPost.postId, 'spam');
    ctx.clock.advance(60_000);
    const staffPost = await ctx.publishedThread(ctx.manager, 'Official: firmware 2.1 is out');
    await flagByAll(flaggers, staffPost.postId);
    expect(hidden(staffPost.postId)).toBe(false);
    expect(await (await ctx.http.get(staffPost.path)).text()).toContain('My kettle clicks off');
    const staffItem = openItem(staffPost.postId)!.id;
    for (const order of ['oldest', 'newest']) {
      const queue = await (await ctx.http.get(`/mod/queue?order=${order}`, { as: ctx.admin })).text();
      const first = queue.match(/<article class="review-item" id="item-(\d+)"/);
      expect(Number(first![1]), order).toBe(staffItem);
    }
    expect(await (await ctx.http.get('/mod/queue', { as: ctx.manager })).text()).toContain('flags never hide it automatically');
  });
});

describe('flag settings on /admin/flags', () => {
  it('is for admins only', async () => {
    expect(location(await ctx.http.get('/admin/flags'))).toMatch(/^\/login\?next=/);
    expect((await ctx.http.get('/admin/flags', { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.get('/admin/flags', { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post('/admin/flags', { threshold: '1', minAccountAgeHours: '0' }, { as: ctx.manager })).status).toBe(403);
    expect(ctx.row('select count(*) as n from settings where key like ?', 'flag_%')).toEqual({ n: 0 });
  });

  it('shows the defaults and refuses bad values with 422, keeping what was typed', async () => {
    const page = await (await ctx.http.get('/admin/flags', { as: ctx.admin })).text();
    expect(page).toContain('name="threshold" type="text" value="3"');
    expect(page).toContain('name="minAccountAgeHours" type="text" value="24"');
    expect(page).toMatch(/name="requiresConfirmed" value="on" checked/);
    const bad = await ctx.http.post('/admin/flags', { threshold: '0', minAccountAgeHours: 'a day', requiresConfirmed: 'on' }, { as: ctx.admin });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Please enter the number of flags that hide a post from 1 to 100.');
    expect(text).toContain('Please enter the account age in hours as a whole number from 0 to 8760.');
    expect(text).toContain('value="a day"');
    expect((await ctx.http.post('/admin/flags', { threshold: '101', minAccountAgeHours: '-1' }, { as: ctx.admin })).status).toBe(422);
    expect(ctx.row('select count(*) as n from settings where key like ?', 'flag_%')).toEqual({ n: 0 });
  });

  it('takes effect at once: with no age and no confirmation required, two fresh accounts hide a post', async () => {
    const saved = await ctx.http.post('/admin/flags', { threshold: '2', minAccountAgeHours: '0' }, { as: ctx.admin });
    expect(location(saved)).toBe('/admin/flags?done=flags-saved');
    const page = await (await ctx.http.get('/admin/flags?done=flags-saved', { as: ctx.admin })).text();
    expect(page).toContain('value="2"');
    expect(page).not.toMatch(/name="requiresConfirmed" value="on" checked/);
    expect(ctx.row<{ action: string; actor_id: number }>('select action, actor_id from mod_log order by id desc limit 1')).toEqual({ action: 'flag_settings', actor_id: ctx.admin.id });
    const { postId } = await ctx.publishedThread(ctx.member, 'Two flags are enough now');
    await flagByAll((await threeMembers(false)).slice(0, 2), postId);
    expect(hidden(postId)).toBe(true);
    // Back to the defaults: the same kind of accounts no longer count.
    expect((await ctx.http.post('/admin/flags', { threshold: '3', minAccountAgeHours: '24', requiresConfirmed: 'on' }, { as: ctx.admin })).status).toBe(303);
    const next = await ctx.publishedThread(ctx.member, 'Three fresh flags again');
    await flagByAll(await threeMembers(false), next.postId);
    expect(hidden(next.postId)).toBe(false);
  });
});
