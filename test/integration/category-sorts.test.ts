import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { threadListQuery, type ThreadSort } from '../../src/forum/thread-list.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let questions: { id: number; slug: string };
beforeAll(async () => {
  ctx = await createForumContext({ rateLimit: false });
  questions = makeCategory(ctx.services, { name: 'Kettle help', slug: 'help', kind: 'questions' });
});
afterAll(() => ctx.close());

const get = async (path: string) => (await ctx.http.get(path)).text();
const titles = (page: string, prefix: string) => [...page.matchAll(new RegExp(`>(${prefix} \\d+)</a>`, 'g'))].map((match) => match[1]!);

/** Follows "Older threads" links to the end, returning every title in order. */
async function allPages(path: string, prefix: string): Promise<string[]> {
  const seen: string[] = [];
  let next: string | undefined = path;
  for (let guard = 0; next && guard < 10; guard++) {
    const page = await get(next);
    seen.push(...titles(page, prefix));
    next = page.match(/rel="next" href="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  }
  return seen;
}

describe('GET /c/:slug?sort=top', () => {
  it('ranks by replies plus three per helpful vote and pages by a score cursor without gaps or repeats', async () => {
    makeCategory(ctx.services, { name: 'Toasters', slug: 'toasters' });
    const ids: number[] = [];
    for (let i = 1; i <= 33; i++) ids.push((await makeThread(ctx.services, ctx.member, { category: 'toasters', title: `Toaster ${i}`, body: 'x' })).threadId);
    await makeReply(ctx.services, ctx.other, { threadId: ids[0]!, body: 'one' });
    await makeReply(ctx.services, ctx.other, { threadId: ids[0]!, body: 'two' });
    const voted = await makeThread(ctx.services, ctx.member, { category: 'toasters', title: 'Toaster 34', body: 'Worth a vote' });
    expect((await ctx.http.post(`/p/${voted.postId}/helpful`, {}, { as: ctx.other })).status).toBe(303);
    const order = await allPages('/c/toasters?sort=top', 'Toaster');
    expect(order.slice(0, 2)).toEqual(['Toaster 34', 'Toaster 1']);
    expect(order).toHaveLength(34);
    expect(new Set(order).size).toBe(34);
    const first = await get('/c/toasters?sort=top');
    expect(first).toMatch(/href="\/c\/toasters\?sort=top&amp;before=0\.\d+"/);
  });
});

describe('GET /c/:slug?sort=unsolved', () => {
  it('lists only unsolved questions, newest activity first, and is offered only in Q&A categories', async () => {
    const made = [];
    for (let i = 1; i <= 32; i++) {
      ctx.clock.advance(1000);
      made.push(await makeThread(ctx.services, ctx.member, { category: 'help', title: `Question ${i}`, body: 'How?' }));
    }
    const answer = await makeReply(ctx.services, ctx.other, { threadId: made[31]!.threadId, body: 'Like this.' });
    expect((await ctx.http.post(`/p/${answer.postId}/accept`, {}, { as: ctx.member })).status).toBe(303);
    const order = await allPages('/c/help?sort=unsolved', 'Question');
    expect(order).toHaveLength(31);
    expect(order[0]).toBe('Question 31');
    expect(order).not.toContain('Question 32');
    const page = await get('/c/help');
    expect(page).toContain('href="/c/help?sort=unsolved">Unsolved</a>');
    expect(page).toMatch(/Question 32<\/a>\s*<span class="tag tag-solved">Solved<\/span>/);
    // A discussion category has nothing to solve: no tab, and the sort falls back to latest.
    expect(await get('/')).toMatch(/Question 32<\/a> <span class="tag tag-solved">Solved<\/span>/);
    const discussion = await get('/c/kettles?sort=unsolved');
    expect(discussion).not.toContain('Unsolved');
    expect(discussion).toContain('aria-current="page" href="/c/kettles">Latest</a>');
    expect(ctx.errors).toEqual([]);
  });

  it('shows all four sort tabs in a Q&A category', async () => {
    const page = await get('/c/help?sort=unanswered');
    for (const label of ['Latest', 'Top', 'Unanswered', 'Unsolved']) expect(page).toContain(`>${label}</a>`);
    expect(page).toContain('aria-current="page" href="/c/help?sort=unanswered">Unanswered</a>');
  });
});

describe('query plans', () => {
  const plan = (sort: ThreadSort, cursor: { key: number; id: number } | null) => {
    const query = threadListQuery(ctx.services, { categoryId: questions.id, sort, cursor }).toSQL();
    const rows = ctx.db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
    return rows.map((row) => row.detail).join('\n');
  };

  it.each([
    ['top', 'threads_category_score_idx'],
    ['unsolved', 'threads_category_unsolved_idx'],
    ['latest', 'threads_category_latest_idx'],
  ] as const)('%s walks %s in order, seeking to the cursor', (sort, index) => {
    for (const cursor of [null, { key: 5, id: 9 }]) {
      const detail = plan(sort, cursor);
      expect(detail).toContain(`SEARCH threads USING INDEX ${index} (category_id=?`);
      expect(detail).not.toContain('TEMP B-TREE');
    }
    expect(plan(sort, { key: 5, id: 9 })).toMatch(/(<expr>|last_post_at)<\?\)/);
  });
});
