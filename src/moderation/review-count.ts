import { and, count, eq } from 'drizzle-orm';
import { reviewItems } from '../db/schema.js';
import { isStaff, moderatedCategoryFilter } from '../forum/permissions.js';
import type { ServiceContext, Viewer } from '../lib/context.js';

/** Open items in the review queue that this staff member can act on (scoped managers: their categories). */
export function countOpenReviewItems(ctx: ServiceContext, viewer: Viewer): number {
  if (viewer === null || !isStaff(viewer)) return 0;
  return (
    ctx.db
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.status, 'open'), moderatedCategoryFilter(viewer, reviewItems.categoryId)))
      .get()?.n ?? 0
  );
}
