import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { runReviewAlerts } from '../../src/moderation/review-alerts.js';
import { runUnansweredSummaries } from '../../src/moderation/unanswered-summary.js';
import { staffAlertJobs } from '../../src/operations/background-jobs.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// Staff are told about work waiting for them, grouped: one notification per check for all newly
// overdue review items they can act on, and one summary a day of questions past their target.
// mia manages everywhere, ada is the admin, sam manages `kettles` only, gus manages `grinders`
// only (where everything waits for approval); alice and carol are members.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let ctx: ModerationContext;
let sam: SignedIn;
let gus: SignedIn;

type NotificationRow = { user_id: number; kind: string; data: string; emailed_at: number | null };
const notificationsOf = (kind: string) => ctx.rows<NotificationRow>('select user_id, kind, data, emailed_at from notifications where kind = ? order by user_id, id', kind);
const outboxTo = (address: string) => ctx.rows<{ subject: string; text_body: string }>('select subject, text_body from email_outbox where to_address = ?', address);

beforeAll(async () => {
  ctx = await createModerationContext();
  sam = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  gus = await makeUser(ctx.services, { username: 'gus', role: 'manager' });
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(ctx.category.id)] }, { as: ctx.admin })).status).toBe(303);
  expect((await ctx.http.post('/mod/users/gus/scope', { categories: [String(ctx.strict.id)] }, { as: ctx.admin })).status).toBe(303);
  for (const user of [ctx.manager, sam, gus]) expect((await ctx.http.post('/account/email', { preference: 'immediately' }, { as: user })).status).toBe(303);
  // A fixed morning (UTC) after the accounts were made, so "today" and "a day later" are certain.
  ctx.clock.set((Math.floor(ctx.clock.now() / DAY) + 1) * DAY + 9 * HOUR);
});
afterAll(() => ctx.close());

