import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext } from '../helpers/forum.js';
import { makeIdea, makeIdeasBoard } from '../helpers/ideas.js';

const ORIGIN = 'https://help.example.com';
let ctx: Awaited<ReturnType<typeof createForumContext>>;
let ideas: Awaited<ReturnType<typeof makeIdea>>[];
let voters: SignedIn[];

const vote = (threadId: number, as: SignedIn) => ctx.http.post(`/t/${threadId}/vote`, { vote: '1' }, { as });
const setStatus = (threadId: number, status: string, note = '') => ctx.http.post(`/t/${threadId}/status`, { status, note }, { as: ctx.manager });

beforeAll(async () => {
  ctx = await createForumContext({ embedOrigins: [ORIGIN] });
  makeIdeasBoard(ctx.services, { name: 'Kettle ideas', slug: 'ideas' });
  voters = await Promise.all(['vote1', 'vote2', 'vote3'].map((username) => makeUser(ctx.services, { username })));
  // Made oldest first: "Few votes" (1), "Most votes" (3), "No votes" (0), "Shipped idea" (2).
  ideas = [];
  for (const title of ['Few votes', 'Most votes', 'No votes', 'Shipped idea']) ideas.push(await makeIdea(ctx.services, ctx.member, { board: 'ideas', title }));
  const [few, most, , shipped] = ideas.map((idea) => idea.threadId) as [number, number, number, number];
  await vote(few, voters[0]!);
  for (const voter of voters) await vote(most, voter);
  await vote(shipped, voters[0]!);
  await vote(shipped, voters[1]!);
  await setStatus(most, 'planned', 'Next quarter.');
  await setStatus(shipped, 'shipped', 'In 2.4.');
});
afterAll(() => ctx.close());

