import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeUser } from '../../src/demo/factories.js';
import { BYTE_ORDER_MARK } from '../../src/insights/csv.js';
import { createForumContext, location } from '../helpers/forum.js';
import { addPoll, pollState, pollThread, vote } from '../helpers/polls.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Announcements', slug: 'news' });
  ctx.db.$client.prepare("update categories set poll_creators = 'staff' where slug = 'news'").run();
});
afterAll(() => ctx.close());

const newThread = (fields: Record<string, string>) => ({ category: 'kettles', title: 'Which lid do you prefer?', body: 'Two designs, tell us.', submission: `s-${Math.random()}`, ...fields });

describe('the composer\'s "Add a poll"', () => {
  it('starts a thread with its poll in one post of the form', async () => {
    const response = await ctx.http.post('/t', newThread({ pollQuestion: 'Which lid?', pollOptions: 'Flip\n\nScrew  \n' }), { as: ctx.member });
    const path = location(response);
    const threadId = Number(/\/t\/([0-9]+)/.exec(path)![1]);
    const poll = ctx.db.$client.prepare('select id, question, max_choices as max from polls where thread_id = ?').get(threadId) as { id: number; question: string; max: number };
    expect(poll).toMatchObject({ question: 'Which lid?', max: 1 });
    expect(pollState(ctx, poll.id).options.map((option) => option.label)).toEqual(['Flip', 'Screw']);
    const page = await (await ctx.http.get(path, { as: ctx.other })).text();
    expect(page).toContain('Which lid?');
    expect(page).toContain(`action="/polls/${poll.id}/vote"`);
  });

  it('shows the fieldset to members, and a bad poll brings the whole form back (422) with everything kept and nothing stored', async () => {
    const form = await (await ctx.http.get('/new', { as: ctx.member })).text();
    expect(form).toContain('<summary>Add a poll</summary>');
    const threads = () => (ctx.db.$client.prepare('select count(*) as n from threads').get() as { n: number }).n;
    const before = threads();
    const response = await ctx.http.post('/t', newThread({ title: 'Lids <again>', pollQuestion: 'Q'.repeat(201), pollOptions: 'Only one', pollMaxChoices: '7', pollClosesOn: '2001-01-01' }), { as: ctx.member });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('value="Lids &lt;again&gt;"');
    expect(html).toContain('Two designs, tell us.');
    expect(html).toContain('Only one');
    expect(html).toContain('<details class="poll-composer" open>');
    expect(html).toContain('Please shorten the question to 200 characters or fewer.');
    expect(html).toContain('Give between 2 and 20 options, one a line.');
    expect(html).toContain('Choose a closing date in the future');
    expect(threads()).toBe(before);
  });

  it('refuses repeated options and a maximum above the number of options', async () => {
    const repeated = await ctx.http.post('/t', newThread({ pollQuestion: 'Lids', pollOptions: 'Flip\nflip' }), { as: ctx.member });
    expect(repeated.status).toBe(422);
    expect(await repeated.text()).toContain('Each option must be different');
    const tooMany = await ctx.http.post('/t', newThread({ pollQuestion: 'Lids', pollOptions: 'Flip\nScrew', pollMaxChoices: '3' }), { as: ctx.member });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain('Enter 1 for a single choice, or a number from 2 to 2.');
  });

  it('refuses a member\'s poll in a category where only staff add polls, keeping the text', async () => {
    const response = await ctx.http.post('/t', newThread({ category: 'news', pollQuestion: 'Lids', pollOptions: 'Flip\nScrew' }), { as: ctx.member });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('In this category only the community team adds polls.');
    expect(html).toContain('Two designs, tell us.');
    expect(location(await ctx.http.post('/t', newThread({ category: 'news', pollQuestion: 'Lids', pollOptions: 'Flip\nScrew' }), { as: ctx.manager }))).toMatch(/^\/t\/[0-9]+\//);
  });
});

describe('who may add and close polls', () => {
  it('lets the author add one poll, staff add more (a survey), and refuses others', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Poll rights');
    expect((await ctx.http.get(`/t/${thread.threadId}/polls/new`, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/t/${thread.threadId}/polls/new`, { pollQuestion: 'Q', pollOptions: 'A\nB' }, { as: ctx.other })).status).toBe(403);
    expect(location(await ctx.http.get(`/t/${thread.threadId}/polls/new`))).toContain('/login?next=');
    const authorPage = await (await ctx.http.get(thread.path, { as: ctx.member })).text();
    expect(authorPage).toContain(`href="/t/${thread.threadId}/polls/new"`);
    expect(await (await ctx.http.get(thread.path, { as: ctx.other })).text()).not.toContain('/polls/new');
    await addPoll(ctx, ctx.member, thread.threadId, { pollQuestion: 'First', pollOptions: 'A\nB' });
    // A member's thread carries one poll; a survey is for staff.
    expect((await ctx.http.post(`/t/${thread.threadId}/polls/new`, { pollQuestion: 'Second', pollOptions: 'A\nB' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/t/${thread.threadId}/polls/new`, { pollQuestion: 'Scale', pollKind: 'scale' }, { as: ctx.member })).status).toBe(403);
    await addPoll(ctx, ctx.manager, thread.threadId, { pollQuestion: 'How happy are you?', pollKind: 'scale' });
    const positions = ctx.db.$client.prepare('select position from polls where thread_id = ? order by position').pluck().all(thread.threadId);
    expect(positions).toEqual([0, 1]);
  });

  it('keeps the values of a refused "Add a poll" form (422)', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Poll form errors');
    const response = await ctx.http.post(`/t/${thread.threadId}/polls/new`, { pollQuestion: 'Keep <me>', pollOptions: 'Lonely option' }, { as: ctx.member });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('value="Keep &lt;me&gt;"');
    expect(html).toContain('Lonely option');
    expect(html).toContain('Give between 2 and 20 options');
  });

  it('lets only the author and staff close and reopen', async () => {
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'Close rights');
    const pollId = await addPoll(ctx, ctx.member, thread.threadId, { pollQuestion: 'Open?', pollOptions: 'A\nB' });
    expect((await ctx.http.post(`/polls/${pollId}/close`, { value: '1' }, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/polls/${pollId}/close`, { value: '1' })).status).toBe(401);
    expect(pollState(ctx, pollId).closedAt).toBeNull();
    expect((await ctx.http.post(`/polls/${pollId}/close`, { value: '1' }, { as: ctx.member })).status).toBe(303);
    expect(pollState(ctx, pollId).closedAt).not.toBeNull();
    const page = await (await ctx.http.get(thread.path, { as: ctx.member })).text();
    expect(page).toContain('Reopen poll');
  });
});

describe('surveys', () => {
  it('shows the NPS with its three counts and a scale average, and exports anonymous answers as CSV for staff only', async () => {
    const thread = await pollThread(ctx, ctx.manager, 'kettles', 'Satisfaction survey');
    const scale = await addPoll(ctx, ctx.manager, thread.threadId, { pollQuestion: 'How satisfied are you?', pollKind: 'scale' });
    const nps = await addPoll(ctx, ctx.manager, thread.threadId, { pollQuestion: 'How likely are you to recommend us?', pollKind: 'nps' });
    const choice = await addPoll(ctx, ctx.manager, thread.threadId, { pollQuestion: '=Which model?', pollOptions: 'Classic\nMini' });
    expect(pollState(ctx, nps).options.map((option) => option.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const scores = [10, 9, 9, 8, 3];
    const people = await Promise.all(scores.map((_, index) => makeUser(ctx.services, { username: `respondent${index}` })));
    for (const [index, person] of people.entries()) {
      await vote(ctx, person, nps, [pollState(ctx, nps).ids[scores[index]!]!]);
      await vote(ctx, person, scale, [pollState(ctx, scale).ids[index % 2 === 0 ? 4 : 2]!]);
      if (index < 2) await vote(ctx, person, choice, [pollState(ctx, choice).ids[index]!]);
    }
    const page = await (await ctx.http.get(thread.path)).text();
    // 3 promoters, 1 passive, 1 detractor of 5: 60% − 20% = 40.
    expect(page).toContain('Net Promoter Score: 40');
    expect(page).toContain('3 promoters (9–10), 1 passive (7–8), 1 detractor (0–6)');
    expect(page).toContain('Average: 4.2 out of 5');
    expect(page).toContain('aria-label="Survey"');
    expect((await ctx.http.get(`/t/${thread.threadId}/polls.csv`, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.get(`/t/${thread.threadId}/polls.csv`)).status).toBe(401);
    const csv = await ctx.http.get(`/t/${thread.threadId}/polls.csv`, { as: ctx.manager });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe("Respondent,How satisfied are you?,How likely are you to recommend us?,'=Which model?");
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(lines.slice(1).map((line) => line.split(',')[2]).sort()).toEqual(['10', '3', '8', '9', '9']);
    // No member's id or name is in the file.
    for (const person of people) {
      expect(text).not.toContain(person.username);
    }
    // One column per question after the respondent's number, nothing else.
    expect(lines.every((line) => line.split(',').length === 4)).toBe(true);
  });
});

describe('Admin → Categories: who may add polls', () => {
  it('is a setting admins change, audited', async () => {
    const category = ctx.db.$client.prepare("select id from categories where slug = 'kettles'").get() as { id: number };
    const page = await (await ctx.http.get('/admin/categories', { as: ctx.admin })).text();
    expect(page).toContain('Who may add polls');
    expect((await ctx.http.post(`/admin/categories/${category.id}/polls`, { pollCreators: 'staff' }, { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post(`/admin/categories/${category.id}/polls`, { pollCreators: 'everyone' }, { as: ctx.admin })).status).toBe(422);
    expect(location(await ctx.http.post(`/admin/categories/${category.id}/polls`, { pollCreators: 'staff' }, { as: ctx.admin }))).toBe('/admin/categories?done=saved');
    expect(ctx.db.$client.prepare('select poll_creators from categories where id = ?').pluck().get(category.id)).toBe('staff');
    const thread = await pollThread(ctx, ctx.member, 'kettles', 'After the change');
    expect((await ctx.http.post(`/t/${thread.threadId}/polls/new`, { pollQuestion: 'Q', pollOptions: 'A\nB' }, { as: ctx.member })).status).toBe(403);
    ctx.db.$client.prepare("update categories set poll_creators = 'members' where id = ?").run(category.id);
  });
});
