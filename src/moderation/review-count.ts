import { and, count, eq, inArray } from 'drizzle-orm';
import { reviewItems } from '../db/schema.js';
import { isStaff } from '../forum/permissions.js';
import type { ServiceContext, Viewer } from '../lib/context.js';

/** Open items in the review queue that this staff member can act on (scoped managers: their categories). */
export function countOpenReviewItems(ctx: ServiceContext, viewer: Viewer): number {
  if (viewer === null || !isStaff(viewer)) return 0;
  const scoped = viewer.role === 'manager' && viewer.scope !== undefined;
  return (
    ctx.db
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.status, 'open'), scoped ? inArray(reviewItems.categoryId, viewer.scope!) : undefined))
      .get()?.n ?? 0
  );
}
