import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories, posts, reviewItems, threads, users } from '../db/schema.js';
import { announcePost } from '../notifications/announce.js';
import type { Tx } from './audit.js';
import { containsLink, mustWait, openApprovalItem, publishPost } from './publication.js';
import { findWatchedWords, loadWatchedWords } from './watched-words.js';

// A member's posts written before they confirmed their address wait with no review item: they are
// nobody's work yet. That is how they are told apart from posts held for approval (ADR 0023):
// pending, not deleted, and no open review item. Confirming the address sends each one through
// the decision a new post gets (category mode, watched words set to queue, the member's record):
// published as if just written, or handed to the managers with an approval item.

const noOpenItem = sql`not exists (select 1 from ${reviewItems} where ${reviewItems.postId} = ${posts.id} and ${reviewItems.status} = 'open')`;

/** A post waiting for its author to confirm their address: only its author may see it, staff included. */
export const awaitingConfirmation = sql`(${posts.status} = 'pending' and ${noOpenItem})`;

export function awaitsConfirmation(db: Db, postId: number): boolean {
  return db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, postId), awaitingConfirmation)).get() !== undefined;
}

/** `db` is the database `tx` runs on: publishing notifies the post's audience through it. */
export function releaseConfirmedPosts(db: Db, tx: Tx, input: { userId: number; now: number }): { published: number; queued: number } {
  const waiting = tx
    .select({ id: posts.id, number: posts.number, body: posts.body, title: threads.title, threadStatus: threads.status, categoryId: threads.categoryId, mode: categories.moderation })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(and(eq(posts.authorId, input.userId), eq(posts.status, 'pending'), isNull(posts.deletedAt), noOpenItem))
    .orderBy(asc(posts.id))
    .all();
  if (waiting.length === 0) return { published: 0, queued: 0 };
  const words = loadWatchedWords(db);
  const counts = { published: 0, queued: 0 };
  for (const post of waiting) {
    // Read again for each post: publishing the previous one added to the member's record.
    const author = tx.select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt, postCount: users.postCount }).from(users).where(eq(users.id, input.userId)).get()!;
    const opensThread = post.number === 1;
    const matches = [...findWatchedWords(post.body, words), ...(opensThread ? findWatchedWords(post.title, words) : [])];
    const waits =
      // A reply whose thread left public view meanwhile is for a manager to decide.
      (!opensThread && post.threadStatus !== 'published') ||
      mustWait(author, { mode: post.mode, approvedPosts: author.postCount, hasLink: containsLink(post.body), watchedQueue: matches.some((match) => match.action === 'queue') });
    if (waits) {
      openApprovalItem(tx, { postId: post.id, categoryId: post.categoryId, at: input.now });
      counts.queued += 1;
      continue;
    }
    const published = publishPost(tx, post.id, input.now);
    if (published.justPublished) announcePost(db, { ...published, at: input.now });
    counts.published += 1;
  }
  return counts;
}
