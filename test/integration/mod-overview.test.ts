import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread, makeUser } from '../../src/demo/factories.js';
import { createCategory } from '../../src/forum/categories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { ValidationError } from '../../src/lib/errors.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// The /mod overview's day at a glance, in the viewer's categories, and the per-category target
// reply time that decides which questions count as past target. sam manages `kettles` only.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let ctx: ModerationContext;
let sam: SignedIn;

const overview = async (user: SignedIn) => (await ctx.http.get('/mod', { as: user })).text();
const glance = (page: string, id: string) => page.match(new RegExp(`<li id="${id}">([^]*?)</li>`))?.[1] ?? '';

beforeAll(async () => {
  ctx = await createModerationContext();
  sam = await makeUser(ctx.services, { username: 'sam', role: 'manager' });
  expect((await ctx.http.post('/mod/users/sam/scope', { categories: [String(ctx.category.id)] }, { as: ctx.admin })).status).toBe(303);
  ctx.clock.set((Math.floor(ctx.clock.now() / DAY) + 1) * DAY + 9 * HOUR);
  await ctx.pendingThread(ctx.carol, 'Grinder retention question');
  await ctx.pendingThread(ctx.dave, 'Grinder noise question');
  const question = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Kettle stops at 90 degrees', body: 'Is that normal?' });
  await ctx.flag(ctx.other, question.postId, 'spam');
  ctx.clock.advance(3 * HOUR);
});
afterAll(() => ctx.close());

describe('the day at a glance on /mod', () => {
  it('shows the queue and its oldest item, questions past target and flags today, each linking where it is worked', async () => {
    const page = await overview(ctx.manager);
    // Two held threads and the flag's item.
    expect(glance(page, 'glance-queue')).toContain('<a href="/mod/queue">3 items wait for review</a>');
    expect(glance(page, 'glance-queue')).toMatch(/The oldest arrived <time datetime="[^"]+"[^>]*>3 hours ago<\/time>\./);
    expect(glance(page, 'glance-unanswered')).toContain('<a href="/mod/insights">No questions past their target reply time</a>');
    expect(glance(page, 'glance-flags')).toBe('1 flag raised today (UTC)');
    expect(page).toContain('<h2><a href="/mod/insights">Insights</a></h2>');
  });

  it('counts only the categories a scoped manager moderates, whose header links to the queue too', async () => {
    const page = await overview(sam);
    expect(glance(page, 'glance-queue')).toContain('1 item waits for review');
    expect(glance(page, 'glance-flags')).toBe('1 flag raised today (UTC)');
    expect(page).toMatch(/<a href="\/mod\/queue">Review/);
    expect((await ctx.http.get('/mod', { as: ctx.member })).status).toBe(403);
  });

  it('starts counting flags again at midnight UTC', async () => {
    const at = ctx.clock.now();
    ctx.clock.set((Math.floor(at / DAY) + 1) * DAY + MINUTE);
    expect(glance(await overview(ctx.manager), 'glance-flags')).toBe('No flags raised today (UTC)');
    ctx.clock.set(at);
  });
});

describe('a category’s target reply time', () => {
  it('a 2-hour target makes a 3-hour-old question past target, audited', async () => {
    const response = await ctx.http.post(`/admin/categories/${ctx.category.id}`, { kind: 'discussion', moderation: 'open', targetValue: '2', targetUnit: 'hours' }, { as: ctx.admin });
    expect(location(response)).toBe('/admin/categories?done=saved');
    expect(ctx.row('select target_reply_minutes as minutes from categories where id = ?', ctx.category.id)).toEqual({ minutes: 120 });
    expect(ctx.row('select action, details from mod_log order by id desc limit 1')).toEqual({
      action: 'category_settings',
      details: JSON.stringify({ from: { targetReplyMinutes: 1440 }, to: { targetReplyMinutes: 120 } }),
    });
    expect(glance(await overview(ctx.manager), 'glance-unanswered')).toContain('1 question past its target reply time');
    expect(glance(await overview(sam), 'glance-unanswered')).toContain('1 question past its target reply time');
    const form = await (await ctx.http.get('/admin/categories', { as: ctx.admin })).text();
    expect(form).toContain(`id="category-${ctx.category.id}-target" name="targetValue" inputmode="numeric" size="6" maxlength="6" required value="2"`);
    expect(form).toMatch(new RegExp(`id="category-${ctx.category.id}-target-unit"[^]*?<option value="hours" selected>hours</option>`));
  });

  it('refuses a target that is not a whole number, outside 1 minute–30 days, or in an unknown unit (422, values kept)', async () => {
    for (const [targetValue, targetUnit, message] of [
      ['soon', 'hours', 'Please enter the target reply time as a whole number, for example 4 hours.'],
      ['31', 'days', 'The target reply time must be between 1 minute and 30 days.'],
      ['0', 'minutes', 'The target reply time must be between 1 minute and 30 days.'],
      ['2', 'weeks', 'Please choose minutes, hours or days for the target reply time.'],
    ] as const) {
      const response = await ctx.http.post(`/admin/categories/${ctx.category.id}`, { kind: 'questions', moderation: 'all', targetValue, targetUnit }, { as: ctx.admin });
      expect(response.status).toBe(422);
      const text = await response.text();
      expect(text).toContain(message);
      expect(text).toContain(`value="${targetValue}"`);
      // The other fields are shown as typed too.
      expect(text).toMatch(new RegExp(`id="category-${ctx.category.id}-kind" name="kind"><option value="discussion">[^]*?<option value="questions" selected>`));
    }
    expect(ctx.row('select kind, target_reply_minutes as minutes from categories where id = ?', ctx.category.id)).toEqual({ kind: 'discussion', minutes: 120 });
    expect((await ctx.http.post(`/admin/categories/${ctx.category.id}`, { kind: 'discussion', moderation: 'open', targetValue: '1', targetUnit: 'hours' }, { as: ctx.manager })).status).toBe(403);
  });

  it('keeps minutes that are not whole hours, and the command line takes whole hours', async () => {
    await ctx.http.post(`/admin/categories/${ctx.category.id}`, { kind: 'discussion', moderation: 'open', targetValue: '90', targetUnit: 'minutes' }, { as: ctx.admin });
    expect(ctx.row('select target_reply_minutes as minutes from categories where id = ?', ctx.category.id)).toEqual({ minutes: 90 });
    expect(await (await ctx.http.get('/admin/categories', { as: ctx.admin })).text()).toContain('required value="90"');
    expect(createCategory(ctx.services, 'system', { name: 'Kitchen Scales', target: { value: '4', unit: 'hours' } })).toMatchObject({ slug: 'kitchen-scales' });
    expect(ctx.row("select target_reply_minutes as minutes from categories where slug = 'kitchen-scales'")).toEqual({ minutes: 240 });
    expect(() => createCategory(ctx.services, 'system', { name: 'Milk Frothers', target: { value: '800', unit: 'hours' } })).toThrow(ValidationError);
  });
});
