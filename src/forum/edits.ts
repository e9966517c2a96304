import { msg } from '../i18n/message.js';
import { eq } from 'drizzle-orm';
import { postRevisions, posts, threads } from '../db/schema.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, Unauthenticated } from '../lib/errors.js';
import { recordModAction, type Tx } from '../moderation/audit.js';
import { findHeldEdit, holdEdit, withdrawHeldEdit } from '../moderation/held-edits.js';
import { openApprovalItem } from '../moderation/publication.js';
import { assertMayPost, censorTitle, composePost, type Composed } from './compose.js';
import { canEditPost, canModerate } from './permissions.js';
import { assertVisible, loadPost, locationOf, type LoadedPost, type PostLocation } from './posts.js';
import { bodyError, normalizeText, titleError } from './validation.js';
import { titleColumns } from './thread-title.js';
import { linkPostUploads } from '../uploads/post-links.js';

// Editing a post (docs/decisions/0021-edits-are-moderated.md). An edit to a published post runs the
// same moderation as a new post; one that must wait is held in `pending_edits` while the published
// version stays public. Waiting posts take the new text and keep waiting; rejected ones resubmit.

export type EditablePost = {
  id: number;
  number: number | null;
  body: string;
  title: string | null;
  threadId: number;
  slug: string;
  staffEdit: boolean;
  rejected: boolean;
  /** The author's earlier edit is waiting for review: `body` and `title` are that edit's. */
  editWaiting: boolean;
};

function assertMayEdit(ctx: ServiceContext, viewer: Viewer, post: LoadedPost): asserts viewer is SignedIn {
  if (viewer === null) throw new Unauthenticated(msg('edit.logIn'));
  assertVisible(ctx, viewer, post);
  // A silenced author is told why, with the date it ends, before any form is shown.
  if (post.authorId === viewer.id && !canModerate(viewer, post.categoryId)) assertMayPost(ctx, viewer);
  if (!canEditPost(viewer, post, post, ctx.now())) throw new Forbidden(msg('edit.ownOnly'));
}

/** The author's held edit of this post, if any; staff edit the public version. */
function ownHeldEdit(ctx: ServiceContext, viewer: SignedIn, post: LoadedPost) {
  return post.status === 'published' && post.authorId === viewer.id ? findHeldEdit(ctx.db, post.id) : undefined;
}

/** The post as its editor needs it (the author's waiting edit, if any, so no typed text is lost); the title comes along for opening posts. */
export function getPostForEdit(ctx: ServiceContext, viewer: Viewer, postId: number): EditablePost {
  const post = loadPost(ctx, postId);
  assertMayEdit(ctx, viewer, post);
  const held = ownHeldEdit(ctx, viewer, post);
  return {
    id: post.id,
    number: post.number,
    body: held?.body ?? post.body,
    title: post.number === 1 ? (held?.title ?? post.title) : null,
    threadId: post.threadId,
    slug: post.slug,
    staffEdit: post.authorId !== viewer.id,
    rejected: post.status === 'rejected',
    editWaiting: held !== undefined,
  };
}

type EditInput = { postId: number; body: unknown; title?: unknown; reason?: unknown };

/**
 * Edits keep the previous version as a revision. A moderator editing someone else's post gives a
 * reason that goes to the audit log. An author editing a rejected post resubmits it for approval.
 */
export async function editPost(ctx: ServiceContext, viewer: Viewer, input: EditInput): Promise<PostLocation> {
  const post = loadPost(ctx, input.postId);
  const body = normalizeText(input.body);
  const title = post.number === 1 && input.title !== undefined ? normalizeText(input.title).trim() : null;
  const reason = normalizeText(input.reason).trim();
  const staffEdit = viewer !== null && viewer.id !== post.authorId && canModerate(viewer, post.categoryId);
  assertValid({
    body: bodyError(body),
    title: title === null ? undefined : titleError(title),
    reason: staffEdit && reason.length === 0 ? msg('edit.reasonMissing') : undefined,
  });
  assertMayEdit(ctx, viewer, post);
  const held = ownHeldEdit(ctx, viewer, post);
  const resubmit = post.status === 'rejected' && !staffEdit;
  const titleChanged = title !== null && title !== post.title;
  if (body === post.body && !titleChanged && !resubmit) {
    // Saving the public version again takes back the edit that was waiting.
    if (held) ctx.db.transaction((tx) => withdrawHeldEdit(tx, { postId: post.id, reason: 'Withdrawn by its author', now: ctx.now() }), { behavior: 'immediate' });
    return locationOf(post);
  }
  const published = post.status === 'published';
  const composed = await composePost(ctx, viewer, { mode: post.moderation, body, ...(title ? { title } : {}), ...(published ? { previousBody: post.body } : {}) });
  const now = ctx.now();
  const storedTitle = titleChanged ? censorTitle(ctx, title!) : null;
  ctx.db.transaction(
    (tx) => {
      if (published && composed.status === 'pending') {
        holdEdit(tx, { postId: post.id, categoryId: post.categoryId, body, rendered: composed.rendered, title: storedTitle, editorId: viewer.id, at: now });
        return;
      }
      // A newer version needed no review: the one waiting is out of date.
      if (held) withdrawHeldEdit(tx, { postId: post.id, reason: 'Replaced by a newer edit from its author', now });
      applyEdit(tx, post, { viewer, body, composed, storedTitle, resubmit, now });
      if (staffEdit) {
        recordModAction(tx, { actorId: viewer.id, action: 'edit', targetUserId: post.authorId, targetThreadId: post.threadId, targetPostId: post.id, categoryId: post.categoryId, reason, at: now });
      }
    },
    { behavior: 'immediate' },
  );
  return locationOf(post);
}

type Applied = { viewer: SignedIn; body: string; composed: Composed; storedTitle: string | null; resubmit: boolean; now: number };

/** The new text replaces the old at once; the old is kept as a revision. */
function applyEdit(tx: Tx, post: LoadedPost, edit: Applied): void {
  const { rendered } = edit.composed;
  tx.insert(postRevisions).values({ postId: post.id, body: post.body, title: edit.storedTitle !== null ? post.title : null, editorId: edit.viewer.id, createdAt: edit.now }).run();
  tx.update(posts).set({ body: edit.body, bodyHtml: rendered.html, bodyText: rendered.text, searchText: rendered.searchText, renderVersion: rendered.renderVersion, editedAt: edit.now }).where(eq(posts.id, post.id)).run();
  linkPostUploads(tx, { postId: post.id, body: edit.body, userIds: [post.authorId, edit.viewer.id], replace: true });
  if (edit.storedTitle !== null) tx.update(threads).set(titleColumns(edit.storedTitle)).where(eq(threads.id, post.threadId)).run();
  if (edit.resubmit) {
    tx.update(posts).set({ status: 'pending', rejectedReason: null }).where(eq(posts.id, post.id)).run();
    if (post.number === 1) tx.update(threads).set({ status: 'pending' }).where(eq(threads.id, post.threadId)).run();
    // An author who has not confirmed their address resubmits to that confirmation, not to the queue.
    if (!edit.composed.awaitsConfirmation) openApprovalItem(tx, { postId: post.id, categoryId: post.categoryId, at: edit.now });
  }
}
