import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { perConnection } from '../db/prepared.js';
import { categories, posts, threads, users } from '../db/schema.js';

// Denormalized counters and "latest activity" columns, always updated inside the transaction that
// changes the posts, so list pages never count or sort over the posts table.

export type { Tx } from '../db/client.js';
import type { Tx } from '../db/client.js';

export type NewPostFacts = { postId: number; threadId: number; categoryId: number; authorId: number; number: number; at: number };

// Every published post runs these (replies are a hot write path): raw statements prepared once per
// database, on the same connection as the caller's transaction, hence inside it.
const newPostStatements = perConnection((client) => {
  return {
    thread: client.prepare(
      'UPDATE threads SET last_post_number = @number, reply_count = reply_count + @isReply, last_post_id = @postId, last_post_at = @at, last_post_author_id = @authorId WHERE id = @threadId',
    ),
    category: client.prepare(
      'UPDATE categories SET thread_count = thread_count + 1 - @isReply, post_count = post_count + 1, last_thread_id = @threadId, last_post_at = @at WHERE id = @categoryId',
    ),
    author: client.prepare('UPDATE users SET post_count = post_count + 1 WHERE id = @authorId'),
  };
});

export function recordNewPost(tx: Tx, post: NewPostFacts): void {
  const statements = newPostStatements(tx);
  const isReply = post.number > 1 ? 1 : 0;
  statements.thread.run({ number: post.number, isReply, postId: post.postId, at: post.at, authorId: post.authorId, threadId: post.threadId });
  statements.category.run({ isReply, threadId: post.threadId, at: post.at, categoryId: post.categoryId });
  statements.author.run({ authorId: post.authorId });
}

/** A post left public view (deleted or hidden): counts drop and "latest" falls back to the newest visible post. */
export function recordRemovedPost(tx: Tx, post: { threadId: number; categoryId: number; authorId: number; number: number }): void {
  if (post.number > 1) {
    tx.update(threads).set({ replyCount: sql`max(${threads.replyCount} - 1, 0)` }).where(eq(threads.id, post.threadId)).run();
  }
  tx.update(categories).set({ postCount: sql`max(${categories.postCount} - 1, 0)` }).where(eq(categories.id, post.categoryId)).run();
  tx.update(users).set({ postCount: sql`max(${users.postCount} - 1, 0)` }).where(eq(users.id, post.authorId)).run();
  // A removed accepted answer no longer solves its thread (restoring it does not re-accept it).
  tx.update(threads)
    .set({ solvedPostId: null })
    .where(and(eq(threads.id, post.threadId), sql`${threads.solvedPostId} = (select id from posts where thread_id = ${post.threadId} and number = ${post.number})`))
    .run();
  refreshLastPost(tx, post.threadId);
}

/** A hidden post came back (unhidden, flags dismissed): counts return and "latest" is recomputed. */
export function recordRestoredPost(tx: Tx, post: { threadId: number; categoryId: number; authorId: number; number: number }): void {
  if (post.number > 1) {
    tx.update(threads).set({ replyCount: sql`${threads.replyCount} + 1` }).where(eq(threads.id, post.threadId)).run();
  }
  tx.update(categories).set({ postCount: sql`${categories.postCount} + 1` }).where(eq(categories.id, post.categoryId)).run();
  tx.update(users).set({ postCount: sql`${users.postCount} + 1` }).where(eq(users.id, post.authorId)).run();
  refreshLastPost(tx, post.threadId);
}

function refreshLastPost(tx: Tx, threadId: number): void {
  const latest = tx
    .select({ id: posts.id, createdAt: posts.createdAt, authorId: posts.authorId })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.status, 'published'), isNull(posts.deletedAt), isNull(posts.hiddenAt)))
    .orderBy(desc(posts.number))
    .limit(1)
    .get();
  if (!latest) return;
  tx.update(threads)
    .set({ lastPostId: latest.id, lastPostAt: latest.createdAt, lastPostAuthorId: latest.authorId })
    .where(eq(threads.id, threadId))
    .run();
}
