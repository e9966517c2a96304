import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForumContext, location } from '../helpers/forum.js';
import { makeIdea, makeIdeasBoard } from '../helpers/ideas.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let board: { id: number; slug: string };
beforeAll(async () => {
  ctx = await createForumContext();
  board = makeIdeasBoard(ctx.services, { name: 'Kettle ideas', slug: 'ideas' });
});
afterAll(() => ctx.close());

type Status = { id: number; key: string; name: string | null; position: number; open: number };
const statuses = () => ctx.db.$client.prepare('select id, key, name, position, open from idea_statuses order by position, id').all() as Status[];
const byKey = (key: string) => statuses().find((status) => status.key === key)!;

describe('/admin/ideas', () => {
  it('is for admins only, with a tab beside the others', async () => {
    expect((await ctx.http.get('/admin/ideas', { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.get('/admin/ideas', { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/admin/ideas/${byKey('planned').id}`, { name: 'Sure' }, { as: ctx.manager })).status).toBe(403);
    const page = await (await ctx.http.get('/admin/ideas', { as: ctx.admin })).text();
    expect(page).toMatch(/href="\/admin\/ideas" aria-current="page">Ideas</);
    for (const name of ['New', 'Under review', 'Planned', 'In progress', 'Shipped', 'Declined']) expect(page).toContain(`>${name}</span>`);
  });

  it('renames a built-in status and gives it its catalog name back', async () => {
    const planned = byKey('planned');
    const renamed = await ctx.http.post(`/admin/ideas/${planned.id}`, { name: 'On the roadmap' }, { as: ctx.admin });
    expect(location(renamed)).toBe('/admin/ideas?done=saved');
    expect(byKey('planned').name).toBe('On the roadmap');
    const idea = await makeIdea(ctx.services, ctx.member, { board: board.slug, title: 'Roadmap idea' });
    await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'planned', note: '' }, { as: ctx.manager });
    expect(await (await ctx.http.get(idea.path)).text()).toContain('>On the roadmap</span>');
    await ctx.http.post(`/admin/ideas/${planned.id}`, { name: '' }, { as: ctx.admin });
    expect(byKey('planned').name).toBeNull();
    // The idea's page follows at once (its version was bumped).
    expect(await (await ctx.http.get(idea.path)).text()).toContain('>Planned</span>');
    const long = await ctx.http.post(`/admin/ideas/${planned.id}`, { name: 'x'.repeat(41) }, { as: ctx.admin });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('A name is 1 to 40 characters.');
  });

  it('reorders, adds, closes and removes statuses; refuses to remove one in use or the first', async () => {
    const before = statuses().map((status) => status.key);
    await ctx.http.post(`/admin/ideas/${byKey('in_progress').id}/move`, { direction: 'up' }, { as: ctx.admin });
    const after = statuses().map((status) => status.key);
    expect(after.indexOf('in_progress')).toBe(before.indexOf('in_progress') - 1);
    const added = await ctx.http.post('/admin/ideas', { name: 'Needs votes', open: '1' }, { as: ctx.admin });
    expect(location(added)).toBe('/admin/ideas?done=saved');
    expect(byKey('needs_votes')).toMatchObject({ name: 'Needs votes', open: 1 });
    expect(statuses().at(-1)!.key).toBe('needs_votes');
    await ctx.http.post(`/admin/ideas/${byKey('needs_votes').id}/open`, { open: '0' }, { as: ctx.admin });
    expect(byKey('needs_votes').open).toBe(0);
    const idea = await makeIdea(ctx.services, ctx.member, { board: board.slug, title: 'Waiting for votes' });
    await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'needs_votes', note: '' }, { as: ctx.manager });
    const refused = await ctx.http.post(`/admin/ideas/${byKey('needs_votes').id}/remove`, {}, { as: ctx.admin });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('1 idea has this status. Give them another status first, then remove it.');
    const first = await ctx.http.post(`/admin/ideas/${byKey('new').id}/remove`, {}, { as: ctx.admin });
    expect(first.status).toBe(409);
    expect(await first.text()).toContain('New ideas get this status, so it cannot be removed.');
    await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'under_review', note: '' }, { as: ctx.manager });
    expect(location(await ctx.http.post(`/admin/ideas/${byKey('needs_votes').id}/remove`, {}, { as: ctx.admin }))).toBe('/admin/ideas?done=saved');
    expect(statuses().some((status) => status.key === 'needs_votes')).toBe(false);
  });
});

describe('an ideas board on /admin/categories', () => {
  it('offers the ideas kind and sets the vote limit, empty for none', async () => {
    const page = await (await ctx.http.get('/admin/categories', { as: ctx.admin })).text();
    expect(page).toContain('<option value="ideas">Ideas (members propose and vote)</option>');
    expect(page).toContain(`action="/admin/categories/${board.id}/vote-limit"`);
    const limit = () => (ctx.db.$client.prepare('select idea_vote_limit as n from categories where id = ?').get(board.id) as { n: number | null }).n;
    expect(location(await ctx.http.post(`/admin/categories/${board.id}/vote-limit`, { voteLimit: '5' }, { as: ctx.admin }))).toBe('/admin/categories?done=saved');
    expect(limit()).toBe(5);
    expect((await ctx.http.post(`/admin/categories/${board.id}/vote-limit`, { voteLimit: 'lots' }, { as: ctx.admin })).status).toBe(422);
    expect((await ctx.http.post(`/admin/categories/${board.id}/vote-limit`, { voteLimit: '3' }, { as: ctx.manager })).status).toBe(403);
    expect(limit()).toBe(5);
    await ctx.http.post(`/admin/categories/${board.id}/vote-limit`, { voteLimit: '' }, { as: ctx.admin });
    expect(limit()).toBeNull();
    // A discussion category made an ideas board: its threads become new ideas.
    const plain = await makeIdea(ctx.services, ctx.member, { board: 'kettles', title: 'Soon an idea' });
    const form = { name: 'Smart Kettles', description: '', kind: 'ideas', moderation: 'open', targetValue: '24', targetUnit: 'hours' };
    expect((await ctx.http.post(`/admin/categories/${ctx.category.id}`, form, { as: ctx.admin })).status).toBe(303);
    expect(ctx.db.$client.prepare('select s.key from threads t join idea_statuses s on s.id = t.idea_status_id where t.id = ?').get(plain.threadId)).toEqual({ key: 'new' });
    const created = await ctx.http.post('/admin/categories', { name: 'More ideas', slug: 'more-ideas', description: '', kind: 'ideas', moderation: 'open', targetValue: '24', targetUnit: 'hours' }, { as: ctx.admin });
    expect(created.status).toBe(303);
    expect(ctx.db.$client.prepare("select kind from categories where slug = 'more-ideas'").get()).toEqual({ kind: 'ideas' });
  });
});
