import { msg } from '../i18n/message.js';
import { and, desc, eq } from 'drizzle-orm';
import { commitTogether } from '../db/group-commit.js';
import { categories, postRevisions, posts, reviewItems, threads, users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { releaseClaimOnAnswer, replyReleasesClaim } from '../moderation/claims.js';
import { awaitsConfirmation } from '../moderation/confirmed-posts.js';
import { withdrawHeldEdit } from '../moderation/held-edits.js';
import { openApprovalItem } from '../moderation/publication.js';
import { announcePost } from '../notifications/announce.js';
import { assertMayPost, composePost } from './compose.js';
import { recordNewPost, recordRemovedPost } from './counters.js';
import { canDeletePost, canReadDeletedText, canReadHiddenPost, canViewRevisions, replyBlock } from './permissions.js';
import { findReplyTarget } from './reply-target.js';
import { replyStatements } from './reply-statements.js';
import { findSubmission, recordSubmission, submissionToken } from './submissions.js';
import { pageOfPost } from './threads.js';
import { bodyError, normalizeText } from './validation.js';
import { linkPostUploads } from '../uploads/post-links.js';

/** Where a post is shown. `number` is null while it waits: it is then shown after the thread's last post to those who may see it. */
export type PostLocation = { postId: number; threadId: number; slug: string; number: number | null; page: number };

export function loadPost(ctx: ServiceContext, postId: number) {
  const post = ctx.db
    .select({
      id: posts.id,
      threadId: posts.threadId,
      number: posts.number,
      status: posts.status,
      authorId: posts.authorId,
      body: posts.body,
      deletedAt: posts.deletedAt,
      hiddenAt: posts.hiddenAt,
      editedAt: posts.editedAt,
      title: threads.title,
      slug: threads.slug,
      locked: threads.locked,
      threadStatus: threads.status,
      lastPostNumber: threads.lastPostNumber,
      categoryId: threads.categoryId,
      moderation: categories.moderation,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(eq(posts.id, postId))
    .get();
  if (!post) throw new NotFound(msg('compose.postNotFound'));
  return post;
}

export type LoadedPost = ReturnType<typeof loadPost>;

/**
 * Waiting and rejected posts exist only for their author and the category's moderators; a post
 * waiting for its author to confirm their address, only for its author.
 */
export function assertVisible(ctx: ServiceContext, viewer: Viewer, post: LoadedPost): void {
  const readable = post.status === 'published' || (canReadHiddenPost(viewer, post, post.categoryId) && (viewer?.id === post.authorId || !awaitsConfirmation(ctx.db, post.id)));
  if (!readable) throw new NotFound(msg('compose.postNotFound'));
}

export function locationOf(post: { id: number; threadId: number; slug: string; number: number | null; lastPostNumber: number }): PostLocation {
  return { postId: post.id, threadId: post.threadId, slug: post.slug, number: post.number, page: pageOfPost(post.number ?? post.lastPostNumber) };
}

export async function createReply(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; body: unknown; submission?: unknown; replyTo?: unknown }): Promise<PostLocation & { status: string }> {
  const body = normalizeText(input.body);
  assertValid({ body: bodyError(body) });
  if (viewer === null) throw new Unauthenticated(msg('reply.logIn'));
  assertMayPost(ctx, viewer);
  const statements = replyStatements(ctx.db);
  const thread = statements.thread.get({ threadId: input.threadId });
  if (!thread || thread.status !== 'published') throw new NotFound(msg('compose.threadNotFound'));
  const block = replyBlock(viewer, thread, ctx.now());
  if (block) throw new Forbidden(msg(block.kind === 'archived' ? 'reply.archived' : 'reply.locked'));
  const replyTo = findReplyTarget(ctx, { threadId: thread.id, replyTo: input.replyTo });
  const { status, rendered, awaitsConfirmation } = await composePost(ctx, viewer, { mode: thread.moderation, body });
  const now = ctx.now();
  const token = submissionToken(input.submission);
  // Shares its transaction (and its wait for the disk) with the other posts of this event-loop turn.
  return commitTogether(ctx.db, (tx) => {
    // A retried or double-submitted form gets the first result instead of a second post.
    const earlier = findSubmission(tx, viewer.id, token);
    if (earlier) return { ...locationOf({ ...earlier, id: earlier.postId }), status: earlier.status };
    const values = { threadId: thread.id, authorId: viewer.id, status, body, bodyHtml: rendered.html, bodyText: rendered.text, searchText: rendered.searchText, renderVersion: rendered.renderVersion, createdAt: now, replyToPostId: replyTo?.postId ?? null };
    // Read the counter inside the immediate transaction so concurrent replies get distinct numbers.
    const { lastPostNumber } = statements.lastPostNumber.get({ threadId: thread.id })!;
    if (status !== 'published') {
      const post = statements.insert.get({ ...values, number: null })!;
      linkPostUploads(tx, { postId: post.id, body, userIds: [viewer.id], replace: false });
      if (!awaitsConfirmation) openApprovalItem(tx, { postId: post.id, categoryId: thread.categoryId, at: now });
      recordSubmission(tx, { userId: viewer.id, token, postId: post.id, now });
      return { ...locationOf({ id: post.id, threadId: thread.id, slug: thread.slug, number: null, lastPostNumber }), status };
    }
    const number = lastPostNumber + 1;
    const post = statements.insert.get({ ...values, number })!;
    linkPostUploads(tx, { postId: post.id, body, userIds: [viewer.id], replace: false });
    recordNewPost(tx, { postId: post.id, threadId: thread.id, categoryId: thread.categoryId, authorId: viewer.id, number, at: now });
    announcePost(ctx.db, { postId: post.id, threadId: thread.id, categoryId: thread.categoryId, authorId: viewer.id, number, bodyHtml: rendered.html, replyTo, at: now });
    recordSubmission(tx, { userId: viewer.id, token, postId: post.id, now });
    // Staff answered: whoever claimed the thread is done with it (src/moderation/claims.ts).
    if (replyReleasesClaim(viewer, status)) releaseClaimOnAnswer(tx, thread.id);
    return { ...locationOf({ id: post.id, threadId: thread.id, slug: thread.slug, number, lastPostNumber: number }), status };
  });
}

/** Soft delete by the author: the thread stays readable with a placeholder in the post's place. */
export function deletePost(ctx: ServiceContext, viewer: Viewer, input: { postId: number }): PostLocation {
  if (viewer === null) throw new Unauthenticated(msg('edit.logInToDelete'));
  return ctx.db.transaction(
    (tx) => {
      const post = loadPost({ ...ctx, db: tx as unknown as ServiceContext['db'] }, input.postId);
      assertVisible(ctx, viewer, post);
      if (!canDeletePost(viewer, post)) throw new Forbidden(msg('edit.deleteOwnOnly'));
      const now = ctx.now();
      tx.update(posts).set({ deletedAt: now }).where(eq(posts.id, post.id)).run();
      if (post.status === 'published' && post.number !== null) recordRemovedPost(tx, { ...post, number: post.number });
      // Nothing is left to approve: the waiting post leaves the queue.
      tx.update(reviewItems)
        .set({ status: 'resolved', resolution: 'dismissed', reason: 'Deleted by its author', resolvedById: null, resolvedAt: now })
        .where(and(eq(reviewItems.postId, post.id), eq(reviewItems.kind, 'approval'), eq(reviewItems.status, 'open')))
        .run();
      // An edit held for review goes with the post: there is nothing left to publish it on.
      withdrawHeldEdit(tx, { postId: post.id, reason: 'Deleted by its author', now });
      return locationOf(post);
    },
    { behavior: 'immediate' },
  );
}

/** Where a permalink leads; waiting posts exist only for their author and moderators. */
export function locatePost(ctx: ServiceContext, viewer: Viewer, postId: number): PostLocation {
  const post = loadPost(ctx, postId);
  assertVisible(ctx, viewer, post);
  if (post.threadStatus !== 'published' && !canReadHiddenPost(viewer, post, post.categoryId)) throw new NotFound(msg('compose.postNotFound'));
  return locationOf(post);
}

export type Revision = { id: number; body: string; title: string | null; editor: string | null; createdAt: number };

/** Earlier versions of a post, newest first, with the current one for comparison. */
export function listRevisions(ctx: ServiceContext, viewer: Viewer, postId: number) {
  const post = loadPost(ctx, postId);
  assertVisible(ctx, viewer, post);
  // A deleted post's text is gone for everyone but admins, its history with it.
  if (post.deletedAt !== null && !canReadDeletedText(viewer)) throw new NotFound(msg('compose.postNotFound'));
  if (!canViewRevisions(viewer, post, post.categoryId)) {
    throw new Forbidden(msg('revisions.forbidden'));
  }
  const revisions: Revision[] = ctx.db
    .select({ id: postRevisions.id, body: postRevisions.body, title: postRevisions.title, editor: users.username, createdAt: postRevisions.createdAt })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.editorId))
    .where(eq(postRevisions.postId, post.id))
    .orderBy(desc(postRevisions.id))
    .limit(100)
    .all();
  return { post: { ...locationOf(post), body: post.body, title: post.title, editedAt: post.editedAt }, revisions };
}

