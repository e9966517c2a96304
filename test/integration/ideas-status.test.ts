import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext, location } from '../helpers/forum.js';
import { makeIdea, makeIdeasBoard } from '../helpers/ideas.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let scoped: SignedIn;
beforeAll(async () => {
  ctx = await createForumContext();
  makeIdeasBoard(ctx.services, { name: 'Kettle ideas', slug: 'ideas' });
  scoped = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  // sam moderates only the discussion category, not the ideas board.
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(ctx.category.id)] }, { as: ctx.admin })).status).toBe(303);
});
afterAll(() => ctx.close());

const statusOf = (threadId: number) =>
  (ctx.db.$client.prepare('select s.key from threads t left join idea_statuses s on s.id = t.idea_status_id where t.id = ?').get(threadId) as { key: string | null }).key;
const statusNotes = (threadId: number) =>
  ctx.db.$client.prepare('select s.key, h.note, h.changed_by_id as by from idea_status_changes h join idea_statuses s on s.id = h.status_id where h.thread_id = ? order by h.id').all(threadId);
const ideaNotifications = (threadId: number) =>
  ctx.db.$client.prepare("select user_id as userId from notifications where kind = 'idea_status' and thread_id = ? order by user_id").all(threadId) as { userId: number }[];
const vote = (threadId: number, as: SignedIn) => ctx.http.post(`/t/${threadId}/vote`, { vote: '1' }, { as });

describe('POST /t/:id/status', () => {
  it('lets a manager of the board set a status with a public note, shown on the idea with its history', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Tea presets' });
    const response = await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'planned', note: 'Coming in the spring release.' }, { as: ctx.manager });
    expect(response.status).toBe(303);
    expect(location(response)).toBe(idea.path);
    expect(statusOf(idea.threadId)).toBe('planned');
    expect(statusNotes(idea.threadId)).toEqual([{ key: 'planned', note: 'Coming in the spring release.', by: ctx.manager.id }]);
    const page = await (await ctx.http.get(idea.path)).text();
    expect(page).toContain('idea-status-planned');
    expect(page).toContain('Coming in the spring release.');
    expect(page).not.toContain('action="/t/' + idea.threadId + '/status"');
    const managers = await (await ctx.http.get(idea.path, { as: ctx.manager })).text();
    expect(managers).toContain(`action="/t/${idea.threadId}/status"`);
    expect(managers).toContain(`action="/t/${idea.threadId}/merge"`);
  });

  it('is for staff who moderate the board: members, scoped managers elsewhere and visitors are refused', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Colour lights' });
    expect((await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'planned', note: '' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'planned', note: '' }, { as: scoped })).status).toBe(403);
    expect((await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'planned', note: '' })).status).toBe(401);
    // A member's mistaken form is refused too, not shown back with the staff's choices.
    expect((await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'someday', note: '' }, { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'planned', note: '' }, { as: ctx.admin })).status).toBe(303);
    expect(statusNotes(idea.threadId)).toHaveLength(1);
  });

  it('shows the form again with the note kept when the status is unknown or the note too long', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Long notes' });
    const long = 'x'.repeat(1001);
    const response = await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'planned', note: long }, { as: ctx.manager });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('at most 1000 characters');
    expect(html).toContain(long);
    const unknown = await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'someday', note: 'Kept' }, { as: ctx.manager });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Choose one of the statuses.');
    expect(statusOf(idea.threadId)).toBe('new');
  });

  it('notifies every voter and watcher once, the manager who made the change never', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Notify me' });
    const [voter, watcher, both, muted] = await Promise.all(['vera', 'walt', 'bea', 'mute'].map((username) => makeUser(ctx.services, { username })));
    for (const member of [voter!, both!, muted!, ctx.manager]) expect((await vote(idea.threadId, member)).status).toBe(303);
    for (const [member, level] of [[watcher!, 'watching'], [both!, 'watching'], [muted!, 'muted']] as const) {
      expect((await ctx.http.post(`/t/${idea.threadId}/watch`, { level }, { as: member })).status).toBe(303);
    }
    expect((await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'in_progress', note: 'Building it now.' }, { as: ctx.manager })).status).toBe(303);
    // alice started the thread, so she watches it too.
    const expected = [ctx.member.id, voter!.id, watcher!.id, both!.id].sort((a, b) => a - b);
    expect(ideaNotifications(idea.threadId).map((entry) => entry.userId)).toEqual(expected);
    const inbox = await (await ctx.http.get('/notifications', { as: voter! })).text();
    expect(inbox).toContain('<bdi>mia</bdi> set the idea “<bdi>Notify me</bdi>” to In progress: “<bdi>Building it now.</bdi>”');
  });
});

