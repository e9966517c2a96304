import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAnswer, unacceptAnswer } from '../../src/forum/answers.js';
import { toggleHelpful } from '../../src/forum/votes.js';
import { deletePost } from '../../src/forum/posts.js';
import { hidePostWithReason, unhidePostByModerator } from '../../src/moderation/post-tools.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

// The facts insights read (migration 0018): kept by triggers in every write's transaction.

const DAY = 86_400_000;
const HOUR = 3_600_000;

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
  t.clock.set(Date.UTC(2026, 10, 2, 9));
});
afterEach(() => t.close());

function threadFacts(id: number) {
  return t.db.$client
    .prepare('SELECT opened_by_staff AS openedByStaff, first_reply_at AS firstReplyAt, first_staff_reply_at AS firstStaffReplyAt, solved_at AS solvedAt, solved_by_staff AS solvedByStaff, created_at AS createdAt FROM threads WHERE id = ?')
    .get(id) as Record<string, number | null>;
}

function memberDay(userId: number) {
  return t.db.$client.prepare('SELECT day, posts, answers, helpful FROM member_days WHERE user_id = ? ORDER BY day').all(userId);
}

describe('insights facts', () => {
  it('records first reply, first staff reply, the solution and daily rollups as they happen', async () => {
    const cat = makeCategory(t.services, { name: 'Help', kind: 'questions' });
    const asker = await makeUser(t.services, { username: 'asker' });
    const helper = await makeUser(t.services, { username: 'helper' });
    const maya = await makeUser(t.services, { username: 'maya', role: 'manager' });
    const { threadId } = await makeThread(t.services, asker, { category: cat.slug, title: 'Charger stopped working', body: 'It blinks red.' });
    const created = t.clock.now();

    t.clock.advance(HOUR);
    await makeReply(t.services, asker, { threadId, body: 'Still blinking, anyone?' });
    expect(threadFacts(threadId).firstReplyAt).toBeNull();

    t.clock.advance(HOUR);
    const customer = await makeReply(t.services, helper, { threadId, body: 'Try another cable.' });
    t.clock.advance(3 * HOUR);
    await makeReply(t.services, maya, { threadId, body: 'We are sending a replacement.' });
    expect(threadFacts(threadId)).toMatchObject({ openedByStaff: 0, createdAt: created, firstReplyAt: created + 2 * HOUR, firstStaffReplyAt: created + 5 * HOUR, solvedAt: null });

    t.clock.advance(DAY);
    acceptAnswer(t.services, asker, { postId: customer.postId });
    expect(threadFacts(threadId)).toMatchObject({ solvedAt: created + DAY + 5 * HOUR, solvedByStaff: 0 });
    toggleHelpful(t.services, asker, { postId: customer.postId });

    const firstDay = Math.floor(created / DAY);
    expect(memberDay(helper.id)).toEqual([
      { day: firstDay, posts: 1, answers: 0, helpful: 0 },
      { day: firstDay + 1, posts: 0, answers: 1, helpful: 1 },
    ]);
    const activity = t.db.$client.prepare('SELECT day, threads, replies FROM daily_activity WHERE category_id = ?').all(cat.id);
    expect(activity).toEqual([{ day: firstDay, threads: 1, replies: 3 }]);

    unacceptAnswer(t.services, asker, { postId: customer.postId });
    toggleHelpful(t.services, asker, { postId: customer.postId });
    expect(threadFacts(threadId)).toMatchObject({ solvedAt: null, solvedByStaff: 0 });
    expect(memberDay(helper.id)[1]).toEqual({ day: firstDay + 1, posts: 0, answers: 0, helpful: 0 });
  });

  it('moves the first reply times to the earliest reply still visible when one is hidden, deleted or restored', async () => {
    const cat = makeCategory(t.services, { name: 'Help', kind: 'questions' });
    const asker = await makeUser(t.services, { username: 'asker' });
    const spammer = await makeUser(t.services, { username: 'spammer' });
    const helper = await makeUser(t.services, { username: 'helper' });
    const maya = await makeUser(t.services, { username: 'maya', role: 'manager' });
    const { threadId } = await makeThread(t.services, asker, { category: cat.slug, title: 'Display goes dark', body: 'After ten minutes.' });
    const created = t.clock.now();
    t.clock.advance(HOUR);
    const spam = await makeReply(t.services, spammer, { threadId, body: 'Buy cheap parts at example.com' });
    t.clock.advance(HOUR);
    const help = await makeReply(t.services, helper, { threadId, body: 'Check the display cable.' });
    t.clock.advance(HOUR);
    await makeReply(t.services, maya, { threadId, body: 'A firmware update fixes this.' });
    expect(threadFacts(threadId)).toMatchObject({ firstReplyAt: created + HOUR, firstStaffReplyAt: created + 3 * HOUR });

    hidePostWithReason(t.services, maya, { postId: spam.postId, reason: 'Spam' });
    expect(threadFacts(threadId)).toMatchObject({ firstReplyAt: created + 2 * HOUR, firstStaffReplyAt: created + 3 * HOUR });
    deletePost(t.services, helper, { postId: help.postId });
    expect(threadFacts(threadId)).toMatchObject({ firstReplyAt: created + 3 * HOUR });
    const activity = t.db.$client.prepare('SELECT replies FROM daily_activity WHERE category_id = ?').pluck().get(cat.id);
    expect(activity).toBe(3); // what was published stays counted
    unhidePostByModerator(t.services, maya, { postId: spam.postId });
    expect(threadFacts(threadId)).toMatchObject({ firstReplyAt: created + HOUR, firstStaffReplyAt: created + 3 * HOUR });
  });

  it('marks threads opened by staff', async () => {
    const cat = makeCategory(t.services, { name: 'News' });
    const maya = await makeUser(t.services, { username: 'maya', role: 'manager' });
    const { threadId } = await makeThread(t.services, maya, { category: cat.slug, title: 'New firmware is out', body: 'Version 2.1.' });
    expect(threadFacts(threadId).openedByStaff).toBe(1);
  });
});

