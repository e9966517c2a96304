import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockThread, makeUser } from '../../src/demo/factories.js';
import { users } from '../../src/db/schema.js';
import { createForumContext, location } from '../helpers/forum.js';
import { addPoll, pollState, pollThread, vote } from '../helpers/polls.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

const DAY = 86_400_000;
const threeOptions = { pollQuestion: 'Which colour should the next kettle come in?', pollOptions: 'Red\nSage\nCream' };

describe('POST /polls/:pollId/vote', () => {
  it('records a single choice, answers 303 back to the poll, and a new vote replaces the old one', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Colour poll');
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, threeOptions);
    const { ids } = pollState(ctx, pollId);
    const first = await vote(ctx, ctx.other, pollId, [ids[0]!]);
    expect(location(first)).toBe(`${thread.path}#poll-${pollId}`);
    expect((await vote(ctx, ctx.other, pollId, [ids[2]!])).status).toBe(303);
    const state = pollState(ctx, pollId);
    expect(state.options.map((option) => option.votes)).toEqual([0, 0, 1]);
    expect(state.voters).toBe(1);
    expect(state.rows).toBe(1);
    const page = await (await ctx.http.get(thread.path, { as: ctx.other })).text();
    expect(page).toContain('You voted for: Cream');
    expect(page).toContain('Change vote');
    expect(page).toMatch(new RegExp(`value="${ids[2]}" checked`));
  });

  it('refuses more than the maximum, unknown options and options of another poll, changing nothing', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Features poll');
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, { pollQuestion: 'Which features matter?', pollOptions: 'Timer\nKeep warm\nApp\nQuiet boil', pollMaxChoices: '2' });
    const other = await pollThread(ctx, ctx.other, 'kettles', 'Another poll');
    const otherPoll = await addPoll(ctx, ctx.other, other.threadId, { pollQuestion: 'Tea or coffee?', pollOptions: 'Tea\nCoffee' });
    const { ids } = pollState(ctx, pollId);
    const tooMany = await vote(ctx, ctx.other, pollId, [ids[0]!, ids[1]!, ids[2]!]);
    expect(tooMany.status).toBe(422);
    const refusal = await tooMany.text();
    expect(refusal).toContain('Choose at most 2 options.');
    expect(refusal).toContain(`href="${thread.path}#poll-${pollId}"`);
    const foreign = await vote(ctx, ctx.other, pollId, [ids[0]!, pollState(ctx, otherPoll).ids[0]!]);
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('is not an option of this poll');
    expect((await vote(ctx, ctx.other, pollId, ['999999'])).status).toBe(422);
    expect((await vote(ctx, ctx.other, pollId, ['abc'])).status).toBe(422);
    const none = await vote(ctx, ctx.other, pollId, []);
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Choose an option');
    expect(pollState(ctx, pollId).rows).toBe(0);
    expect((await vote(ctx, ctx.other, pollId, [ids[0]!, ids[3]!])).status).toBe(303);
    expect(pollState(ctx, pollId).options.map((option) => option.votes)).toEqual([1, 0, 0, 1]);
  });

  it('refuses votes in a poll closed by hand and one whose closing date passed, and takes them again when reopened', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Closing poll');
    const closesOn = new Date(ctx.clock.now() + 2 * DAY).toISOString().slice(0, 10);
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, { ...threeOptions, pollClosesOn: closesOn });
    const { ids } = pollState(ctx, pollId);
    expect((await ctx.http.post(`/polls/${pollId}/close`, { value: '1' }, { as: ctx.member })).status).toBe(303);
    const closed = await vote(ctx, ctx.other, pollId, [ids[0]!]);
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('This poll is closed');
    expect((await ctx.http.post(`/polls/${pollId}/close`, { value: '0' }, { as: ctx.manager })).status).toBe(303);
    expect((await vote(ctx, ctx.other, pollId, [ids[0]!])).status).toBe(303);
    ctx.clock.advance(3 * DAY);
    try {
      expect((await vote(ctx, ctx.member, pollId, [ids[1]!])).status).toBe(409);
      const page = await (await ctx.http.get(thread.path, { as: ctx.member })).text();
      expect(page).toContain('Closed ');
      expect(page).not.toContain(`action="/polls/${pollId}/vote"`);
    } finally {
      ctx.clock.advance(-3 * DAY);
    }
    expect(pollState(ctx, pollId).voters).toBe(1);
  });

  it('lets only members who may reply vote: not visitors, not in a locked thread, not while silenced', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Who votes poll');
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, threeOptions);
    const { ids } = pollState(ctx, pollId);
    expect((await vote(ctx, null, pollId, [ids[0]!])).status).toBe(401);
    const silenced = await makeUser(ctx.services, { username: 'quiet' });
    ctx.db.update(users).set({ silencedUntil: ctx.clock.now() + DAY }).where(eq(users.id, silenced.id)).run();
    const refused = await vote(ctx, silenced, pollId, [ids[0]!]);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('silenced');
    lockThread(ctx.services, thread.threadId);
    expect((await vote(ctx, ctx.other, pollId, [ids[0]!])).status).toBe(403);
    // The page says why, to members and visitors alike (signing in would not help).
    for (const page of [await ctx.http.get(thread.path, { as: ctx.other }), await ctx.http.get(thread.path)]) {
      const html = await page.text();
      expect(html).toContain('This thread is locked, so its polls no longer take votes.');
      expect(html).not.toContain(`action="/polls/${pollId}/vote"`);
    }
    // Staff who moderate it may still reply, so they may still vote.
    expect((await vote(ctx, ctx.manager, pollId, [ids[0]!])).status).toBe(303);
    expect(pollState(ctx, pollId).voters).toBe(1);
    expect((await vote(ctx, ctx.other, 999_999, [ids[0]!])).status).toBe(404);
  });

  it('counts 100 members voting at once exactly', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Big poll');
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, { pollQuestion: 'Pick two', pollOptions: 'One\nTwo\nThree\nFour', pollMaxChoices: '2' });
    const { ids } = pollState(ctx, pollId);
    const voters = await Promise.all(Array.from({ length: 100 }, (_, index) => makeUser(ctx.services, { username: `voter${index}` })));
    // Each member picks option index % 4, and half of them also the next one.
    const choices = voters.map((_, index) => (index % 2 === 0 ? [ids[index % 4]!, ids[(index + 1) % 4]!] : [ids[index % 4]!]));
    const responses = await Promise.all(voters.map((voter, index) => vote(ctx, voter, pollId, choices[index]!)));
    expect(responses.map((response) => response.status)).toEqual(voters.map(() => 303));
    const expected = ids.map((id) => choices.filter((chosen) => chosen.includes(id)).length);
    const state = pollState(ctx, pollId);
    expect(state.voters).toBe(100);
    expect(state.options.map((option) => option.votes)).toEqual(expected);
    expect(state.rows).toBe(expected.reduce((sum, count) => sum + count, 0));
    // Then all of them change their vote at once: the totals move, the voters stay 100.
    const again = await Promise.all(voters.map((voter) => vote(ctx, voter, pollId, [ids[0]!])));
    expect(again.every((response) => response.status === 303)).toBe(true);
    const after = pollState(ctx, pollId);
    expect(after.voters).toBe(100);
    expect(after.options.map((option) => option.votes)).toEqual([100, 0, 0, 0]);
  });
});

