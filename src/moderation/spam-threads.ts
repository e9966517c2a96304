import { and, eq, inArray, sql } from 'drizzle-orm';
import { posts, threads } from '../db/schema.js';
import type { Tx } from './audit.js';

// A thread a spammer opened is spam as a whole, title included: hiding its opening post would
// leave the title in category lists, on the home page and in feeds. So the clean-up also takes
// such threads out of the lists (status `rejected`, as a refused thread; the thread page is then
// for staff only) and undoing it puts them back. Category counters follow like a thread move
// (src/forum/threads.ts): the posts already hidden were counted off by the hide itself.

function refreshCategory(tx: Tx, categoryId: number, threadDelta: number, postDelta: number): void {
  tx.run(sql`update categories set thread_count = max(thread_count + ${threadDelta}, 0), post_count = max(post_count + ${postDelta}, 0),
    last_thread_id = (select id from threads where category_id = ${categoryId} and status = 'published' order by last_post_at desc limit 1),
    last_post_at = (select max(last_post_at) from threads where category_id = ${categoryId} and status = 'published')
    where id = ${categoryId}`);
}

function openedBy(tx: Tx, postIds: number[], status: 'published' | 'rejected') {
  if (postIds.length === 0) return [];
  return tx
    .select({ id: threads.id, categoryId: threads.categoryId, replyCount: threads.replyCount })
    .from(threads)
    .innerJoin(posts, and(eq(posts.threadId, threads.id), eq(posts.number, 1)))
    .where(and(inArray(posts.id, postIds), eq(threads.status, status)))
    .all();
}

/** After the opening posts are hidden: their threads leave the lists, with the replies still visible in them. */
export function withdrawSpamThreads(tx: Tx, openingPostIds: number[]): number {
  const withdrawn = openedBy(tx, openingPostIds, 'published');
  for (const thread of withdrawn) {
    tx.update(threads).set({ status: 'rejected' }).where(eq(threads.id, thread.id)).run();
    refreshCategory(tx, thread.categoryId, -1, -thread.replyCount);
  }
  return withdrawn.length;
}

/** Before the opening posts come back: their threads return to the lists with the replies visible in them now. */
export function restoreSpamThreads(tx: Tx, openingPostIds: number[]): number {
  const restored = openedBy(tx, openingPostIds, 'rejected');
  for (const thread of restored) {
    tx.update(threads).set({ status: 'published' }).where(eq(threads.id, thread.id)).run();
    refreshCategory(tx, thread.categoryId, 1, thread.replyCount);
  }
  return restored.length;
}
