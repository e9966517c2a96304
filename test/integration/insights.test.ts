import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setManagerScope } from '../../src/auth/roles.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { acceptAnswer } from '../../src/forum/answers.js';
import { toggleHelpful } from '../../src/forum/votes.js';
import type { SignedIn } from '../../src/lib/context.js';
import { flagPost } from '../../src/moderation/flags.js';
import { dismissReviewItem } from '../../src/moderation/queue-actions.js';
import { sanctionMember } from '../../src/moderation/sanctions.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

/*
 * Every figure of /mod/insights, through its CSV, over a community built with the test clock:
 * questions answered after known delays by staff and customers, solutions, flags, reviews, a
 * sanction, views. docs/insights.md defines the measures; the expected values are worked out by
 * hand in the comments. Now is Wednesday 2026-11-25 12:00 UTC, so the default period (30 days)
 * runs from Tuesday 2026-10-27 00:00 to now, in the weeks of Mondays Oct 26 … Nov 23.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 10, 25, 12);
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute);

let t: TestContext;
let ada: SignedIn;
let sam: SignedIn;
const ids: Record<string, { threadId: number; slug: string }> = {};

async function csv(query: string, as: SignedIn) {
  const response = await t.http.get(`/mod/insights?${query}`, { as });
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // ignoreBOM keeps the byte order mark in the text, where the expected files have it.
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

const lines = (...rows: string[]) => `\uFEFF${rows.map((row) => `${row}\r\n`).join('')}`;

beforeAll(async () => {
  t = await createTestContext({ rateLimit: false });
  const { services: ctx, clock } = t;
  clock.set(Date.UTC(2026, 9, 1, 9));
  makeCategory(ctx, { name: 'Kettles', slug: 'kettles' });
  const help = makeCategory(ctx, { name: 'Setup, Help', slug: 'help', kind: 'questions' });
  t.db.$client.prepare("UPDATE categories SET target_reply_minutes = 240 WHERE slug = 'help'").run();
  const [alice, bob, carol, mia] = [
    await makeUser(ctx, { username: 'alice' }),
    await makeUser(ctx, { username: 'bob' }),
    await makeUser(ctx, { username: 'carol' }),
    await makeUser(ctx, { username: 'mia', role: 'manager' }),
  ];
  ada = await makeUser(ctx, { username: 'ada', role: 'admin' });
  sam = await makeUser(ctx, { username: 'sam', role: 'manager' });
  setManagerScope(ctx, ada, { username: 'sam', categoryIds: [help.id] });
  const ask = async (name: string, who: SignedIn, category: string, when: number) => {
    clock.set(when);
    ids[name] = await makeThread(ctx, who, { category, title: `Question ${name}`, body: `About ${name}.` });
    return ids[name]!.threadId;
  };
  const reply = async (threadId: number, who: SignedIn, when: number) => {
    clock.set(when);
    return (await makeReply(ctx, who, { threadId, body: `Reply by ${who.username}.` })).postId;
  };

  // Before the period: counts nowhere in the default period.
  const old = await ask('old', alice, 'help', Date.UTC(2026, 9, 20, 9));
  await reply(old, bob, Date.UTC(2026, 9, 20, 10));

  // Q1 (help, target 4 h): bob after 30 min, mia after 2 h; bob's answer accepted after 3 h.
  const q1 = await ask('q1', alice, 'help', at(9, 9));
  const bobAnswer = await reply(q1, bob, at(9, 9, 30));
  await reply(q1, mia, at(9, 11));
  clock.set(at(9, 12));
  acceptAnswer(ctx, alice, { postId: bobAnswer });
  toggleHelpful(ctx, alice, { postId: bobAnswer });
  // Q2: only mia, after 5 h (past the target); her answer accepted after 6 h.
  const q2 = await ask('q2', bob, 'help', at(10, 9));
  const miaAnswer = await reply(q2, mia, at(10, 14));
  clock.set(at(10, 15));
  acceptAnswer(ctx, bob, { postId: miaAnswer });
  // Q3: alice after 1 h, no staff reply, not solved; carol finds it helpful.
  const q3 = await ask('q3', carol, 'help', at(11, 9));
  const aliceReply = await reply(q3, alice, at(11, 10));
  toggleHelpful(ctx, carol, { postId: aliceReply });
  // A thread staff opened is no question; alice's reply to it is activity.
  const staffThread = await ask('staff', mia, 'help', at(12, 9));
  await reply(staffThread, alice, at(12, 10));
  // Q5: nobody answers (past its target now). Q4: asked 2 h ago, still within its 4 h.
  await ask('q5', bob, 'help', at(16, 9));
  await ask('q4', alice, 'help', at(25, 10));
  // Kettles (target 24 h): K1 answered by mia after 10 h; K2 never.
  const k1 = await ask('k1', carol, 'kettles', at(17, 9));
  await reply(k1, mia, at(17, 19));
  const k2 = await ask('k2', alice, 'kettles', at(18, 9));

  // Flags: one decided after 2 h (help), one after 30 min (kettles), one still open (help).
  const item = (postId: number) => (t.db.$client.prepare("SELECT id FROM review_items WHERE post_id = ? AND kind = 'flag'").get(postId) as { id: number }).id;
  const firstPost = (threadId: number) => (t.db.$client.prepare('SELECT id FROM posts WHERE thread_id = ? AND number = 1').get(threadId) as { id: number }).id;
  clock.set(at(12, 10));
  flagPost(ctx, carol, { postId: bobAnswer, reason: 'spam', note: '' });
  clock.set(at(12, 12));
  dismissReviewItem(ctx, mia, { itemId: item(bobAnswer) });
  clock.set(at(19, 10));
  flagPost(ctx, carol, { postId: firstPost(k2), reason: 'off_topic', note: '' });
  clock.set(at(19, 10, 30));
  dismissReviewItem(ctx, ada, { itemId: item(firstPost(k2)) });
  clock.set(at(20, 8));
  flagPost(ctx, bob, { postId: aliceReply, reason: 'abuse', note: '' });

  // A new member, silenced the next day; views counted in this process, not yet added.
  clock.set(at(20, 9));
  await makeUser(ctx, { username: 'dan' });
  clock.set(at(21, 9));
  sanctionMember(ctx, ada, { username: 'dan', kind: 'silence', days: 3, reason: 'Links to a shop' });
  t.threadViews.count(q1, at(20, 12));
  t.threadViews.count(q1, at(20, 13));
  t.threadViews.count(k1, at(20, 14));
  clock.set(NOW);
});
afterAll(() => t.close());

const url = (name: string) => `${'http://localhost:3000'}/t/${ids[name]!.threadId}/${ids[name]!.slug}`;

describe('insights for an admin (every category)', () => {
  it('summary: response times, the target share, solutions and activity', async () => {
    const { response, text, bytes } = await csv('format=csv', ada);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="insights-summary-2026-10-27-2026-11-25.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // First replies: Q1 30 min, Q3 60, Q2 300, K1 600 → median the 2nd (60), p90 the 4th (600).
    // Staff: Q1 120, Q2 300, K1 600 → median the 2nd, p90 the 3rd. Within target: Q1, Q3, K1 of
    // Q1, Q2, Q3, Q5, K1, K2 (Q4 is still within its target). Solutions in help: Q1 after 180 min
    // by bob, Q2 after 360 by mia, of 5 questions.
    expect(text).toBe(
      lines(
        'measure,value,total',
        'questions,7,',
        'first_reply_count,4,',
        'first_reply_median_minutes,60,',
        'first_reply_p90_minutes,600,',
        'first_staff_reply_count,3,',
        'first_staff_reply_median_minutes,300,',
        'first_staff_reply_p90_minutes,600,',
        'answered_within_target,3,6',
        'unanswered_past_target_now,2,',
        'solved,2,5',
        'solution_count,2,',
        'solution_median_minutes,180,',
        'solution_p90_minutes,360,',
        'solutions_by_customers,1,2',
        'new_threads,8,',
        'replies,6,',
        'new_members,1,',
        'active_members,3,',
        'page_views,3,',
      ),
    );
  });

  it('categories: each against its own target', async () => {
    const { text } = await csv('format=csv&table=categories', ada);
    expect(text).toBe(
      lines(
        'category,slug,target_minutes,questions,first_reply_count,first_reply_median_minutes,first_reply_p90_minutes,first_staff_reply_count,first_staff_reply_median_minutes,first_staff_reply_p90_minutes,answered_within_target,answered_within_target_total,solved,solved_total,solution_median_minutes,solution_p90_minutes,solutions_by_customers,solutions_total',
        'Kettles,kettles,1440,2,1,600,600,1,600,600,1,2,,,,,,',
        '"Setup, Help",help,240,5,3,60,300,2,120,300,2,4,2,5,180,360,1,2',
      ),
    );
  });

  it('unanswered: questions past their target, oldest first, with their links', async () => {
    const { text, response } = await csv('format=csv&table=unanswered', ada);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="insights-unanswered-2026-10-27-2026-11-25.csv"');
    // Q5: asked Nov 16 09:00, target 4 h → overdue since 13:00, 8 days and 23 h ago.
    // K2: asked Nov 18 09:00, target 24 h → overdue since Nov 19 09:00, 6 days and 3 h ago.
    expect(text).toBe(
      lines(
        'thread_id,title,category,url,created_at,overdue_minutes,claimed_by',
        `${ids['q5']!.threadId},Question q5,"Setup, Help",${url('q5')},2026-11-16T09:00:00Z,${(8 * 24 + 23) * 60},`,
        `${ids['k2']!.threadId},Question k2,Kettles,${url('k2')},2026-11-18T09:00:00Z,${(6 * 24 + 3) * 60},`,
      ),
    );
  });

  it('weeks: Monday to Monday, the period’s part of the first and last', async () => {
    const { text } = await csv('format=csv&table=weeks', ada);
    expect(text).toBe(
      lines(
        'week_start,questions,first_reply_median_minutes,answered_within_target,answered_within_target_total,threads,replies,page_views',
        '2026-10-26,0,,0,0,0,0,0',
        '2026-11-02,0,,0,0,0,0,0',
        '2026-11-09,3,60,2,3,4,5,0',
        '2026-11-16,3,600,1,3,3,1,3',
        '2026-11-23,1,,0,0,1,0,0',
      ),
    );
  });

  it('moderation and top helpers', async () => {
    // Decided: waits of 30 and 120 min → median the 1st, p90 the 2nd. Flags by when raised.
    expect((await csv('format=csv&table=moderation', ada)).text).toBe(
      lines('measure,value', 'reviewed,2', 'review_wait_median_minutes,30', 'review_wait_p90_minutes,120', 'flags_spam,1', 'flags_abuse,1', 'flags_off_topic,1', 'flags_other,0', 'sanctions,1'),
    );
    // mia's accepted answer is staff's: not a helper.
    expect((await csv('format=csv&table=helpers', ada)).text).toBe(lines('username,accepted_answers,helpful_votes', 'bob,1,1', 'alice,0,1'));
  });

  it('a custom period counts whole UTC days, both ends included', async () => {
    const { text, response } = await csv('format=csv&from=2026-11-09&to=2026-11-15', ada);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="insights-summary-2026-11-09-2026-11-15.csv"');
    expect(text).toContain('\r\nquestions,3,\r\n');
    expect(text).toContain('\r\nanswered_within_target,2,3\r\n');
    expect(text).toContain('\r\nnew_threads,4,\r\nreplies,5,\r\n');
  });
});

describe('insights for a manager scoped to one category', () => {
  it('counts only their category (sanctions and new members stay community-wide)', async () => {
    // help only: first replies 30, 60, 300; staff 120, 300; within target Q1, Q3 of Q1, Q2, Q3, Q5.
    expect((await csv('format=csv', sam)).text).toBe(
      lines(
        'measure,value,total',
        'questions,5,',
        'first_reply_count,3,',
        'first_reply_median_minutes,60,',
        'first_reply_p90_minutes,300,',
        'first_staff_reply_count,2,',
        'first_staff_reply_median_minutes,120,',
        'first_staff_reply_p90_minutes,300,',
        'answered_within_target,2,4',
        'unanswered_past_target_now,1,',
        'solved,2,5',
        'solution_count,2,',
        'solution_median_minutes,180,',
        'solution_p90_minutes,360,',
        'solutions_by_customers,1,2',
        'new_threads,6,',
        'replies,5,',
        'new_members,1,',
        'active_members,3,',
        'page_views,2,',
      ),
    );
    expect((await csv('format=csv&table=moderation', sam)).text).toBe(
      lines('measure,value', 'reviewed,1', 'review_wait_median_minutes,120', 'review_wait_p90_minutes,120', 'flags_spam,1', 'flags_abuse,1', 'flags_off_topic,0', 'flags_other,0', 'sanctions,1'),
    );
    // An admin choosing the same category sees the same figures.
    expect((await csv('format=csv&category=help', ada)).text).toBe((await csv('format=csv', sam)).text);
    const categories = (await csv('format=csv&table=categories', sam)).text;
    expect(categories).not.toContain('Kettles');
    expect((await csv('format=csv&table=unanswered', sam)).text).not.toContain('Question k2');
  });

  it('answers 404 for a category outside the scope, as for one that does not exist', async () => {
    expect((await t.http.get('/mod/insights?category=kettles', { as: sam })).status).toBe(404);
    expect((await t.http.get('/mod/insights?category=kettles&format=csv', { as: sam })).status).toBe(404);
  });
});

describe('insights with an ideas board', () => {
  let u: TestContext;
  let admin: SignedIn;
  const made: Record<string, { threadId: number; slug: string }> = {};

  beforeAll(async () => {
    u = await createTestContext({ rateLimit: false });
    const { services: ctx, clock } = u;
    clock.set(at(10, 9));
    makeCategory(ctx, { name: 'Help', slug: 'help', kind: 'questions' });
    makeCategory(ctx, { name: 'Ideas', slug: 'ideas', kind: 'ideas' });
    const lena = await makeUser(ctx, { username: 'lena' });
    admin = await makeUser(ctx, { username: 'root', role: 'admin' });
    // Both are a day and more past the 24 h target by now, and nobody has replied to either.
    made['question'] = await makeThread(ctx, lena, { category: 'help', title: 'Lid will not close', body: 'Since Monday.' });
    made['idea'] = await makeThread(ctx, lena, { category: 'ideas', title: 'A quieter boil mode', body: 'Please.' });
    clock.set(NOW);
  });
  afterAll(() => u.close());

  const table = async (query: string) => {
    const response = await u.http.get(`/mod/insights?${query}`, { as: admin });
    expect(response.status).toBe(200);
    return response.text();
  };

  it('counts an idea as activity but never as a question waiting for a reply', async () => {
    const summary = await table('format=csv');
    expect(summary).toContain('\r\nquestions,1,\r\n');
    expect(summary).toContain('\r\nunanswered_past_target_now,1,\r\n');
    expect(summary).toContain('\r\nnew_threads,2,\r\n');
    const unanswered = await table('format=csv&table=unanswered');
    expect(unanswered).toContain('Lid will not close');
    expect(unanswered).not.toContain('A quieter boil mode');
    expect(await table('format=csv&table=categories')).toContain('\r\nIdeas,ideas,1440,0,0,');
    expect(await table('format=csv&category=ideas')).toContain('\r\nquestions,0,\r\n');
    const page = await table('category=ideas');
    expect(page).not.toContain('A quieter boil mode');
  });
});
