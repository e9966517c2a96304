import type { Db } from '../db/client.js';
import { mentionedNames } from '../markdown/mentions.js';
import { MENTIONS_PER_POST, watchOnPosting, type InsertedNotification } from './fan-out.js';
import { notifyPostAudience } from './notify.js';

export type PublishedPostFacts = {
  postId: number;
  threadId: number;
  categoryId: number;
  authorId: number;
  number: number;
  bodyHtml: string;
  /** The visible post a reply answers, if it was sent with one (not kept for replies that wait for approval). */
  replyTo?: { number: number; authorId: number } | null;
  at: number;
};

/**
 * What publishing a post sets off besides its counters: the author now watches the thread, and
 * the post's audience is notified. Call inside the transaction that publishes the post (a new
 * post, or an approval: waiting posts notify nobody until then), with the database it runs on.
 */
export function announcePost(db: Db, post: PublishedPostFacts): InsertedNotification[] {
  watchOnPosting(db, { userId: post.authorId, threadId: post.threadId, at: post.at });
  return notifyPostAudience(db, {
    postId: post.postId,
    threadId: post.threadId,
    categoryId: post.categoryId,
    actorId: post.authorId,
    isReply: post.number > 1,
    mentions: mentionedNames(post.bodyHtml, MENTIONS_PER_POST),
    replyTo: post.replyTo ?? null,
    at: post.at,
  });
}
