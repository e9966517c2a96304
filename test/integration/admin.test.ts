import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const lastLog = () => ctx.row<{ actor_id: number | null; action: string; category_id: number | null; details: string | null }>(
  'select actor_id, action, category_id, details from mod_log order by id desc limit 1',
);

describe('who may configure', () => {
  it('sends anonymous visitors to log in and refuses members and managers', async () => {
    for (const path of ['/admin/watched-words', '/admin/categories']) {
      expect(location(await ctx.http.get(path))).toBe(`/login?next=${encodeURIComponent(path)}`);
      expect((await ctx.http.get(path, { as: ctx.member })).status).toBe(403);
      expect((await ctx.http.get(path, { as: ctx.manager })).status).toBe(403);
      expect((await ctx.http.get(path, { as: ctx.admin })).status).toBe(200);
    }
    const posts: [string, Record<string, string>][] = [
      ['/admin/watched-words', { word: 'casino', action: 'block' }],
      ['/admin/watched-words/1/remove', {}],
      [`/admin/categories/${ctx.strict.id}`, { kind: 'questions', moderation: 'open' }],
      ['/admin/categories', { name: 'Milk Frothers', kind: 'discussion', moderation: 'open', targetValue: '4', targetUnit: 'hours' }],
    ];
    for (const [path, form] of posts) {
      expect(location(await ctx.http.post(path, form))).toBe('/login?next=%2Fmod');
      expect((await ctx.http.post(path, form, { as: ctx.member })).status).toBe(403);
      expect((await ctx.http.post(path, form, { as: ctx.manager })).status).toBe(403);
    }
    expect(ctx.rows('select * from watched_words')).toEqual([]);
    expect(ctx.row('select kind, moderation from categories where id = ?', ctx.strict.id)).toEqual({ kind: 'discussion', moderation: 'all' });
  });

  it('shows the admin pages on the team’s start page to admins only', async () => {
    const admin = await (await ctx.http.get('/mod', { as: ctx.admin })).text();
    for (const href of ['/mod/queue', '/mod/users', '/mod/log', '/admin', '/admin/watched-words', '/admin/categories', '/admin/flags', '/admin/embedding', '/admin/appearance']) expect(admin).toContain(`href="${href}"`);
    const manager = await (await ctx.http.get('/mod', { as: ctx.manager })).text();
    expect(manager).toContain('href="/mod/queue"');
    expect(manager).not.toContain('href="/admin/watched-words"');
    expect(manager).not.toContain('href="/admin/embedding"');
    expect(manager).not.toContain('href="/admin/flags"');
    expect(manager).not.toContain('href="/admin"');
  });
});

describe('watched words', () => {
  it('stores the folded form, audits it, and holds posts that contain a "queue" word', async () => {
    const response = await ctx.http.post('/admin/watched-words', { word: '  Crypto   BÓNUS ', action: 'queue' }, { as: ctx.admin });
    expect(location(response)).toBe('/admin/watched-words?done=added');
    expect(ctx.row('select word, action, created_by_id from watched_words')).toEqual({ word: 'crypto bonus', action: 'queue', created_by_id: ctx.admin.id });
    expect(lastLog()).toMatchObject({ actor_id: ctx.admin.id, action: 'watched_word_add', details: JSON.stringify({ word: 'crypto bonus', action: 'queue' }) });
    const page = await (await ctx.http.get('/admin/watched-words?done=added', { as: ctx.admin })).text();
    expect(page).toContain('<td dir="auto">crypto bonus</td>');
    expect(page).toContain('Added. Posts written from now on are checked for it.');
    const posted = await ctx.http.post('/t', { category: 'kettles', title: 'Free stuff for everyone', body: 'Get your Crypto Bonus today' }, { as: ctx.member });
    const threadId = Number(location(posted).split('/')[2]);
    expect(ctx.row('select status from threads where id = ?', threadId)).toEqual({ status: 'pending' });
  });

  it('re-shows the form (422) with the text kept for an empty, duplicate or action-less word', async () => {
    const empty = await ctx.http.post('/admin/watched-words', { word: ' ', action: 'block' }, { as: ctx.admin });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Please enter a word or phrase to watch for.');
    const duplicate = await ctx.http.post('/admin/watched-words', { word: 'CRYPTO bonus', action: 'censor' }, { as: ctx.admin });
    expect(duplicate.status).toBe(422);
    const text = await duplicate.text();
    expect(text).toContain('“crypto bonus” is already on the list (it does: queue).');
    expect(text).toContain('value="CRYPTO bonus"');
    expect(text).toContain('value="censor" checked');
    const noAction = await ctx.http.post('/admin/watched-words', { word: 'lottery', action: 'explode' }, { as: ctx.admin });
    expect(noAction.status).toBe(422);
    expect(await noAction.text()).toContain('Please choose what happens to posts that contain it');
    expect(ctx.row<{ n: number }>('select count(*) as n from watched_words').n).toBe(1);
  });

  it('removes a word, audited; an unknown one is a 404', async () => {
    const id = ctx.row<{ id: number }>('select id from watched_words').id;
    expect(location(await ctx.http.post(`/admin/watched-words/${id}/remove`, {}, { as: ctx.admin }))).toBe('/admin/watched-words?done=removed');
    expect(ctx.rows('select * from watched_words')).toEqual([]);
    expect(lastLog()).toMatchObject({ actor_id: ctx.admin.id, action: 'watched_word_remove', details: JSON.stringify({ word: 'crypto bonus', action: 'queue' }) });
    expect((await ctx.http.post(`/admin/watched-words/${id}/remove`, {}, { as: ctx.admin })).status).toBe(404);
  });
});

