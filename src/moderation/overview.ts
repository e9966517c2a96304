import { and, count, eq, gte, min } from 'drizzle-orm';
import { flags, posts, reviewItems, threads } from '../db/schema.js';
import { moderatedCategoryFilter } from '../forum/permissions.js';
import { countUnanswered } from '../insights/unanswered.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { requireStaff } from './staff.js';

// The day at a glance on /mod: what waits for this staff member now, in the categories they
// moderate. Each figure is one indexed query (review_items_open_idx, threads_unanswered_idx,
// flags_created_idx), so the overview stays cheap however large the forum.

const DAY_MS = 24 * 60 * 60_000;

export type DayAtAGlance = {
  /** Open review items this staff member can act on, and when the oldest of them arrived. */
  queueSize: number;
  oldestWaitingSince: number | null;
  /** Customers' questions past their category's target reply time now. */
  pastTarget: number;
  /** Flags raised since midnight UTC on posts in these categories. */
  flagsToday: number;
};

export function dayAtAGlance(ctx: ServiceContext, viewer: Viewer): DayAtAGlance {
  const staff = requireStaff(viewer);
  const now = ctx.now();
  const queue = ctx.db
    .select({ size: count(), oldest: min(reviewItems.createdAt) })
    .from(reviewItems)
    .where(and(eq(reviewItems.status, 'open'), moderatedCategoryFilter(staff, reviewItems.categoryId)))
    .get();
  const flagsToday = ctx.db
    .select({ n: count() })
    .from(flags)
    .innerJoin(posts, eq(posts.id, flags.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(gte(flags.createdAt, now - (now % DAY_MS)), moderatedCategoryFilter(staff, threads.categoryId)))
    .get();
  return {
    queueSize: queue?.size ?? 0,
    oldestWaitingSince: queue?.oldest ?? null,
    pastTarget: countUnanswered(ctx, staff),
    flagsToday: flagsToday?.n ?? 0,
  };
}