/** The titles in the order a list shows them. */
function order(html: string): string[] {
  return [...html.matchAll(/class="thread-title" href="[^"]+" dir="auto">([^<]+)</g)].map((match) => match[1]!);
}

describe('GET /c/:slug for an ideas board', () => {
  it('sorts by votes by default, by newest and by status, each idea with its votes and status badge', async () => {
    const byVotes = await (await ctx.http.get('/c/ideas')).text();
    expect(order(byVotes)).toEqual(['Most votes', 'Shipped idea', 'Few votes', 'No votes']);
    expect(byVotes).toContain('3 votes');
    expect(byVotes).toMatch(/idea-status-planned" dir="auto">Planned</);
    expect(byVotes).toMatch(/idea-status-new" dir="auto">New</);
    expect(order(await (await ctx.http.get('/c/ideas?sort=new')).text())).toEqual(['Shipped idea', 'No votes', 'Most votes', 'Few votes']);
    // Status order is the admins' order: new, under review, planned, in progress, shipped, declined.
    expect(order(await (await ctx.http.get('/c/ideas?sort=status')).text())).toEqual(['Few votes', 'No votes', 'Most votes', 'Shipped idea']);
  });

  it('filters by status with links that keep the sort', async () => {
    const planned = await (await ctx.http.get('/c/ideas?status=planned')).text();
    expect(order(planned)).toEqual(['Most votes']);
    expect(planned).toContain('href="/c/ideas?sort=new&amp;status=planned"');
    expect(planned).toMatch(/href="\/c\/ideas\?status=planned" aria-current="page">Planned/);
    expect(order(await (await ctx.http.get('/c/ideas?sort=new&status=new')).text())).toEqual(['No votes', 'Few votes']);
    expect(await (await ctx.http.get('/c/ideas?status=declined')).text()).toContain('No ideas have this status right now.');
  });

  it('shows a decided idea\'s votes, status and note on its page, and takes no votes there', async () => {
    const page = await (await ctx.http.get(ideas[3]!.path)).text();
    expect(page).toContain('2 votes');
    expect(page).toContain('In 2.4.');
    expect(page).toContain('This idea is decided, so it takes no new votes.');
  });
});

describe('paging a long board', () => {
  it('pages every sort by its cursor without gaps or repeats', async () => {
    makeIdeasBoard(ctx.services, { name: 'Busy board', slug: 'busy' });
    const made: number[] = [];
    for (let index = 0; index < 34; index++) made.push((await makeIdea(ctx.services, ctx.member, { board: 'busy', title: `Busy idea ${index}` })).threadId);
    // Ties in votes and status, so the cursor's id must settle them.
    for (const threadId of made.slice(0, 6)) await vote(threadId, voters[0]!);
    for (const threadId of made.slice(10, 14)) await setStatus(threadId, 'planned');
    for (const sort of ['votes', 'new', 'status']) {
      const seen: string[] = [];
      let path: string | null = `/c/busy?sort=${sort}`;
      while (path) {
        const html = await (await ctx.http.get(path)).text();
        seen.push(...order(html));
        const next = html.match(/<a rel="next" href="([^"]+)"/);
        path = next ? next[1]!.replaceAll('&amp;', '&') : null;
      }
      expect(seen, sort).toHaveLength(34);
      expect(new Set(seen).size, sort).toBe(34);
    }
  });
});

describe('ideas in other lists', () => {
  it('badges an idea with its status on the home page and in search results', async () => {
    const home = await (await ctx.http.get('/')).text();
    expect(home).toMatch(/Shipped idea<\/a> <span class="tag idea-status idea-status-shipped" dir="auto">Shipped<\/span>/);
    const found = await (await ctx.http.get('/search?q=votes')).text();
    expect(found).toMatch(/Most votes<\/a> <span class="tag idea-status idea-status-planned" dir="auto">Planned<\/span>/);
  });
});

describe('the JSON API and the embed', () => {
  it('gives ideas their votes and status in thread objects', async () => {
    const response = await ctx.http.get(`/api/v1/threads/${ideas[1]!.threadId}`);
    const body = (await response.json()) as { thread: { idea: unknown } };
    expect(body.thread.idea).toEqual({ votes: 3, status: { key: 'planned', name: 'Planned' } });
    const plain = await makeIdea(ctx.services, ctx.member, { board: 'kettles', title: 'Plain for the API' });
    expect(((await (await ctx.http.get(`/api/v1/threads/${plain.threadId}`)).json()) as { thread: object }).thread).not.toHaveProperty('idea');
  });

  it('lists an ideas board by votes, by newest, or one status', async () => {
    type Listing = { category: { kind: string }; threads: { title: string; idea: { votes: number; status: { key: string } } }[] };
    const byVotes = (await (await ctx.http.get('/api/v1/categories/ideas')).json()) as Listing;
    expect(byVotes.category.kind).toBe('ideas');
    expect(byVotes.threads.map((thread) => [thread.title, thread.idea.votes, thread.idea.status.key])).toEqual([
      ['Most votes', 3, 'planned'],
      ['Shipped idea', 2, 'shipped'],
      ['Few votes', 1, 'new'],
      ['No votes', 0, 'new'],
    ]);
    const newest = (await (await ctx.http.get('/api/v1/categories/ideas?sort=new&limit=1')).json()) as Listing;
    expect(newest.threads.map((thread) => thread.title)).toEqual(['Shipped idea']);
    const shipped = (await (await ctx.http.get('/api/v1/categories/ideas?status=shipped')).json()) as Listing;
    expect(shipped.threads.map((thread) => thread.title)).toEqual(['Shipped idea']);
    expect((await ctx.http.get('/api/v1/categories/no-such-board')).status).toBe(404);
  });

  it('embeds a board as its top ideas with votes and status badges', async () => {
    const page = await (await ctx.http.get(`/embed/c/ideas?limit=2&origin=${ORIGIN}`)).text();
    expect(page).toContain('Top ideas');
    expect(page).toContain('Most votes');
    expect(page).toContain('Shipped idea');
    expect(page).not.toContain('Few votes');
    expect(page).toMatch(/embed-idea-votes">3 votes<\/span> <span class="embed-tag embed-idea-status idea-status-planned" dir="auto">Planned</);
    const planned = await (await ctx.http.get(`/embed/c/ideas?status=shipped&origin=${ORIGIN}`)).text();
    expect(planned).toContain('Shipped idea');
    expect(planned).not.toContain('Most votes');
  });
});

describe('votes under load', () => {
  it('counts 100 members voting at once through the HTTP layer exactly', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Everyone wants this' });
    const crowd = await Promise.all(Array.from({ length: 100 }, (_, index) => makeUser(ctx.services, { username: `crowd${index}` })));
    const responses = await Promise.all(crowd.map((member) => vote(idea.threadId, member)));
    expect(responses.map((response) => response.status)).toEqual(crowd.map(() => 303));
    // And again: a repeated vote changes nothing.
    await Promise.all(crowd.slice(0, 50).map((member) => vote(idea.threadId, member)));
    const counts = ctx.db.$client.prepare('select idea_votes as kept, (select count(*) from idea_votes where thread_id = threads.id) as rows from threads where id = ?').get(idea.threadId);
    expect(counts).toEqual({ kept: 100, rows: 100 });
    const withdrawn = await Promise.all(crowd.slice(0, 40).map((member) => ctx.http.post(`/t/${idea.threadId}/vote`, { vote: '0' }, { as: member })));
    expect(withdrawn.every((response) => response.status === 303)).toBe(true);
    expect(ctx.db.$client.prepare('select idea_votes as kept from threads where id = ?').get(idea.threadId)).toEqual({ kept: 60 });
  });
});