describe('category settings', () => {
  it('changes the moderation mode and kind, audited with before and after, and posting follows it', async () => {
    const kettles = ctx.row<{ id: number }>("select id from categories where slug = 'kettles'").id;
    const response = await ctx.http.post(`/admin/categories/${kettles}`, { kind: 'questions', moderation: 'all' }, { as: ctx.admin });
    expect(location(response)).toBe('/admin/categories?done=saved');
    expect(ctx.row('select kind, moderation from categories where id = ?', kettles)).toEqual({ kind: 'questions', moderation: 'all' });
    expect(lastLog()).toMatchObject({
      actor_id: ctx.admin.id,
      action: 'category_settings',
      category_id: kettles,
      details: JSON.stringify({ from: { kind: 'discussion', moderation: 'open' }, to: { kind: 'questions', moderation: 'all' } }),
    });
    const page = await (await ctx.http.get('/admin/categories', { as: ctx.admin })).text();
    expect(page).toMatch(new RegExp(`id="category-${kettles}-moderation" name="moderation"><option value="open">[^]*?<option value="all" selected>`));
    const posted = await ctx.http.post('/t', { category: 'kettles', title: 'Does descaling void the warranty?', body: 'Asking before I try.' }, { as: ctx.other });
    expect(ctx.row('select status from threads where id = ?', Number(location(posted).split('/')[2]))).toEqual({ status: 'pending' });
    // Saving without a change writes nothing to the log.
    const count = ctx.row<{ n: number }>('select count(*) as n from mod_log').n;
    await ctx.http.post(`/admin/categories/${kettles}`, { kind: 'questions', moderation: 'all' }, { as: ctx.admin });
    expect(ctx.row<{ n: number }>('select count(*) as n from mod_log').n).toBe(count);
  });

  it('refuses unknown values (422) and unknown categories (404)', async () => {
    const invalid = await ctx.http.post(`/admin/categories/${ctx.strict.id}`, { kind: 'poll', moderation: 'sometimes' }, { as: ctx.admin });
    expect(invalid.status).toBe(422);
    const text = await invalid.text();
    expect(text).toContain('Please choose discussion or questions.');
    expect(text).toContain('Please choose who must wait for approval');
    expect(ctx.row('select kind, moderation from categories where id = ?', ctx.strict.id)).toEqual({ kind: 'discussion', moderation: 'all' });
    expect((await ctx.http.post('/admin/categories/99999', { kind: 'questions', moderation: 'open' }, { as: ctx.admin })).status).toBe(404);
  });

  it('adds a category from the form with its target reply time, audited, and on the home page', async () => {
    const response = await ctx.http.post(
      '/admin/categories',
      { name: 'Milk Frothers', slug: '', description: 'Foam, cleaning, the whisk.', kind: 'questions', moderation: 'new-members', targetValue: '4', targetUnit: 'hours' },
      { as: ctx.admin },
    );
    expect(location(response)).toBe('/admin/categories?done=created');
    const created = ctx.row<{ id: number; slug: string; kind: string; target_reply_minutes: number }>("select id, slug, kind, target_reply_minutes from categories where name = 'Milk Frothers'");
    expect(created).toMatchObject({ slug: 'milk-frothers', kind: 'questions', target_reply_minutes: 240 });
    expect(lastLog()).toMatchObject({ actor_id: ctx.admin.id, action: 'category_create', category_id: created.id });
    expect(JSON.parse(lastLog().details!)).toEqual({ name: 'Milk Frothers', slug: 'milk-frothers', kind: 'questions', moderation: 'new-members', targetReplyMinutes: 240 });
    expect(await (await ctx.http.get('/')).text()).toContain('Milk Frothers');
  });

  it('re-shows the new-category form (422) with every value kept when something needs fixing', async () => {
    const typed = { name: 'Scales & Timers', slug: 'smart-kettles', description: 'Weighing coffee.', kind: 'questions', moderation: 'all', targetValue: '45', targetUnit: 'days' };
    const response = await ctx.http.post('/admin/categories', { ...typed, slug: 'kettles' }, { as: ctx.admin });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain('The slug &quot;kettles&quot; is already used by another category.');
    expect(text).toContain('The target reply time must be between 1 minute and 30 days.');
    expect(text).toContain('value="Scales &amp; Timers"');
    expect(text).toContain('value="Weighing coffee."');
    expect(text).toContain('id="new-category-target" name="targetValue" inputmode="numeric" size="6" maxlength="6" required value="45"');
    expect(text).toMatch(/id="new-category-target-unit"[^]*?<option value="days" selected>/);
    expect(text).toMatch(/id="new-category-kind" name="kind"><option value="discussion">[^]*?<option value="questions" selected>/);
    expect(ctx.row<{ n: number }>("select count(*) as n from categories where name = 'Scales & Timers'").n).toBe(0);
  });
});
