import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { pendingEdits, postRevisions, posts, reviewItems, threads, uploads } from '../db/schema.js';
import { recordRemovedPost } from '../forum/counters.js';

// What erasure does with a member's writing, as they chose (docs/privacy.md):
// anonymize — posts stay, shown under "deleted member" (the author is the emptied account);
// delete — every post is deleted and emptied (body, HTML, text, revisions, held edits), threads
// nobody else wrote in go, and a thread others replied to stays with their replies, its opening
// post shown as deleted.

export const postChoices = ['anonymize', 'delete'] as const;
export type PostChoice = (typeof postChoices)[number];

type OwnPost = { id: number; threadId: number; number: number | null; status: string; deletedAt: number | null; hiddenAt: number | null; categoryId: number };

export function erasePosts(tx: Tx, input: { userId: number; choice: PostChoice; now: number }): { posts: number; threads: number } {
  if (input.choice === 'anonymize') {
    // Images in kept posts stay; they are nobody's now.
    tx.update(uploads).set({ userId: null }).where(and(eq(uploads.userId, input.userId), eq(uploads.purpose, 'post'))).run();
    return { posts: 0, threads: 0 };
  }
  const own = tx
    .select({ id: posts.id, threadId: posts.threadId, number: posts.number, status: posts.status, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt, categoryId: threads.categoryId })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.authorId, input.userId))
    .all();
  for (const post of own) removePost(tx, post, input.userId, input.now);
  const ids = own.map((post) => post.id);
  if (ids.length > 0) {
    tx.update(posts).set({ body: '', bodyHtml: '', bodyText: '', searchText: null }).where(inArray(posts.id, ids)).run();
    tx.delete(postRevisions).where(inArray(postRevisions.postId, ids)).run();
    tx.delete(pendingEdits).where(inArray(pendingEdits.postId, ids)).run();
  }
  tx.delete(uploads).where(eq(uploads.userId, input.userId)).run();
  const gone = deleteOwnThreads(tx, input.userId);
  return { posts: own.length, threads: gone };
}

/** As the author's own delete does: counters drop, a waiting post leaves the queue. */
function removePost(tx: Tx, post: OwnPost, authorId: number, now: number): void {
  if (post.deletedAt !== null) return;
  tx.update(posts).set({ deletedAt: now }).where(eq(posts.id, post.id)).run();
  if (post.status === 'published' && post.number !== null && post.hiddenAt === null) recordRemovedPost(tx, { threadId: post.threadId, categoryId: post.categoryId, authorId, number: post.number });
  tx.update(reviewItems)
    .set({ status: 'resolved', resolution: 'dismissed', reason: 'Account deleted', resolvedById: null, resolvedAt: now })
    .where(and(eq(reviewItems.postId, post.id), eq(reviewItems.status, 'open')))
    .run();
}

/**
 * Threads the member opened where nobody else wrote go entirely, title and all. A thread others
 * replied to stays with its title: their replies answer it.
 */
function deleteOwnThreads(tx: Tx, userId: number): number {
  const alone = tx
    .select({ id: threads.id, categoryId: threads.categoryId, status: threads.status })
    .from(threads)
    .where(and(eq(threads.authorId, userId), sql`not exists (select 1 from posts where posts.thread_id = ${threads.id} and posts.author_id != ${userId})`))
    .all();
  for (const thread of alone) {
    tx.delete(threads).where(eq(threads.id, thread.id)).run();
    const published = thread.status === 'published' ? 1 : 0;
    tx.run(sql`update categories set thread_count = max(thread_count - ${published}, 0),
      last_thread_id = (select id from threads where category_id = ${thread.categoryId} and status = 'published' order by last_post_at desc limit 1),
      last_post_at = (select max(last_post_at) from threads where category_id = ${thread.categoryId} and status = 'published')
      where id = ${thread.categoryId}`);
  }
  return alone.length;
}
