import { and, eq } from 'drizzle-orm';
import { posts, reviewItems, threads, type ModerationMode } from '../db/schema.js';
import { recordNewPost } from '../forum/counters.js';
import { replyTargetById } from '../forum/reply-target.js';
import { isStaff } from '../forum/permissions.js';
import type { SignedIn } from '../lib/context.js';
import type { Tx } from './audit.js';

// Whether a new post goes out at once or waits for a manager, and the two ways a waiting post
// leaves the queue. Waiting posts take no visible number: it is assigned when they are published.

export const NEW_MEMBER_APPROVED_POSTS = 2;
export const LINK_TRUST_APPROVED_POSTS = 5;

// A markdown link or image counts, except to an image uploaded here (docs/uploads.md): a new
// member's photo of an error message is what the community is for, and it links nowhere else.
// The lookahead is bounded, so the test stays linear in the text's length.
const linkPattern = /https?:\/\/|www\.|\]\((?!\/uploads\/[0-9a-f]{64}\.(?:jpg|png|webp|gif)[?)])|<[a-z]+:/i;

export function containsLink(body: string): boolean {
  return linkPattern.test(body);
}

// The links in a text as typed (bare, markdown and autolinks), to tell which ones an edit adds.
const linkTokenPattern = /(?:https?:\/\/|www\.)[^\s<>()[\]]*|\]\([^)\s]*|<[a-z]+:[^>\s]*/gi;

/** Whether `after` has a link that `before` did not: an edit that adds or changes a link. */
export function addsLink(before: string, after: string): boolean {
  if (!containsLink(after)) return false;
  const known = new Set(before.match(linkTokenPattern) ?? []);
  return (after.match(linkTokenPattern) ?? []).some((link) => !known.has(link));
}

export type PublicationFacts = {
  mode: ModerationMode;
  /** The author's published posts so far. */
  approvedPosts: number;
  /** For an edit: a link the approved version did not have (see addsLink). */
  hasLink: boolean;
  /** A watched word set to "queue" appears. */
  watchedQueue: boolean;
};

/**
 * Members post only once their address is confirmed (as Discourse requires activation): until then
 * their posts wait for the confirmation, seen by them alone. Staff are exempt.
 */
export function awaitsAddressConfirmation(author: SignedIn, confirmed: boolean): boolean {
  return !confirmed && !isStaff(author);
}

/** The category's pre-moderation mode applied to this author and post. */
export function mustWait(author: SignedIn, facts: PublicationFacts): boolean {
  if (isStaff(author)) return false;
  if (facts.watchedQueue) return true;
  if (facts.mode === 'all') return true;
  if (facts.mode === 'new-members') {
    return facts.approvedPosts < NEW_MEMBER_APPROVED_POSTS || (facts.hasLink && facts.approvedPosts < LINK_TRUST_APPROVED_POSTS);
  }
  return false;
}

/**
 * An edit to a published post by its author (docs/decisions/0021-edits-are-moderated.md): the same
 * rules as a new post, except that being new no longer holds it — the post was already approved —
 * while adding a link still does below the link trust a new post needs.
 */
export function mustHoldEdit(author: SignedIn, facts: PublicationFacts): boolean {
  if (isStaff(author)) return false;
  if (facts.watchedQueue || facts.mode === 'all') return true;
  return facts.mode === 'new-members' && facts.hasLink && facts.approvedPosts < LINK_TRUST_APPROVED_POSTS;
}

export function openApprovalItem(tx: Tx, input: { postId: number; categoryId: number; at: number }): void {
  tx.insert(reviewItems).values({ kind: 'approval', postId: input.postId, categoryId: input.categoryId, createdAt: input.at }).onConflictDoNothing().run();
}

export type PublishedPost = {
  postId: number;
  threadId: number;
  number: number;
  authorId: number;
  categoryId: number;
  bodyHtml: string;
  justPublished: boolean;
  /** The still-visible post a just-published reply answers, for its author's notification. */
  replyTo: { number: number; authorId: number } | null;
};

/**
 * Publishes a waiting (or rejected, then resubmitted) post: its thread too when it opens one,
 * the next number in the thread, and every counter — as if it had just been written.
 */
export function publishPost(tx: Tx, postId: number, now: number): PublishedPost {
  const post = tx
    .select({
      id: posts.id,
      threadId: posts.threadId,
      number: posts.number,
      status: posts.status,
      authorId: posts.authorId,
      bodyHtml: posts.bodyHtml,
      replyToPostId: posts.replyToPostId,
      categoryId: threads.categoryId,
      lastPostNumber: threads.lastPostNumber,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, postId))
    .get();
  if (!post) throw new Error(`publishPost: no post ${postId}`);
  if (post.status === 'published' && post.number !== null) {
    return { postId, threadId: post.threadId, number: post.number, authorId: post.authorId, categoryId: post.categoryId, bodyHtml: post.bodyHtml, justPublished: false, replyTo: null };
  }
  const opensThread = post.number === 1;
  const number = opensThread ? 1 : post.lastPostNumber + 1;
  if (opensThread) tx.update(threads).set({ status: 'published', createdAt: now }).where(eq(threads.id, post.threadId)).run();
  tx.update(posts).set({ status: 'published', number, rejectedReason: null }).where(eq(posts.id, postId)).run();
  recordNewPost(tx, { postId, threadId: post.threadId, categoryId: post.categoryId, authorId: post.authorId, number, at: now });
  const replyTo = opensThread ? null : replyTargetById(tx, post.replyToPostId);
  return { postId, threadId: post.threadId, number, authorId: post.authorId, categoryId: post.categoryId, bodyHtml: post.bodyHtml, justPublished: true, replyTo };
}

/** Refuses a waiting post; its author keeps the text, sees the reason and may edit and resubmit. */
export function rejectPost(tx: Tx, postId: number, reason: string): { threadId: number; authorId: number; opensThread: boolean } {
  const post = tx.select({ threadId: posts.threadId, number: posts.number, authorId: posts.authorId, status: posts.status }).from(posts).where(eq(posts.id, postId)).get();
  if (!post) throw new Error(`rejectPost: no post ${postId}`);
  const opensThread = post.number === 1;
  tx.update(posts).set({ status: 'rejected', rejectedReason: reason }).where(and(eq(posts.id, postId), eq(posts.status, 'pending'))).run();
  if (opensThread) tx.update(threads).set({ status: 'rejected' }).where(eq(threads.id, post.threadId)).run();
  return { threadId: post.threadId, authorId: post.authorId, opensThread };
}