describe('thread page views', () => {
  it('are counted per thread and day, anonymous and signed in, and added in one batch', async () => {
    const cat = makeCategory(t.services, { name: 'Help' });
    const asker = await makeUser(t.services, { username: 'asker' });
    const { threadId, slug } = await makeThread(t.services, asker, { category: cat.slug, title: 'Battery drains overnight', body: 'From 100% to 40%.' });
    const path = `/t/${threadId}/${slug}`;
    for (let i = 0; i < 3; i++) expect((await t.http.get(path)).status).toBe(200);
    expect((await t.http.get(path, { as: asker })).status).toBe(200);
    expect((await t.app.request(new URL(path, t.config.baseUrl).toString(), { method: 'HEAD' })).status).toBe(200);
    expect((await t.http.get(`/t/${threadId}/wrong-slug`)).status).toBe(301);
    expect((await t.http.get(`/t/${threadId + 1000}`)).status).toBe(404);
    expect(t.db.$client.prepare('SELECT count(*) FROM thread_views').pluck().get()).toBe(0);

    expect(t.threadViews.flush(t.db)).toBe(4);
    const day = Math.floor(t.clock.now() / DAY);
    expect(t.db.$client.prepare('SELECT thread_id AS thread, day, views FROM thread_views').all()).toEqual([{ thread: threadId, day, views: 4 }]);
    expect(t.db.$client.prepare('SELECT views FROM daily_activity WHERE category_id = ? AND day = ?').pluck().get(cat.id, day)).toBe(4);

    t.clock.advance(DAY);
    await t.http.get(path);
    t.threadViews.flush(t.db);
    expect(t.db.$client.prepare('SELECT day, views FROM thread_views ORDER BY day').all()).toEqual([
      { day, views: 4 },
      { day: day + 1, views: 1 },
    ]);
  });
});

describe('unanswered questions past their target', () => {
  it('lists customers’ questions with no reply past the category’s target, oldest first, with claims, for the manager’s categories', async () => {
    const { listUnanswered, countUnanswered } = await import('../../src/insights/unanswered.js');
    const help = makeCategory(t.services, { name: 'Help', kind: 'questions' });
    const ideas = makeCategory(t.services, { name: 'Ideas' });
    t.db.$client.prepare('UPDATE categories SET target_reply_minutes = 60 WHERE id = ?').run(help.id);
    const asker = await makeUser(t.services, { username: 'asker' });
    const admin = await makeUser(t.services, { username: 'ada', role: 'admin' });
    const maya = await makeUser(t.services, { username: 'maya', role: 'manager' });
    const scoped = { ...maya, scope: [ideas.id] };
    const oldest = await makeThread(t.services, asker, { category: help.slug, title: 'Oldest question here', body: 'Please help.' });
    t.clock.advance(10 * 60_000);
    const answered = await makeThread(t.services, asker, { category: help.slug, title: 'Answered question', body: 'Please help.' });
    await makeThread(t.services, admin, { category: help.slug, title: 'Staff announcement', body: 'News.' });
    const idea = await makeThread(t.services, asker, { category: ideas.slug, title: 'An idea for later', body: 'Dark mode.' });
    t.clock.advance(5 * 60_000);
    await makeReply(t.services, maya, { threadId: answered.threadId, body: 'Here you go.' });
    const younger = await makeThread(t.services, asker, { category: help.slug, title: 'Younger question', body: 'Please help.' });
    t.db.$client.prepare('INSERT INTO thread_claims (thread_id, user_id, claimed_at) VALUES (?, ?, ?)').run(oldest.threadId, maya.id, t.clock.now());

    t.clock.advance(50 * 60_000); // oldest: 65 min, younger: 50 min; Help's target is 60 min, Ideas' 24 h
    expect(listUnanswered(t.services, admin).questions.map((q) => q.threadId)).toEqual([oldest.threadId]);
    t.clock.advance(11 * 60_000);
    const page = listUnanswered(t.services, admin);
    expect(page.questions).toEqual([
      { threadId: oldest.threadId, slug: oldest.slug, title: 'Oldest question here', categoryName: 'Help', createdAt: t.clock.now() - 76 * 60_000, overdueBy: 16 * 60_000, claimedBy: { id: maya.id, username: 'maya' } },
      expect.objectContaining({ threadId: younger.threadId, overdueBy: 60_000, claimedBy: null }),
    ]);
    expect(countUnanswered(t.services, admin)).toBe(2);
    expect(countUnanswered(t.services, scoped)).toBe(0);
    const first = listUnanswered(t.services, admin, { limit: 1 });
    expect(first.questions.map((q) => q.threadId)).toEqual([oldest.threadId]);
    expect(listUnanswered(t.services, admin, { limit: 1, after: first.next }).questions.map((q) => q.threadId)).toEqual([younger.threadId]);
    t.clock.advance(24 * 3_600_000);
    expect(listUnanswered(t.services, scoped).questions.map((q) => q.threadId)).toEqual([idea.threadId]);
    expect(listUnanswered(t.services, admin, { categoryIds: [help.id] }).questions).toHaveLength(2);
  });
});
