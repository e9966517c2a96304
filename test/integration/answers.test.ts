import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext, location } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let scoped: SignedIn;
let help: { id: number; slug: string };
beforeAll(async () => {
  ctx = await createForumContext();
  help = makeCategory(ctx.services, { name: 'Kettle questions', slug: 'help', kind: 'questions' });
  scoped = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  // sam moderates only the discussion category, not the questions one.
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(ctx.category.id)] }, { as: ctx.admin })).status).toBe(303);
});
afterAll(() => ctx.close());

/** alice asks; bob and mia answer. */
async function question(title = 'Why does my kettle click off early?') {
  const thread = await makeThread(ctx.services, ctx.member, { category: 'help', title, body: 'It stops at 90 °C.' });
  const bobs = await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Descale it with citric acid.' });
  const mias = await makeReply(ctx.services, ctx.manager, { threadId: thread.threadId, body: 'Update the firmware to 2.1.' });
  return { ...thread, path: `/t/${thread.threadId}/${thread.slug}`, bobs, mias };
}

const solvedPostId = (threadId: number) => (ctx.db.$client.prepare('select solved_post_id as id from threads where id = ?').get(threadId) as { id: number | null }).id;
const modLog = (postId: number) => ctx.db.$client.prepare('select action, actor_id as actorId from mod_log where target_post_id = ? order by id').all(postId);
const notifications = (userId: number) =>
  ctx.db.$client.prepare("select kind, post_id as postId, actor_id as actorId from notifications where user_id = ? and kind = 'answer_accepted' order by id").all(userId);
const page = async (path: string, as?: SignedIn) => (await ctx.http.get(path, as ? { as } : {})).text();

