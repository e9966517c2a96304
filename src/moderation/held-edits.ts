import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { pendingEdits, postRevisions, posts, reviewItems, threads } from '../db/schema.js';
import type { Rendered } from '../markdown/renderer.js';
import { titleColumns } from '../forum/thread-title.js';
import { notify } from '../notifications/notify.js';
import { recordModAction, type Tx } from './audit.js';
import { linkPostUploads } from '../uploads/post-links.js';

// Edits to published posts that moderation holds (docs/decisions/0021-edits-are-moderated.md). The
// published version stays public; the held one lives only in `pending_edits` (one per post, a newer
// held edit replaces it) with an open review item of kind `edit`, until a manager approves it
// (it replaces the public version, which becomes a revision) or rejects it (it is dropped), or its
// author withdraws it by saving a version that needs no review or by deleting the post.

export type HeldEdit = { postId: number; body: string; bodyHtml: string; title: string | null; createdAt: number };

export function findHeldEdit(db: Db | Tx, postId: number): HeldEdit | undefined {
  return db
    .select({ postId: pendingEdits.postId, body: pendingEdits.body, bodyHtml: pendingEdits.bodyHtml, title: pendingEdits.title, createdAt: pendingEdits.createdAt })
    .from(pendingEdits)
    .where(eq(pendingEdits.postId, postId))
    .get();
}

/** Stores (or replaces) the held edit and opens its review item unless one is open already. */
export function holdEdit(tx: Tx, input: { postId: number; categoryId: number; body: string; rendered: Rendered; title: string | null; editorId: number; at: number }): void {
  const values = {
    body: input.body,
    bodyHtml: input.rendered.html,
    bodyText: input.rendered.text,
    searchText: input.rendered.searchText,
    renderVersion: input.rendered.renderVersion,
    title: input.title,
    editorId: input.editorId,
    createdAt: input.at,
  };
  tx.insert(pendingEdits).values({ postId: input.postId, ...values }).onConflictDoUpdate({ target: pendingEdits.postId, set: values }).run();
  tx.insert(reviewItems).values({ kind: 'edit', postId: input.postId, categoryId: input.categoryId, createdAt: input.at }).onConflictDoNothing().run();
}

/** The author's own later action made the held edit moot: it leaves the queue, decided by no one. */
export function withdrawHeldEdit(tx: Tx, input: { postId: number; reason: string; now: number }): void {
  tx.delete(pendingEdits).where(eq(pendingEdits.postId, input.postId)).run();
  tx.update(reviewItems)
    .set({ status: 'resolved', resolution: 'dismissed', reason: input.reason, resolvedById: null, resolvedAt: input.now })
    .where(and(eq(reviewItems.postId, input.postId), eq(reviewItems.kind, 'edit'), eq(reviewItems.status, 'open')))
    .run();
}

/** An open `edit` item as the queue's decisions load it. */
export type EditItem = { postId: number; authorId: number; threadId: number; categoryId: number; title: string };

function target(item: EditItem) {
  return { targetUserId: item.authorId, targetThreadId: item.threadId, targetPostId: item.postId, categoryId: item.categoryId };
}

/**
 * Publishes the held edit as if its author had saved it now: the public version is kept as a
 * revision, and the post and thread rows change (their triggers bump the page versions, so cached
 * pages refresh). The caller resolves the review item.
 */
export function approveHeldEdit(tx: Tx, actorId: number, item: EditItem, now: number): void {
  const row = tx.select().from(pendingEdits).where(eq(pendingEdits.postId, item.postId)).get();
  const current = tx.select({ body: posts.body }).from(posts).where(eq(posts.id, item.postId)).get();
  // Withdrawing an edit resolves its item in the same transaction, so an open item always has one.
  if (!row || !current) return;
  const titleChanged = row.title !== null && row.title !== item.title;
  tx.insert(postRevisions).values({ postId: item.postId, body: current.body, title: titleChanged ? item.title : null, editorId: row.editorId, createdAt: now }).run();
  tx.update(posts).set({ body: row.body, bodyHtml: row.bodyHtml, bodyText: row.bodyText, searchText: row.searchText, renderVersion: row.renderVersion, editedAt: now }).where(eq(posts.id, item.postId)).run();
  // The edit's images become as visible as the post only now (until then: uploader and staff).
  linkPostUploads(tx, { postId: item.postId, body: row.body, userIds: row.editorId === null ? [item.authorId] : [item.authorId, row.editorId], replace: true });
  if (titleChanged) tx.update(threads).set(titleColumns(row.title!)).where(eq(threads.id, item.threadId)).run();
  tx.delete(pendingEdits).where(eq(pendingEdits.postId, item.postId)).run();
  recordModAction(tx, { actorId, action: 'approve_edit', ...target(item), at: now });
  notify(tx, { userId: item.authorId, kind: 'edit_approved', actorId, threadId: item.threadId, postId: item.postId, data: { title: titleChanged ? row.title : item.title }, at: now });
}

/** Drops the held edit; the public version stays, and the author is told why. The caller resolves the review item. */
export function rejectHeldEdit(tx: Tx, actorId: number, item: EditItem, reason: string, now: number): void {
  tx.delete(pendingEdits).where(eq(pendingEdits.postId, item.postId)).run();
  recordModAction(tx, { actorId, action: 'reject_edit', ...target(item), reason, at: now });
  notify(tx, { userId: item.authorId, kind: 'edit_rejected', actorId, threadId: item.threadId, postId: item.postId, data: { reason, title: item.title }, at: now });
}
