import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext, location } from '../helpers/forum.js';
import { makeIdea, makeIdeasBoard } from '../helpers/ideas.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let limited: { id: number; slug: string };
beforeAll(async () => {
  ctx = await createForumContext();
  makeIdeasBoard(ctx.services, { name: 'Kettle ideas', slug: 'ideas' });
  limited = makeIdeasBoard(ctx.services, { name: 'Limited ideas', slug: 'limited', voteLimit: 2 });
});
afterAll(() => ctx.close());

const row = (threadId: number) =>
  ctx.db.$client
    .prepare('select t.idea_votes as votes, s.key as status, t.merged_into_id as mergedInto, t.locked from threads t left join idea_statuses s on s.id = t.idea_status_id where t.id = ?')
    .get(threadId) as { votes: number; status: string | null; mergedInto: number | null; locked: number };
const voteRows = (threadId: number) => (ctx.db.$client.prepare('select count(*) as n from idea_votes where thread_id = ?').get(threadId) as { n: number }).n;
const vote = (threadId: number, as: SignedIn, value: '0' | '1' = '1') => ctx.http.post(`/t/${threadId}/vote`, { vote: value }, { as });

describe('ideas: new ideas and votes', () => {
  it('gives a thread started on an ideas board the status "new", and none elsewhere', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'A keep-warm timer' });
    expect(row(idea.threadId)).toMatchObject({ votes: 0, status: 'new' });
    const plain = await makeIdea(ctx.services, ctx.member, { board: 'kettles', title: 'Not an idea at all' });
    expect(row(plain.threadId).status).toBeNull();
  });

  it('counts a vote once, takes it back on withdrawal, and goes back to the idea (303)', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Quieter boil' });
    const first = await vote(idea.threadId, ctx.other);
    expect(first.status).toBe(303);
    expect(location(first)).toBe(idea.path);
    const version = () => (ctx.db.$client.prepare('select version from threads where id = ?').get(idea.threadId) as { version: number }).version;
    const before = version();
    expect((await vote(idea.threadId, ctx.other)).status).toBe(303);
    expect(row(idea.threadId).votes).toBe(1);
    expect(voteRows(idea.threadId)).toBe(1);
    // A repeated vote writes nothing: the idea's cached pages stay.
    expect(version()).toBe(before);
    const page = await (await ctx.http.get(idea.path, { as: ctx.other })).text();
    expect(page).toContain('You voted for this idea.');
    expect(page).toContain('1 vote');
    expect(page).toContain('name="vote" value="0"');
    expect((await vote(idea.threadId, ctx.other, '0')).status).toBe(303);
    expect((await vote(idea.threadId, ctx.other, '0')).status).toBe(303);
    expect(row(idea.threadId).votes).toBe(0);
  });

  it('asks visitors to sign in, refuses a bad value, and never shows one reader\'s vote to another', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Descaling reminder' });
    await vote(idea.threadId, ctx.other);
    expect((await ctx.http.post(`/t/${idea.threadId}/vote`, { vote: '1' })).status).toBe(401);
    expect((await ctx.http.post(`/t/${idea.threadId}/vote`, { vote: 'yes' }, { as: ctx.other })).status).toBe(422);
    const anonymous = await (await ctx.http.get(idea.path)).text();
    expect(anonymous).toContain('Sign in to vote for this idea');
    expect(anonymous).not.toContain('You voted');
    // bob's vote made the page's frame; alice sees the same count but her own button.
    const alices = await (await ctx.http.get(idea.path, { as: ctx.manager })).text();
    expect(alices).toContain('1 vote');
    expect(alices).not.toContain('You voted');
    expect(alices).toContain('name="vote" value="1"');
  });

  it('shows visitors the new count at once: the cached page follows each vote', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Cached count' });
    expect(await (await ctx.http.get(idea.path)).text()).toContain('0 votes');
    expect(await (await ctx.http.get(idea.path)).text()).toContain('0 votes');
    await vote(idea.threadId, ctx.other);
    const after = await (await ctx.http.get(idea.path)).text();
    expect(after).toContain('1 vote');
    expect(after).not.toContain('You voted');
  });

  it('makes a thread moved onto an ideas board a new idea', async () => {
    const plain = await makeIdea(ctx.services, ctx.member, { board: 'kettles', title: 'Should be an idea' });
    expect((await ctx.http.post(`/t/${plain.threadId}/move`, { category: 'ideas' }, { as: ctx.manager })).status).toBe(303);
    expect(row(plain.threadId).status).toBe('new');
    expect((await vote(plain.threadId, ctx.other)).status).toBe(303);
  });

  it('refuses votes on threads that are not ideas', async () => {
    const plain = await makeIdea(ctx.services, ctx.member, { board: 'kettles', title: 'Just a discussion' });
    expect((await vote(plain.threadId, ctx.other)).status).toBe(404);
  });
});

describe('ideas: the vote limit', () => {
  it('stops a member at the limit with a message naming it, and frees a vote on withdrawal or when an idea closes', async () => {
    const voter = await makeUser(ctx.services, { username: 'lena' });
    const ideas = await Promise.all(['One', 'Two', 'Three'].map((title) => makeIdea(ctx.services, ctx.member, { board: limited.slug, title: `Limited idea ${title}` })));
    const [one, two, three] = ideas.map((idea) => idea.threadId) as [number, number, number];
    expect((await vote(one, voter)).status).toBe(303);
    expect((await vote(two, voter)).status).toBe(303);
    const refused = await vote(three, voter);
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toContain('You already have 2 votes on open ideas in this board');
    expect(text).toContain('Withdraw your vote from another idea');
    expect(row(three).votes).toBe(0);
    // Voting again for an idea already voted for is not a new vote.
    expect((await vote(two, voter)).status).toBe(303);
    expect((await vote(two, voter, '0')).status).toBe(303);
    expect((await vote(three, voter)).status).toBe(303);
    // Shipping an idea gives its votes back.
    expect((await ctx.http.post(`/t/${one}/status`, { status: 'shipped', note: 'Out in 2.3.' }, { as: ctx.manager })).status).toBe(303);
    expect((await vote(two, voter)).status).toBe(303);
    expect(row(two).votes).toBe(1);
  });

  it('takes no new votes on closed or merged ideas', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Declined thing' });
    await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'declined', note: '' }, { as: ctx.manager });
    const refused = await vote(idea.threadId, ctx.other);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('already decided');
  });
});