describe('POST /p/:postId/accept', () => {
  it('lets the asker accept a reply: solved, boxed under the question, marked in place, author notified', async () => {
    const q = await question();
    const before = await page(q.path, ctx.member);
    expect(before).toContain(`action="/p/${q.bobs.postId}/accept"`);
    expect(before).not.toContain(`action="/p/${q.postId}/accept"`);
    const response = await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect(response.status).toBe(303);
    expect(location(response)).toBe(`${q.path}#post-2`);
    expect(solvedPostId(q.threadId)).toBe(q.bobs.postId);
    const html = await page(q.path);
    expect(html).toContain('Solved — accepted answer');
    expect(html).toMatch(/<aside class="accepted-answer"[\s\S]*Descale it with citric acid\.[\s\S]*href="#post-2"/);
    // The box comes right after the question and before the replies.
    expect(html.indexOf('id="post-1"')).toBeLessThan(html.indexOf('accepted-answer'));
    expect(html.indexOf('accepted-answer')).toBeLessThan(html.indexOf('id="post-2"'));
    expect(html).toMatch(/class="post post-accepted" id="post-2"/);
    expect(notifications(ctx.other.id)).toEqual([{ kind: 'answer_accepted', postId: q.bobs.postId, actorId: ctx.member.id }]);
    const inbox = await page('/notifications', ctx.other);
    expect(inbox).toContain(`<bdi>alice</bdi> accepted your reply as the answer to “<bdi>${'Why does my kettle click off early?'}</bdi>”`);
    // The asker's own choice is not a staff action.
    expect(modLog(q.bobs.postId)).toEqual([]);
    // Anonymous visitors see no buttons.
    expect(html).not.toContain('/accept"');
  });

  it('replaces an earlier answer, and is idempotent', async () => {
    const q = await question('Which descaler is safe?');
    await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect((await ctx.http.post(`/p/${q.mias.postId}/accept`, {}, { as: ctx.member })).status).toBe(303);
    expect(solvedPostId(q.threadId)).toBe(q.mias.postId);
    expect((await ctx.http.post(`/p/${q.mias.postId}/accept`, {}, { as: ctx.member })).status).toBe(303);
    expect(notifications(ctx.manager.id).filter((row) => (row as { postId: number }).postId === q.mias.postId)).toHaveLength(1);
    const html = await page(q.path, ctx.member);
    expect(html).toContain(`action="/p/${q.mias.postId}/unaccept"`);
    expect(html).toContain(`action="/p/${q.bobs.postId}/accept"`);
  });

  it('lets a manager of the category accept for the asker, with an audit row; their own reply notifies nobody', async () => {
    const q = await question('Is the lid dishwasher-safe?');
    expect((await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.manager })).status).toBe(303);
    expect(modLog(q.bobs.postId)).toEqual([{ action: 'accept_answer', actorId: ctx.manager.id }]);
    expect((await ctx.http.post(`/p/${q.mias.postId}/accept`, {}, { as: ctx.manager })).status).toBe(303);
    expect(notifications(ctx.manager.id).filter((row) => (row as { postId: number }).postId === q.mias.postId)).toEqual([]);
    expect(await page('/mod/log', ctx.admin)).toContain('accepted an answer for the asker');
  });

  it('refuses other members, managers outside their scope and anonymous visitors', async () => {
    const q = await question('Can I boil milk in it?');
    expect((await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/p/${q.mias.postId}/accept`, {}, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: scoped })).status).toBe(403);
    expect((await ctx.http.post(`/p/${q.bobs.postId}/accept`)).status).toBe(401);
    expect(solvedPostId(q.threadId)).toBeNull();
    expect(await page(q.path, ctx.other)).not.toContain('/accept"');
    expect(await page(q.path, scoped)).not.toContain('/accept"');
    expect(await page(q.path, ctx.manager)).toContain(`action="/p/${q.bobs.postId}/accept"`);
  });

  it('lets a silenced asker accept and take back an answer: accepting is not posting', async () => {
    const asker = await makeUser(ctx.services, { username: 'quiet' });
    const thread = await makeThread(ctx.services, asker, { category: 'help', title: 'Does the lid lock open?', body: 'Mine springs shut.' });
    const reply = await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Press the hinge twice.' });
    expect((await ctx.http.post(`/mod/users/quiet/silence`, { days: '7', reason: 'Cooling off' }, { as: ctx.manager })).status).toBe(303);
    // Silenced indeed: a reply is refused.
    expect((await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Thanks!' }, { as: asker })).status).toBe(403);
    const path = `/t/${thread.threadId}/${thread.slug}`;
    expect(await page(path, asker)).toContain(`action="/p/${reply.postId}/accept"`);
    const accepted = await ctx.http.post(`/p/${reply.postId}/accept`, {}, { as: asker });
    expect(accepted.status).toBe(303);
    expect(location(accepted)).toBe(`${path}#post-2`);
    expect(solvedPostId(thread.threadId)).toBe(reply.postId);
    expect((await ctx.http.post(`/p/${reply.postId}/unaccept`, {}, { as: asker })).status).toBe(303);
    expect(solvedPostId(thread.threadId)).toBeNull();
  });

  it('refuses the question itself, discussion categories and posts that are gone', async () => {
    const q = await question('Does the base get hot?');
    const first = await ctx.http.post(`/p/${q.postId}/accept`, {}, { as: ctx.member });
    expect(first.status).toBe(409);
    expect(await first.text()).toContain('The question itself cannot be its answer');
    const chat = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Show us your kettle', body: 'Mine is blue.' });
    const reply = await makeReply(ctx.services, ctx.other, { threadId: chat.threadId, body: 'Mine is red.' });
    const discussion = await ctx.http.post(`/p/${reply.postId}/accept`, {}, { as: ctx.member });
    expect(discussion.status).toBe(409);
    expect(await discussion.text()).toContain('Only threads in Q&amp;A categories');
    expect(await page(`/t/${chat.threadId}/${chat.slug}`, ctx.member)).not.toContain('/accept"');
    expect((await ctx.http.post('/p/99999999/accept', {}, { as: ctx.member })).status).toBe(404);
    await ctx.http.post(`/p/${q.bobs.postId}/delete`, {}, { as: ctx.other });
    expect((await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member })).status).toBe(404);
    expect(ctx.errors).toEqual([]);
  });
});

