import { and, eq, isNull } from 'drizzle-orm';
import { categories } from '../db/schema.js';
import { canAddPoll, isStaff } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { ValidationError } from '../lib/errors.js';
import { validatePoll, type PollDraft, type PollForm } from './draft.js';

// The poll of a thread being started: checked before the thread is written, so a bad poll brings
// the whole form back (422) with everything kept and nothing stored. The poll itself is added by
// createPoll right after the thread, under the same rules.

/** Whether the composer offers a poll at all: staff, or a category that lets members add one. */
export function composerOffersPoll(ctx: ServiceContext, viewer: Viewer): boolean {
  if (viewer === null) return false;
  if (isStaff(viewer)) return true;
  return ctx.db.select({ id: categories.id }).from(categories).where(and(eq(categories.pollCreators, 'members'), isNull(categories.archivedAt))).limit(1).get() !== undefined;
}

/** The checked poll for a new thread in `category` (its slug), or a ValidationError on the poll's fields. */
export function checkNewThreadPoll(ctx: ServiceContext, viewer: Viewer, input: { category: string; form: PollForm; timeZone: string }): PollDraft {
  const draft = validatePoll(input.form, { timeZone: input.timeZone, now: ctx.now() });
  const category = ctx.db.select({ id: categories.id, pollCreators: categories.pollCreators }).from(categories).where(eq(categories.slug, input.category)).get();
  // A missing category is the thread's own error; createThread reports it.
  if (category === undefined || viewer === null) return draft;
  const thread = { authorId: viewer.id, categoryId: category.id, pollCreators: category.pollCreators, pollCount: 0 };
  if (!canAddPoll(viewer, thread, ctx.now(), draft.kind)) {
    throw new ValidationError({ pollQuestion: category.pollCreators === 'staff' ? msg('poll.staffOnlyHere') : msg('poll.notAllowed') });
  }
  return draft;
}
