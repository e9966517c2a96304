import { asc } from 'drizzle-orm';
import { categories } from '../db/schema.js';
import { canModerate } from '../forum/permissions.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { requireStaff } from '../moderation/staff.js';
import type { CategoryFacts } from './types.js';

/** The categories whose insights this staff member may see: those they moderate (admins: all). */
export function categoriesInScope(ctx: ServiceContext, viewer: Viewer): CategoryFacts[] {
  const staff = requireStaff(viewer);
  const all = ctx.db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, kind: categories.kind, targetReplyMinutes: categories.targetReplyMinutes })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  return all.filter((category) => canModerate(staff, category.id));
}

/**
 * The categories whose threads are questions waiting for a reply: all but ideas boards, whose
 * threads wait for votes and a status instead (src/ideas/). Response times, solutions and the
 * unanswered worklist count only these; activity, moderation and feedback count every category.
 */
export function askingCategories<C extends Pick<CategoryFacts, 'kind'>>(categories: readonly C[]): C[] {
  return categories.filter((category) => category.kind !== 'ideas');
}
