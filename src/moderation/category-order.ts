import { asc, eq, sql } from 'drizzle-orm';
import { categories, threads } from '../db/schema.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound, ValidationError } from '../lib/errors.js';
import { recordModAction } from './audit.js';
import { requireConfigurer } from './staff.js';

// Where each category stands on the home page, and whether it is archived. Both are admin changes,
// audited in the transaction that makes them.

export type MoveDirection = 'up' | 'down';

function isDirection(value: unknown): value is MoveDirection {
  return value === 'up' || value === 'down';
}

/**
 * Swaps a category with its neighbour in the home page's order. Positions are rewritten 0…n-1 for
 * the whole list first, so categories created with equal positions get a definite order. Changing
 * `position` bumps the categories' page versions (migration 0002's trigger): cached pages follow.
 */
export function moveCategory(ctx: ServiceContext, viewer: Viewer, input: { categoryId: number; direction: unknown }): void {
  const actor = requireConfigurer(viewer);
  // The buttons send one or the other; anything else is a hand-made request, told plainly.
  if (!isDirection(input.direction)) throw new ValidationError({ direction: msg('admin.categories.directionInvalid') }, msg('admin.categories.directionInvalid'));
  const order = ctx.db.select({ id: categories.id, position: categories.position, name: categories.name }).from(categories).orderBy(asc(categories.position), asc(categories.id)).all();
  const index = order.findIndex((category) => category.id === input.categoryId);
  if (index < 0) throw new NotFound(msg('mod.categoryGone'));
  const other = input.direction === 'up' ? index - 1 : index + 1;
  // Already first (or last): nothing to do, and nothing to audit.
  if (other < 0 || other >= order.length) return;
  const ids = order.map((category) => category.id);
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  ctx.db.transaction(
    (tx) => {
      ids.forEach((id, position) => {
        if (order[position]!.id !== id || order[position]!.position !== position) tx.update(categories).set({ position }).where(eq(categories.id, id)).run();
      });
      const details = { name: order[index]!.name, direction: input.direction, from: index + 1, to: other + 1 };
      recordModAction(tx, { actorId: actor.id, action: 'category_move', categoryId: input.categoryId, details, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
}

/**
 * Archives (or reopens) a category: it leaves the home page and the composer's choices and takes no
 * new threads or replies from members; its threads stay readable and its moderators still act.
 * `archived_at` is not among the columns the version triggers watch, so the category's and its
 * threads' versions are bumped here: their cached pages lose the reply form and the home page its row.
 */
export function setCategoryArchived(ctx: ServiceContext, viewer: Viewer, input: { categoryId: number; archived: boolean }): void {
  const actor = requireConfigurer(viewer);
  const category = ctx.db.select({ id: categories.id, name: categories.name, archivedAt: categories.archivedAt }).from(categories).where(eq(categories.id, input.categoryId)).get();
  if (!category) throw new NotFound(msg('mod.categoryGone'));
  if ((category.archivedAt !== null) === input.archived) return;
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      tx.update(categories).set({ archivedAt: input.archived ? now : null, version: sql`${categories.version} + 1` }).where(eq(categories.id, category.id)).run();
      tx.update(threads).set({ version: sql`${threads.version} + 1` }).where(eq(threads.categoryId, category.id)).run();
      const action = input.archived ? 'category_archive' : 'category_unarchive';
      recordModAction(tx, { actorId: actor.id, action, categoryId: category.id, details: { name: category.name }, at: now });
    },
    { behavior: 'immediate' },
  );
}
