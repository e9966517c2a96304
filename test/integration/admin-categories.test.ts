import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
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
const homeOrder = async () => [...(await (await ctx.http.get('/')).text()).matchAll(/<h2><a dir="auto" href="\/c\/([a-z0-9-]+)"/g)].map((match) => match[1]);
const settings = (id: number, values: Record<string, string>) => ({ kind: 'discussion', moderation: 'open', targetValue: '24', targetUnit: 'hours', ...values, id: String(id) });

describe('who may change categories', () => {
  it('sends visitors to log in and refuses members and managers for every category form', async () => {
    const id = ctx.category.id;
    const posts: [string, Record<string, string>][] = [
      [`/admin/categories/${id}`, { name: 'Taken over', kind: 'discussion', moderation: 'open' }],
      [`/admin/categories/${id}/move`, { direction: 'down' }],
      [`/admin/categories/${id}/archive`, {}],
      [`/admin/categories/${id}/unarchive`, {}],
    ];
    for (const [path, form] of posts) {
      expect(location(await ctx.http.post(path, form))).toBe('/login?next=%2Fmod');
      expect((await ctx.http.post(path, form, { as: ctx.member })).status).toBe(403);
      expect((await ctx.http.post(path, form, { as: ctx.manager })).status).toBe(403);
    }
    expect(ctx.row('select name, archived_at from categories where id = ?', id)).toEqual({ name: 'Smart Kettles', archived_at: null });
  });
});

describe('renaming and describing', () => {
  it('renames and describes a category, keeps its slug, audits the change and shows it at once on cached pages', async () => {
    const category = makeCategory(ctx.services, { name: 'Descalers', slug: 'descalers' });
    await ctx.http.get('/');
    expect(await (await ctx.http.get('/c/descalers')).text()).toContain('Descalers');
    const response = await ctx.http.post(`/admin/categories/${category.id}`, settings(category.id, { name: 'Descaling kits', description: 'Tablets, liquids and schedules.' }), { as: ctx.admin });
    expect(location(response)).toBe('/admin/categories?done=saved');
    expect(ctx.row('select name, slug, description from categories where id = ?', category.id)).toEqual({ name: 'Descaling kits', slug: 'descalers', description: 'Tablets, liquids and schedules.' });
    expect(lastLog()).toMatchObject({ actor_id: ctx.admin.id, action: 'category_settings', category_id: category.id });
    expect(JSON.parse(lastLog().details!)).toMatchObject({ from: { name: 'Descalers', description: '' }, to: { name: 'Descaling kits', description: 'Tablets, liquids and schedules.' } });
    expect(await (await ctx.http.get('/')).text()).toContain('Descaling kits');
    const page = await (await ctx.http.get('/c/descalers')).text();
    expect(page).toContain('Descaling kits');
    expect(page).toContain('Tablets, liquids and schedules.');
  });

  it('re-shows the form (422) with the typed values for a name too short or a description too long', async () => {
    const id = ctx.category.id;
    const response = await ctx.http.post(`/admin/categories/${id}`, settings(id, { name: 'K', description: 'x'.repeat(501) }), { as: ctx.admin });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain('A category name needs 2–60 characters.');
    expect(text).toContain('value="K"');
    expect(text).toContain('500');
    expect(ctx.row('select name from categories where id = ?', id)).toEqual({ name: 'Smart Kettles' });
  });

  it('forgets accepted answers when a questions category becomes a discussion one', async () => {
    const category = makeCategory(ctx.services, { name: 'Warranty questions', slug: 'warranty', kind: 'questions' });
    const thread = await makeThread(ctx.services, ctx.member, { category: 'warranty', title: 'Is descaling covered?', body: 'Asking before I send it in.' });
    const reply = await makeReply(ctx.services, ctx.manager, { threadId: thread.threadId, body: 'Yes, for two years.' });
    expect((await ctx.http.post(`/p/${reply.postId}/accept`, {}, { as: ctx.member })).status).toBe(303);
    expect(ctx.row('select solved_post_id from threads where id = ?', thread.threadId)).toEqual({ solved_post_id: reply.postId });
    await ctx.http.post(`/admin/categories/${category.id}`, settings(category.id, { name: 'Warranty questions', kind: 'discussion' }), { as: ctx.admin });
    expect(ctx.row('select solved_post_id from threads where id = ?', thread.threadId)).toEqual({ solved_post_id: null });
  });
});