describe('POST /p/:postId/unaccept', () => {
  it('takes the mark off for the asker; refuses others and replies that are not the answer', async () => {
    const q = await question('How do I reset the app pairing?');
    await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect((await ctx.http.post(`/p/${q.bobs.postId}/unaccept`, {}, { as: ctx.other })).status).toBe(403);
    expect((await ctx.http.post(`/p/${q.mias.postId}/unaccept`, {}, { as: ctx.member })).status).toBe(409);
    const response = await ctx.http.post(`/p/${q.bobs.postId}/unaccept`, {}, { as: ctx.member });
    expect(location(response)).toBe(`${q.path}#post-2`);
    expect(solvedPostId(q.threadId)).toBeNull();
    expect(await page(q.path)).not.toContain('accepted-answer');
  });

  it('audits a manager undoing it', async () => {
    const q = await question('Where is the serial number?');
    await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect((await ctx.http.post(`/p/${q.bobs.postId}/unaccept`, {}, { as: ctx.admin })).status).toBe(303);
    expect(modLog(q.bobs.postId)).toEqual([{ action: 'unaccept_answer', actorId: ctx.admin.id }]);
  });
});

describe('a removed accepted answer', () => {
  it('no longer solves the thread once deleted or hidden, in the thread, the category and the anonymous cache', async () => {
    const q = await question('Kettle smells of plastic');
    await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect(await page('/c/help')).toMatch(/Kettle smells of plastic<\/a>\s*<span class="tag tag-solved">Solved/);
    expect(await page(q.path)).toContain('Solved — accepted answer');
    expect((await ctx.http.post(`/p/${q.bobs.postId}/delete`, {}, { as: ctx.other })).status).toBe(303);
    expect(solvedPostId(q.threadId)).toBeNull();
    expect(await page(q.path)).not.toContain('Solved — accepted answer');
    expect(await page('/c/help')).not.toMatch(/Kettle smells of plastic<\/a>\s*<span class="tag tag-solved">/);

    await ctx.http.post(`/p/${q.mias.postId}/accept`, {}, { as: ctx.member });
    expect(solvedPostId(q.threadId)).toBe(q.mias.postId);
    expect((await ctx.http.post(`/p/${q.mias.postId}/hide`, { reason: 'Outdated advice' }, { as: ctx.admin })).status).toBe(303);
    expect(solvedPostId(q.threadId)).toBeNull();
  });
});

describe('moving a solved question', () => {
  it('to a discussion category leaves it unsolved; between Q&A categories keeps the answer', async () => {
    makeCategory(ctx.services, { name: 'More questions', slug: 'more-help', kind: 'questions' });
    const q = await question('Moved question about the filter');
    await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect((await ctx.http.post(`/t/${q.threadId}/move`, { category: 'more-help' }, { as: ctx.admin })).status).toBe(303);
    expect(solvedPostId(q.threadId)).toBe(q.bobs.postId);
    expect((await ctx.http.post(`/t/${q.threadId}/move`, { category: 'kettles' }, { as: ctx.admin })).status).toBe(303);
    expect(solvedPostId(q.threadId)).toBeNull();
    expect(await page(q.path)).not.toContain('Solved');
  });
});

describe('the anonymous page cache', () => {
  it('shows an accept and an unaccept at once', async () => {
    const q = await question('Cached question about limescale');
    expect(await page(q.path)).not.toContain('accepted-answer');
    expect(await page('/c/help')).toContain('Cached question about limescale');
    await ctx.http.post(`/p/${q.bobs.postId}/accept`, {}, { as: ctx.member });
    expect(await page(q.path)).toContain('Solved — accepted answer');
    expect(await page('/c/help')).toMatch(/Cached question about limescale<\/a>\s*<span class="tag tag-solved">Solved/);
    await ctx.http.post(`/p/${q.bobs.postId}/unaccept`, {}, { as: ctx.member });
    expect(await page(q.path)).not.toContain('Solved — accepted answer');
    expect(help.slug).toBe('help');
  });
});
