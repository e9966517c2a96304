import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordModAction } from '../../src/moderation/audit.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const logCount = () => ctx.row<{ n: number }>('select count(*) as n from mod_log').n;

describe('who may read the log', () => {
  it('sends anonymous visitors to log in and refuses members', async () => {
    expect(location(await ctx.http.get('/mod/log'))).toBe('/login?next=%2Fmod%2Flog');
    expect((await ctx.http.get('/mod/log', { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.get('/mod/log', { as: ctx.manager })).status).toBe(200);
  });

  it('offers no way to change or delete entries', async () => {
    recordModAction(ctx.db, { actorId: ctx.manager.id, action: 'pin', at: ctx.clock.now() });
    const before = logCount();
    for (const path of ['/mod/log', '/mod/log/1', '/mod/log/1/delete', '/mod/log/1/edit']) {
      expect((await ctx.http.post(path, {}, { as: ctx.admin })).status).toBe(404);
    }
    expect(logCount()).toBe(before);
  });
});

describe('entries', () => {
  it('records every action with its actor, target and reason, shown in plain words with links', async () => {
    const waiting = await ctx.pendingThread(ctx.carol, 'Log test: waiting thread');
    await ctx.http.post(`/mod/queue/${waiting.itemId}/reject`, { reason: 'Off-topic for this community' }, { as: ctx.manager });
    const published = await ctx.publishedThread(ctx.dave, 'Log test: flagged thread');
    const flagItem = await ctx.flag(ctx.other, published.postId, 'abuse');
    await ctx.http.post(`/mod/queue/${flagItem}/hide`, { reason: 'Insulting' }, { as: ctx.manager });
    await ctx.http.post('/mod/users/dave/silence', { days: '5', reason: 'Insults' }, { as: ctx.manager });
    await ctx.http.post('/admin/watched-words', { word: 'Casino', action: 'block' }, { as: ctx.admin });
    await ctx.http.post('/mod/users/carol/role', { role: 'manager' }, { as: ctx.admin });
    const actions = ctx.rows<{ action: string; actor_id: number | null; target_user_id: number | null; target_post_id: number | null; reason: string | null }>(
      'select action, actor_id, target_user_id, target_post_id, reason from mod_log order by id desc limit 5',
    );
    expect(actions).toEqual([
      { action: 'role_change', actor_id: ctx.admin.id, target_user_id: ctx.carol.id, target_post_id: null, reason: null },
      { action: 'watched_word_add', actor_id: ctx.admin.id, target_user_id: null, target_post_id: null, reason: null },
      { action: 'silence', actor_id: ctx.manager.id, target_user_id: ctx.dave.id, target_post_id: null, reason: 'Insults' },
      { action: 'hide', actor_id: ctx.manager.id, target_user_id: ctx.dave.id, target_post_id: published.postId, reason: 'Insulting' },
      { action: 'reject', actor_id: ctx.manager.id, target_user_id: ctx.carol.id, target_post_id: waiting.postId, reason: 'Off-topic for this community' },
    ]);
    const page = await (await ctx.http.get('/mod/log', { as: ctx.manager })).text();
    expect(page.indexOf('changed a role</td>')).toBeLessThan(page.indexOf('rejected a post</td>'));
    expect(page).toContain('Member <span class="direction-arrow" aria-hidden="true">→</span> Community manager');
    expect(page).toContain('<bdi>“casino”</bdi> (block)');
    expect(page).toContain('silenced a member');
    expect(page).toContain('“Insults”');
    expect(page).toContain(`href="/p/${published.postId}">post #1</a>`);
    expect(page).toContain(`href="/t/${published.threadId}/${published.slug}">Log test: flagged thread</a>`);
    expect(page).toContain('href="/u/dave">dave</a>');
    expect(page).toContain('href="/u/mia">mia</a>');
  });

  it('filters by actor, action and target member', async () => {
    const byAdmin = await (await ctx.http.get('/mod/log?actor=ada', { as: ctx.manager })).text();
    expect(byAdmin).toContain('changed a role');
    expect(byAdmin).not.toContain('rejected a post</td>');
    const silences = await (await ctx.http.get('/mod/log?action=silence', { as: ctx.manager })).text();
    expect(silences).toContain('silenced a member</td>');
    expect(silences).not.toContain('hid a post</td>');
    expect(silences).toContain('<option value="silence" selected>');
    const aboutCarol = await (await ctx.http.get('/mod/log?target=carol', { as: ctx.manager })).text();
    expect(aboutCarol).toContain('rejected a post</td>');
    expect(aboutCarol).toContain('changed a role</td>');
    expect(aboutCarol).not.toContain('silenced a member</td>');
    expect(await (await ctx.http.get('/mod/log?actor=nobody-by-that-name', { as: ctx.manager })).text()).toContain('No actions match these filters.');
    expect((await ctx.http.get('/mod/log?action=bogus&before=x', { as: ctx.manager })).status).toBe(200);
  });

  it('pages newest first by cursor', async () => {
    for (let i = 0; i < 60; i++) recordModAction(ctx.db, { actorId: ctx.manager.id, action: 'lock', reason: `paging ${i}`, at: ctx.clock.now() });
    const first = await (await ctx.http.get('/mod/log?action=lock', { as: ctx.manager })).text();
    expect(first).toContain('“paging 59”');
    expect(first).toContain('“paging 10”');
    expect(first).not.toContain('“paging 9”');
    const next = first.match(/href="\/mod\/log\?action=lock&amp;before=(\d+)"/);
    expect(next).not.toBeNull();
    const second = await (await ctx.http.get(`/mod/log?action=lock&before=${next![1]}`, { as: ctx.manager })).text();
    expect(second).toContain('“paging 9”');
    expect(second).toContain('“paging 0”');
    expect(second).not.toContain('“paging 10”');
    expect(second).toContain('<span class="direction-arrow" aria-hidden="true">←</span> Newest');
  });
});