describe('review queue alerts', () => {
  it('stay quiet for items that have waited 29 minutes', async () => {
    for (let i = 1; i <= 5; i += 1) await ctx.pendingThread(i % 2 ? ctx.member : ctx.carol, `Burr grinder question number ${i}`);
    ctx.clock.advance(29 * MINUTE);
    expect(runReviewAlerts(ctx.db, ctx.clock.now())).toEqual({ items: 0, notified: 0 });
    expect(notificationsOf('review_overdue')).toEqual([]);
  });

  it('at 31 minutes, tell each staff member who moderates the items once, with one email for five items', async () => {
    ctx.clock.advance(2 * MINUTE);
    const [reviewJob] = staffAlertJobs(ctx.services);
    await reviewJob!.run(ctx.clock.now());
    const rows = notificationsOf('review_overdue');
    // mia (everywhere), ada (admin) and gus (grinders); not sam (kettles only), not the members.
    expect(rows.map((row) => row.user_id).sort()).toEqual([ctx.manager.id, ctx.admin.id, gus.id].sort());
    expect(rows.every((row) => JSON.parse(row.data).count === 5 && JSON.parse(row.data).minutes === 30)).toBe(true);
    expect(ctx.row<{ n: number }>("select count(*) as n from review_items where status = 'open' and alerted_at is null").n).toBe(0);

    const mail = outboxTo('mia@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('5 posts have waited more than 30 minutes for review.');
    expect(mail[0]!.text_body).toContain(`${ctx.config.baseUrl}/mod/queue`);
    expect(outboxTo('gus@example.com')).toHaveLength(1);
    expect(outboxTo('sam@example.com')).toEqual([]);
    // ada kept the default (a daily digest): her alert waits for it, unmailed.
    expect(rows.find((row) => row.user_id === ctx.admin.id)!.emailed_at).toBeNull();
  });

  it('do not alert the same items again', async () => {
    ctx.clock.advance(10 * MINUTE);
    expect(runReviewAlerts(ctx.db, ctx.clock.now())).toEqual({ items: 0, notified: 0 });
    expect(notificationsOf('review_overdue')).toHaveLength(3);
    expect(outboxTo('mia@example.com')).toHaveLength(1);
  });

  it('show on the notifications page and lead to the queue', async () => {
    const page = await (await ctx.http.get('/notifications', { as: gus })).text();
    expect(page).toContain('5 posts have waited more than 30 minutes for review.');
    const id = ctx.row<{ id: number }>("select id from notifications where user_id = ? and kind = 'review_overdue'", gus.id).id;
    expect(page).toContain(`action="/notifications/${id}/open"`);
    expect(location(await ctx.http.post(`/notifications/${id}/open`, {}, { as: gus }))).toBe('/mod/queue');
  });

  it('follow the delay an admin sets', async () => {
    expect(location(await ctx.http.post('/admin/flags/review-alert', { minutes: '45' }, { as: ctx.admin }))).toBe('/admin/flags?done=alert-saved');
    expect(ctx.row('select action, details from mod_log order by id desc limit 1')).toEqual({ action: 'alert_settings', details: JSON.stringify({ from: 30, to: 45 }) });
    await ctx.pendingThread(ctx.carol, 'Grinder question after the change');
    ctx.clock.advance(31 * MINUTE);
    expect(runReviewAlerts(ctx.db, ctx.clock.now()).items).toBe(0);
    ctx.clock.advance(15 * MINUTE);
    expect(runReviewAlerts(ctx.db, ctx.clock.now())).toEqual({ items: 1, notified: 3 });
    expect(JSON.parse(notificationsOf('review_overdue').at(-1)!.data)).toEqual({ count: 1, minutes: 45 });
  });

  it('refuse a delay outside 5–1440 minutes or not a number (422, value kept); managers may not change it', async () => {
    for (const [minutes, message] of [
      ['4', 'The delay must be between 5 and 1440 minutes.'],
      ['1441', 'The delay must be between 5 and 1440 minutes.'],
      ['half an hour', 'Please enter the delay as a whole number of minutes, from 5 to 1440.'],
    ] as const) {
      const response = await ctx.http.post('/admin/flags/review-alert', { minutes }, { as: ctx.admin });
      expect(response.status).toBe(422);
      const text = await response.text();
      expect(text).toContain(message);
      expect(text).toContain(`value="${minutes}"`);
    }
    expect((await ctx.http.post('/admin/flags/review-alert', { minutes: '10' }, { as: ctx.manager })).status).toBe(403);
    expect(await (await ctx.http.get('/admin/flags', { as: ctx.admin })).text()).toMatch(/name="minutes"[^>]*value="45"|value="45"[^>]*name="minutes"/);
  });
});

describe('daily summary of questions past their target', () => {
  it('tells each staff member once a day how many questions in their categories are past target, and the oldest', async () => {
    // Questions asked now; a day and a minute later they are past the default 24-hour target.
    await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Kettle shows E3 after descaling', body: 'What does E3 mean?' });
    ctx.clock.advance(MINUTE);
    await makeThread(ctx.services, ctx.carol, { category: 'kettles', title: 'Can the base go in the dishwasher?', body: 'Asking before I try.' });
    ctx.clock.advance(DAY + MINUTE);

    const [, summaryJob] = staffAlertJobs(ctx.services);
    await summaryJob!.run(ctx.clock.now());
    const rows = notificationsOf('unanswered_summary');
    // gus moderates only grinders, where nothing is past target.
    expect(rows.map((row) => row.user_id).sort()).toEqual([ctx.manager.id, ctx.admin.id, sam.id].sort());
    for (const row of rows) expect(JSON.parse(row.data)).toMatchObject({ count: 2, title: 'Kettle shows E3 after descaling' });
    const mail = outboxTo('sam@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('2 questions have waited past the target reply time.');
    expect(mail[0]!.text_body).toContain(`${ctx.config.baseUrl}/mod/insights`);

    // Not again the same day, by this job or another process's.
    ctx.clock.advance(3 * HOUR);
    expect(runUnansweredSummaries(ctx.services, ctx.clock.now())).toBeNull();
    await summaryJob!.run(ctx.clock.now());
    expect(notificationsOf('unanswered_summary')).toHaveLength(3);

    // The next day, again.
    ctx.clock.advance(DAY);
    expect(runUnansweredSummaries(ctx.services, ctx.clock.now())).toBe(3);
    expect(notificationsOf('unanswered_summary')).toHaveLength(6);
  });
});