describe('status emails', () => {
  it('emails a voter who chose "immediately" the status and the note, in the same words', async () => {
    const idea = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Email me' });
    const voter = await makeUser(ctx.services, { username: 'eve' });
    expect((await ctx.http.post('/account/email', { preference: 'immediately' }, { as: voter })).status).toBe(303);
    await vote(idea.threadId, voter);
    await ctx.http.post(`/t/${idea.threadId}/status`, { status: 'shipped', note: 'Out today.' }, { as: ctx.manager });
    const mail = ctx.db.$client.prepare("select subject, text_body as text from email_outbox where to_address = 'eve@example.com'").all() as { subject: string; text: string }[];
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('mia set the idea “Email me” to Shipped: “Out today.”');
    expect(mail[0]!.text).toContain(`/t/${idea.threadId}`);
  });
});

describe('POST /t/:id/merge', () => {
  it('moves votes without counting anyone twice, locks the merged idea and points it to its target', async () => {
    const source = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Boil alarm' });
    const target = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Boil notifications' });
    const members = await Promise.all(['merger1', 'merger2', 'merger3', 'merger4', 'merger5'].map((username) => makeUser(ctx.services, { username })));
    // The first three vote for the source, the last three for the target: the third voted for both.
    for (const member of members.slice(0, 3)) await vote(source.threadId, member);
    for (const member of members.slice(2)) await vote(target.threadId, member);
    const response = await ctx.http.post(`/t/${source.threadId}/merge`, { into: String(target.threadId) }, { as: ctx.manager });
    expect(response.status).toBe(303);
    expect(location(response)).toBe(target.path);
    const counts = ctx.db.$client.prepare('select id, idea_votes as votes, merged_into_id as mergedInto, locked from threads where id in (?, ?) order by id').all(source.threadId, target.threadId);
    expect(counts).toEqual([
      { id: source.threadId, votes: 0, mergedInto: target.threadId, locked: 1 },
      { id: target.threadId, votes: 5, mergedInto: null, locked: 0 },
    ]);
    expect((ctx.db.$client.prepare('select count(*) as n from idea_votes where thread_id = ?').get(target.threadId) as { n: number }).n).toBe(5);
    const page = await (await ctx.http.get(source.path)).text();
    expect(page).toContain(`This idea was merged into <a href="${target.path}" dir="auto">Boil notifications</a>`);
    const board = await (await ctx.http.get('/c/ideas')).text();
    expect(board).toContain('Boil notifications');
    expect(board).not.toContain('>Boil alarm<');
    const log = ctx.db.$client.prepare("select actor_id as actorId from mod_log where action = 'idea_merge' and target_thread_id = ?").all(source.threadId);
    expect(log).toEqual([{ actorId: ctx.manager.id }]);
    // No votes on a merged idea, and no second merge.
    expect((await vote(source.threadId, ctx.other)).status).toBe(409);
    expect((await ctx.http.post(`/t/${source.threadId}/merge`, { into: String(target.threadId) }, { as: ctx.manager })).status).toBe(409);
  });

  it('refuses members, and shows the form again for a target that is not an idea', async () => {
    const source = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Merge me maybe' });
    const target = await makeIdea(ctx.services, ctx.member, { board: 'ideas', title: 'Into me maybe' });
    expect((await ctx.http.post(`/t/${source.threadId}/merge`, { into: String(target.threadId) }, { as: ctx.member })).status).toBe(403);
    const plain = await makeIdea(ctx.services, ctx.member, { board: 'kettles', title: 'Plain thread' });
    const wrong = await ctx.http.post(`/t/${source.threadId}/merge`, { into: `/t/${plain.threadId}/plain-thread` }, { as: ctx.manager });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Give the number or address of another idea');
    expect((await ctx.http.post(`/t/${source.threadId}/merge`, { into: String(source.threadId) }, { as: ctx.manager })).status).toBe(422);
  });
});
