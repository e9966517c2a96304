import { eq } from 'drizzle-orm';
import { posts, threads } from '../db/schema.js';
import { recordRemovedPost, recordRestoredPost, type Tx } from '../forum/counters.js';

// Hiding is a manager's reversible removal (or the automatic one after enough flags). A hidden
// post keeps its number and shows a placeholder; counters treat it like a deleted one.

function loadPost(tx: Tx, postId: number) {
  const post = tx
    .select({ id: posts.id, threadId: posts.threadId, number: posts.number, authorId: posts.authorId, status: posts.status, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt, categoryId: threads.categoryId })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, postId))
    .get();
  if (!post) throw new Error(`no post ${postId}`);
  return post;
}

/** Hides a post; `byId` null means automatic (flags). Returns false when it was already hidden. */
export function hidePost(tx: Tx, input: { postId: number; byId: number | null; reason: string; now: number }): boolean {
  const post = loadPost(tx, input.postId);
  if (post.hiddenAt !== null) return false;
  tx.update(posts).set({ hiddenAt: input.now, hiddenById: input.byId, hiddenReason: input.reason }).where(eq(posts.id, post.id)).run();
  if (post.status === 'published' && post.deletedAt === null && post.number !== null) recordRemovedPost(tx, { ...post, number: post.number });
  return true;
}

/** Undoes a hide. Returns false when the post was not hidden. */
export function unhidePost(tx: Tx, input: { postId: number; now: number }): boolean {
  const post = loadPost(tx, input.postId);
  if (post.hiddenAt === null) return false;
  tx.update(posts).set({ hiddenAt: null, hiddenById: null, hiddenReason: null }).where(eq(posts.id, post.id)).run();
  if (post.status === 'published' && post.deletedAt === null && post.number !== null) recordRestoredPost(tx, { ...post, number: post.number });
  return true;
}
