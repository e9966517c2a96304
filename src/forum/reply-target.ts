import { and, eq, isNull } from 'drizzle-orm';
import { posts, threads, users } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';
import type { Tx } from './counters.js';

// What a reply may answer: a published, visible post of a published thread.
const live = and(eq(posts.status, 'published'), isNull(posts.deletedAt), isNull(posts.hiddenAt), eq(threads.status, 'published'));

/** The post a reply answers ("Reply" on a post sends `replyTo` = its number in the thread). */
export type ReplyTarget = { postId: number; number: number; authorId: number; username: string };

/**
 * A published, visible post of a published thread, by its number; null for anything else. A bad
 * `replyTo` (not a number, out of range, deleted, hidden, waiting) is ignored rather than refused:
 * the reply itself is still worth posting. Such posts are readable by everyone, so no viewer check.
 */
export function findReplyTarget(ctx: ServiceContext, input: { threadId: number; replyTo: unknown }): ReplyTarget | null {
  if (typeof input.replyTo !== 'string' || !/^[1-9][0-9]{0,6}$/.test(input.replyTo)) return null;
  const target = ctx.db
    .select({ postId: posts.id, number: posts.number, authorId: posts.authorId, username: users.username })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(eq(posts.threadId, input.threadId), eq(posts.number, Number(input.replyTo)), live),
    )
    .get();
  return target && target.number !== null ? { ...target, number: target.number } : null;
}

/**
 * The post a held reply answered, when it is published at last: only if that post is still
 * published and visible (it may have been deleted or hidden while the reply waited).
 */
export function replyTargetById(tx: Pick<Tx, 'select'>, postId: number | null): { number: number; authorId: number } | null {
  if (postId === null) return null;
  const target = tx
    .select({ number: posts.number, authorId: posts.authorId })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(eq(posts.id, postId), live))
    .get();
  return target && target.number !== null ? { number: target.number, authorId: target.authorId } : null;
}
