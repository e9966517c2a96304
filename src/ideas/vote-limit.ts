import { and, eq } from 'drizzle-orm';
import { categories } from '../db/schema.js';
import { canConfigure } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, NotFound } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';

// An ideas board's limit on how many open ideas a member may vote for at once (null: no limit).

export const VOTE_LIMIT_MAX = 1000;

/** The form's value: empty for no limit, else a whole number from 1 to VOTE_LIMIT_MAX; undefined when invalid. */
export function parseVoteLimit(value: unknown): number | null | undefined {
  const text = typeof value === 'string' ? value.trim() : value === null ? '' : String(value ?? '');
  if (text === '') return null;
  if (!/^[0-9]{1,4}$/.test(text)) return undefined;
  const limit = Number(text);
  return limit >= 1 && limit <= VOTE_LIMIT_MAX ? limit : undefined;
}

/** `system` is the command line and the demo seed. */
export function setIdeaVoteLimit(ctx: ServiceContext, viewer: Viewer | 'system', input: { categoryId: number; limit: unknown }): number | null {
  const limit = parseVoteLimit(input.limit);
  assertValid({ voteLimit: limit === undefined ? msg('admin.categories.voteLimitInvalid') : undefined });
  if (viewer !== 'system' && !canConfigure(viewer)) throw new Forbidden(msg('category.adminsOnly'));
  const category = ctx.db.select({ id: categories.id, kind: categories.kind }).from(categories).where(eq(categories.id, input.categoryId)).get();
  if (!category || category.kind !== 'ideas') throw new NotFound(msg('category.notFound'));
  ctx.db.transaction(
    (tx) => {
      tx.update(categories).set({ ideaVoteLimit: limit! }).where(and(eq(categories.id, category.id))).run();
      if (viewer !== 'system' && viewer !== null) {
        recordModAction(tx, { actorId: viewer.id, action: 'category_settings', categoryId: category.id, details: { ideaVoteLimit: limit }, at: ctx.now() });
      }
    },
    { behavior: 'immediate' },
  );
  return limit!;
}
