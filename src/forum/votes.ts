import { and, eq, sql } from 'drizzle-orm';
import { postVotes, posts, threads } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { canVote } from './permissions.js';
import { pageOfPost } from './threads.js';

// "Helpful" votes. posts.helpful_count and threads.helpful_count (which ranks the "top" sort) are
// kept in the same transaction as the vote row. When a voted post is later deleted or hidden its
// votes and counts stay as they were: the votes were honest when cast, and restoring a hidden post
// needs no recount. Only live posts take new votes or withdrawals.

export type VoteResult = { postId: number; threadId: number; slug: string; number: number; page: number; voted: boolean; helpfulCount: number };

/** Adds the viewer's vote, or withdraws it if they had already voted. */
export function toggleHelpful(ctx: ServiceContext, viewer: Viewer, input: { postId: number }): VoteResult {
  if (viewer === null) throw new Unauthenticated(msg('vote.logIn'));
  return ctx.db.transaction(
    (tx) => {
      const post = tx
        .select({ id: posts.id, number: posts.number, status: posts.status, authorId: posts.authorId, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt, threadId: threads.id, slug: threads.slug, threadStatus: threads.status })
        .from(posts)
        .innerJoin(threads, eq(threads.id, posts.threadId))
        .where(eq(posts.id, input.postId))
        .get();
      const live = post && post.status === 'published' && post.threadStatus === 'published' && post.deletedAt === null && post.hiddenAt === null;
      if (!post || !live || post.number === null) throw new NotFound(msg('post.notFound'));
      if (!canVote(viewer, post)) throw new Forbidden(msg('vote.ownPost'));
      const removed = tx.delete(postVotes).where(and(eq(postVotes.postId, post.id), eq(postVotes.userId, viewer.id))).run().changes > 0;
      if (!removed) tx.insert(postVotes).values({ postId: post.id, userId: viewer.id, createdAt: ctx.now() }).run();
      const delta = removed ? -1 : 1;
      const updated = tx
        .update(posts)
        .set({ helpfulCount: sql`max(${posts.helpfulCount} + ${delta}, 0)` })
        .where(eq(posts.id, post.id))
        .returning({ helpfulCount: posts.helpfulCount })
        .get();
      tx.update(threads).set({ helpfulCount: sql`max(${threads.helpfulCount} + ${delta}, 0)` }).where(eq(threads.id, post.threadId)).run();
      return { postId: post.id, threadId: post.threadId, slug: post.slug, number: post.number, page: pageOfPost(post.number), voted: !removed, helpfulCount: updated?.helpfulCount ?? 0 };
    },
    { behavior: 'immediate' },
  );
}
