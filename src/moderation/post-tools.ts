import { and, eq } from 'drizzle-orm';
import { flags, reviewItems } from '../db/schema.js';
import { loadPost } from '../forum/posts.js';
import { canModerate } from '../forum/permissions.js';
import { normalizeText } from '../forum/validation.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, Unauthenticated } from '../lib/errors.js';
import { notify } from '../notifications/notify.js';
import { recordModAction, type Tx } from './audit.js';
import { hidePost, unhidePost } from './visibility.js';

function moderatedPost(ctx: ServiceContext, viewer: Viewer, postId: number) {
  if (viewer === null) throw new Unauthenticated();
  const post = loadPost(ctx, postId);
  if (!canModerate(viewer, post.categoryId)) throw new Forbidden(msg('mod.notYourCategory'));
  return { actor: viewer, post };
}

/** Open flags on the post are settled by this decision, and its flag item leaves the queue. */
export function settleFlags(tx: Tx, input: { postId: number; actorId: number; outcome: 'resolved' | 'dismissed'; reason: string | null; now: number }): void {
  tx.update(flags)
    .set({ status: input.outcome, resolvedById: input.actorId, resolvedAt: input.now })
    .where(and(eq(flags.postId, input.postId), eq(flags.status, 'open')))
    .run();
  tx.update(reviewItems)
    .set({ status: 'resolved', resolution: input.outcome === 'resolved' ? 'hidden' : 'dismissed', reason: input.reason, resolvedById: input.actorId, resolvedAt: input.now })
    .where(and(eq(reviewItems.postId, input.postId), eq(reviewItems.kind, 'flag'), eq(reviewItems.status, 'open')))
    .run();
}

/** A manager hides a post with a reason the author is told; open flags on it are resolved. */
export function hidePostWithReason(ctx: ServiceContext, viewer: Viewer, input: { postId: number; reason: unknown }) {
  const reason = normalizeText(input.reason).trim();
  assertValid({ reason: reason.length === 0 ? msg('mod.hideReasonMissing') : reason.length > 300 ? msg('mod.reasonTooLong', { max: 300 }) : undefined });
  const { actor, post } = moderatedPost(ctx, viewer, input.postId);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      if (!hidePost(tx, { postId: post.id, byId: actor.id, reason, now })) {
        // Already hidden automatically after flags: the manager's decision replaces the automatic reason.
        unhidePost(tx, { postId: post.id, now });
        hidePost(tx, { postId: post.id, byId: actor.id, reason, now });
      }
      settleFlags(tx, { postId: post.id, actorId: actor.id, outcome: 'resolved', reason, now });
      recordModAction(tx, { actorId: actor.id, action: 'hide', targetUserId: post.authorId, targetThreadId: post.threadId, targetPostId: post.id, categoryId: post.categoryId, reason, at: now });
      notify(tx, { userId: post.authorId, kind: 'post_hidden', actorId: actor.id, threadId: post.threadId, postId: post.id, data: { reason, title: post.title }, at: now });
    },
    { behavior: 'immediate' },
  );
  return post;
}

export function unhidePostByModerator(ctx: ServiceContext, viewer: Viewer, input: { postId: number }) {
  const { actor, post } = moderatedPost(ctx, viewer, input.postId);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      if (!unhidePost(tx, { postId: post.id, now })) return;
      settleFlags(tx, { postId: post.id, actorId: actor.id, outcome: 'dismissed', reason: null, now });
      recordModAction(tx, { actorId: actor.id, action: 'unhide', targetUserId: post.authorId, targetThreadId: post.threadId, targetPostId: post.id, categoryId: post.categoryId, at: now });
      notify(tx, { userId: post.authorId, kind: 'post_unhidden', actorId: actor.id, threadId: post.threadId, postId: post.id, data: { title: post.title }, at: now });
    },
    { behavior: 'immediate' },
  );
  return post;
}