describe('results on the thread page', () => {
  it("keeps a member's own choices out of other viewers' pages and the cached anonymous page", async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Own choices poll');
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, threeOptions);
    const { ids } = pollState(ctx, pollId);
    await vote(ctx, ctx.other, pollId, [ids[1]!]);
    // bob's view first, so the thread's signed-in frames are made from it and kept.
    expect(await (await ctx.http.get(thread.path, { as: ctx.other })).text()).toContain('You voted for: Sage');
    for (const page of [await ctx.http.get(thread.path, { as: ctx.member }), await ctx.http.get(thread.path)]) {
      const html = await page.text();
      expect(html).toContain('100% · 1 vote');
      expect(html).not.toContain('You voted for');
      expect(html).not.toContain('Your choice');
      const section = html.slice(html.indexOf('class="polls"'), html.indexOf('</section>', html.indexOf('class="polls"')));
      expect(section).not.toContain(' checked');
    }
  });


  it('hides results until the viewer voted, on the anonymous and the signed-in page, and says when they show', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Hidden results poll');
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, { ...threeOptions, pollResults: 'voted' });
    const { ids } = pollState(ctx, pollId);
    await vote(ctx, ctx.member, pollId, [ids[1]!]);
    const anonymous = await (await ctx.http.get(thread.path)).text();
    expect(anonymous).toContain('Results are shown once you have voted.');
    expect(anonymous).toContain('Sign in to vote');
    expect(anonymous).not.toContain('poll-figures');
    const before = await (await ctx.http.get(thread.path, { as: ctx.other })).text();
    expect(before).toContain('Results are shown once you have voted.');
    expect(before).not.toContain('poll-figures');
    const api = (await (await ctx.http.get(`/api/v1/threads/${thread.threadId}`)).json()) as { polls: { id: number; voterCount: number | null; options: { label: string; votes: number | null }[] }[] };
    expect(api.polls).toEqual([expect.objectContaining({ id: pollId, voterCount: null, options: [{ id: Number(ids[0]), label: 'Red', votes: null }, { id: Number(ids[1]), label: 'Sage', votes: null }, { id: Number(ids[2]), label: 'Cream', votes: null }] })]);
    // The category's staff see them already (they may download them anyway).
    expect(await (await ctx.http.get(thread.path, { as: ctx.manager })).text()).toContain('100% · 1 vote');
    await vote(ctx, ctx.other, pollId, [ids[0]!]);
    const after = await (await ctx.http.get(thread.path, { as: ctx.other })).text();
    expect(after).toContain('50% · 1 vote');
    expect(after).toContain('Your choice');
  });

  it('shows results only after closing when so set, with the closing date', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Results at close poll');
    const closesOn = new Date(ctx.clock.now() + 2 * DAY).toISOString().slice(0, 10);
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, { ...threeOptions, pollResults: 'closed', pollClosesOn: closesOn });
    await vote(ctx, ctx.other, pollId, [pollState(ctx, pollId).ids[0]!]);
    const voted = await (await ctx.http.get(thread.path, { as: ctx.other })).text();
    expect(voted).toContain('Results will be shown when the poll closes (');
    expect(voted).not.toContain('poll-figures');
    expect((await ctx.http.post(`/polls/${pollId}/close`, {}, { as: ctx.member })).status).toBe(303);
    const closed = await (await ctx.http.get(thread.path)).text();
    expect(closed).toContain('100% · 1 vote');
    const api = (await (await ctx.http.get(`/api/v1/threads/${thread.threadId}`)).json()) as { polls: { open: boolean; voterCount: number; options: { votes: number }[] }[] };
    expect(api.polls[0]).toMatchObject({ open: false, voterCount: 1 });
    expect(api.polls[0]!.options.map((option) => option.votes)).toEqual([1, 0, 0]);
  });

  it('updates the cached anonymous page after a vote, and when a closing date passes', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Cached poll');
    const closesOn = new Date(ctx.clock.now() + 2 * DAY).toISOString().slice(0, 10);
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, { ...threeOptions, pollResults: 'closed', pollClosesOn: closesOn });
    const first = await ctx.http.get(thread.path);
    const etag = first.headers.get('etag')!;
    expect(await first.text()).toContain('No votes yet');
    expect((await ctx.http.get(thread.path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await vote(ctx, ctx.other, pollId, [pollState(ctx, pollId).ids[2]!]);
    const second = await ctx.http.get(thread.path, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(200);
    const page = await second.text();
    expect(page).toContain('1 voter');
    expect(page).toContain('Results will be shown when the poll closes');
    ctx.clock.advance(3 * DAY);
    try {
      const closed = await (await ctx.http.get(thread.path)).text();
      expect(closed).toContain('100% · 1 vote');
      expect(closed).not.toContain('Results will be shown');
    } finally {
      ctx.clock.advance(-3 * DAY);
    }
  });

  it("never shows an anonymous poll's voters, and shows a public poll's voters to those who see results", async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Voters poll');
    const secret = await addPoll(ctx, ctx.manager, thread.threadId, { pollQuestion: 'Secret ballot', pollOptions: 'Yes\nNo' });
    const open = await addPoll(ctx, ctx.manager, thread.threadId, { pollQuestion: 'Open ballot', pollOptions: 'Aye\nNay', pollPublic: '1' });
    await vote(ctx, ctx.other, secret, [pollState(ctx, secret).ids[0]!]);
    await vote(ctx, ctx.other, open, [pollState(ctx, open).ids[1]!]);
    const anonymous = await (await ctx.http.get(thread.path)).text();
    const section = anonymous.slice(anonymous.indexOf('class="polls"'), anonymous.indexOf('</section>', anonymous.indexOf('class="polls"')));
    const secretPart = section.slice(section.indexOf('Secret ballot'), section.indexOf('Open ballot'));
    expect(secretPart).not.toContain('bob');
    expect(section.slice(section.indexOf('Open ballot'))).toContain('Voted: bob');
  });
});