describe('reordering', () => {
  it('moves a category up and down with plain forms, audits it, and the cached home page follows at once', async () => {
    const before = await homeOrder();
    const second = ctx.row<{ id: number; slug: string }>('select id, slug from categories order by position, id limit 1 offset 1');
    expect(before[1]).toBe(second.slug);
    expect(location(await ctx.http.post(`/admin/categories/${second.id}/move`, { direction: 'up' }, { as: ctx.admin }))).toBe('/admin/categories?done=moved');
    const after = await homeOrder();
    expect(after.slice(0, 2)).toEqual([before[1], before[0]]);
    expect(lastLog()).toMatchObject({ action: 'category_move', category_id: second.id });
    await ctx.http.post(`/admin/categories/${second.id}/move`, { direction: 'down' }, { as: ctx.admin });
    expect(await homeOrder()).toEqual(before);
  });

  it('refuses a direction other than up or down', async () => {
    const response = await ctx.http.post(`/admin/categories/${ctx.category.id}/move`, { direction: 'sideways' }, { as: ctx.admin });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Please move the category up or down.');
  });
});

describe('archiving', () => {
  it('hides an archived category from the home page and the composer, keeps its threads readable and read-only for members', async () => {
    const category = makeCategory(ctx.services, { name: 'Old kettles', slug: 'old-kettles' });
    const thread = await makeThread(ctx.services, ctx.member, { category: 'old-kettles', title: 'The 2019 model hums', body: 'Is that normal?' });
    const path = `/t/${thread.threadId}/${thread.slug}`;
    expect(await (await ctx.http.get('/')).text()).toContain('Old kettles');
    expect(await (await ctx.http.get(path)).text()).toContain('Log in');

    expect(location(await ctx.http.post(`/admin/categories/${category.id}/archive`, {}, { as: ctx.admin }))).toBe('/admin/categories?done=archived');
    expect(lastLog()).toMatchObject({ actor_id: ctx.admin.id, action: 'category_archive', category_id: category.id });
    expect(await (await ctx.http.get('/')).text()).not.toContain('Old kettles');
    expect(await (await ctx.http.get('/new', { as: ctx.member })).text()).not.toContain('value="old-kettles"');

    const anonymous = await ctx.http.get(path);
    expect(anonymous.status).toBe(200);
    const anonymousText = await anonymous.text();
    expect(anonymousText).toContain('The 2019 model hums');
    expect(anonymousText).toContain('This thread is in an archived category, so it takes no new replies.');
    const categoryPage = await (await ctx.http.get('/c/old-kettles')).text();
    expect(categoryPage).toContain('This category is archived');
    expect(categoryPage).not.toContain('href="/new?category=old-kettles"');

    const reply = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Mine hums too.' }, { as: ctx.other });
    expect(reply.status).toBe(403);
    expect(await reply.text()).toContain('This category is archived, so its threads take no new replies.');
    const started = await ctx.http.post('/t', { category: 'old-kettles', title: 'Another old kettle question', body: 'Does it still get updates?' }, { as: ctx.other });
    expect(started.status).toBe(403);
    expect(await started.text()).toContain('This category is archived and takes no new threads.');
    // Staff still moderate: an admin replies.
    expect((await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'We have closed this board; see the new one.' }, { as: ctx.admin })).status).toBe(303);

    expect(location(await ctx.http.post(`/admin/categories/${category.id}/unarchive`, {}, { as: ctx.admin }))).toBe('/admin/categories?done=unarchived');
    expect(lastLog()).toMatchObject({ action: 'category_unarchive', category_id: category.id });
    expect(await (await ctx.http.get('/')).text()).toContain('Old kettles');
    expect((await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Mine hums too.' }, { as: ctx.other })).status).toBe(303);
  });
});

describe('creating', () => {
  it('adds a category with the CLI’s rules and re-shows a refused one with its values', async () => {
    const refused = await ctx.http.post('/admin/categories', { name: 'Bad slug board', slug: 'Bad Slug', kind: 'discussion', moderation: 'open', targetValue: '4', targetUnit: 'hours' }, { as: ctx.admin });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('value="Bad Slug"');
    const created = await ctx.http.post('/admin/categories', { name: 'Milk frothers', slug: '', description: 'Foam.', kind: 'questions', moderation: 'open', targetValue: '4', targetUnit: 'hours' }, { as: ctx.admin });
    expect(location(created)).toBe('/admin/categories?done=created');
    expect(ctx.row('select slug, kind, target_reply_minutes from categories where name = ?', 'Milk frothers')).toEqual({ slug: 'milk-frothers', kind: 'questions', target_reply_minutes: 240 });
    expect(lastLog()).toMatchObject({ action: 'category_create' });
  });
});
