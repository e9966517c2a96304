import { eq } from 'drizzle-orm';
import { categories, pollCreators, type PollCreators } from '../db/schema.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, NotFound } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { requireConfigurer } from '../moderation/staff.js';

/** Admin → Categories, "Who may add polls": the thread's author (`members`) or only staff. Audited as a category setting. */
export function setPollCreators(ctx: ServiceContext, viewer: Viewer, input: { categoryId: number; pollCreators: unknown }): void {
  const actor = requireConfigurer(viewer);
  assertValid({ pollCreators: (pollCreators as readonly unknown[]).includes(input.pollCreators) ? undefined : msg('poll.creatorsInvalid') });
  const next = input.pollCreators as PollCreators;
  ctx.db.transaction(
    (tx) => {
      const category = tx.select({ pollCreators: categories.pollCreators }).from(categories).where(eq(categories.id, input.categoryId)).get();
      if (!category) throw new NotFound(msg('mod.categoryGone'));
      if (category.pollCreators === next) return;
      tx.update(categories).set({ pollCreators: next }).where(eq(categories.id, input.categoryId)).run();
      recordModAction(tx, { actorId: actor.id, action: 'category_settings', categoryId: input.categoryId, details: { from: { pollCreators: category.pollCreators }, to: { pollCreators: next } }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
}
