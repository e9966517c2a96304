import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { posts, reviewItems, threads, type ReviewKind } from '../db/schema.js';
import { canModerate } from '../forum/permissions.js';
import { normalizeText } from '../forum/validation.js';
import { msg, type Message } from '../i18n/message.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { assertValid, Conflict, Forbidden, NotFound, ValidationError } from '../lib/errors.js';
import { announcePost } from '../notifications/announce.js';
import { notify } from '../notifications/notify.js';
import { recordModAction, type Tx } from './audit.js';
import { approveHeldEdit, rejectHeldEdit } from './held-edits.js';
import { hidePostWithReason, settleFlags } from './post-tools.js';
import { publishPost, rejectPost } from './publication.js';
import { resolveItem } from './review-items.js';
import { requireStaff } from './staff.js';
import { unhidePost } from './visibility.js';

// A manager's decisions on queue items. Each one is a single transaction that changes the post,
// closes the item (who, when, how), writes the audit row and tells the author.

export const REASON_MAX = 300;
export const BULK_MAX = 100;

function loadItems(db: Db | Tx, itemIds: number[]) {
  return db
    .select({
      id: reviewItems.id, kind: reviewItems.kind, status: reviewItems.status, postId: posts.id, authorId: posts.authorId,
      threadId: posts.threadId, deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt, hiddenById: posts.hiddenById,
      // The thread's category, not the item's copy: a thread may have moved since the item opened.
      categoryId: threads.categoryId, title: threads.title,
    })
    .from(reviewItems)
    .innerJoin(posts, eq(posts.id, reviewItems.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(inArray(reviewItems.id, itemIds))
    .all();
}
type Item = ReturnType<typeof loadItems>[number];

// Approve and reject decide what waits (new posts and held edits); dismiss and hide decide flags.
const waitingKinds: readonly ReviewKind[] = ['approval', 'edit'];
const flagKinds: readonly ReviewKind[] = ['flag'];
const kindMismatch = (kinds: readonly ReviewKind[]) =>
  kinds === flagKinds
    ? msg('queue.decisionForFlags')
    : msg('queue.decisionForWaiting');

/** Loads one item a staff member may decide now: in their categories, still open, of the right kind. */
function actionable(ctx: ServiceContext, viewer: Viewer, itemId: number, kinds: readonly ReviewKind[]): { actor: SignedIn; item: Item } {
  const actor = requireStaff(viewer);
  const [item] = loadItems(ctx.db, [itemId]);
  if (!item) throw new NotFound(msg('queue.itemGone'));
  if (!canModerate(actor, item.categoryId)) throw new Forbidden(msg('queue.notYourCategory'));
  if (item.status !== 'open') throw new Conflict(msg('queue.alreadyDecided'));
  if (!kinds.includes(item.kind)) throw new Conflict(kindMismatch(kinds));
  return { actor, item };
}

export function reasonError(reason: string, field = 'reason'): Record<string, Message | undefined> {
  if (reason.length === 0) return { [field]: msg('queue.reasonMissing') };
  if (reason.length > REASON_MAX) return { [field]: msg('queue.reasonTooLong', { max: REASON_MAX, length: reason.length }) };
  return {};
}

function target(item: Item) {
  return { targetUserId: item.authorId, targetThreadId: item.threadId, targetPostId: item.postId, categoryId: item.categoryId };
}

/** `db` is the database `tx` runs on: publishing notifies the post's audience through it. */
function applyApprove(db: Db, tx: Tx, actor: SignedIn, item: Item, now: number): void {
  if (item.kind === 'edit') {
    approveHeldEdit(tx, actor.id, item, now);
    resolveItem(tx, item.id, { resolution: 'approved', reason: null, actorId: actor.id, now });
    return;
  }
  const published = publishPost(tx, item.postId, now);
  if (published.justPublished) announcePost(db, { ...published, at: now });
  resolveItem(tx, item.id, { resolution: 'approved', reason: null, actorId: actor.id, now });
  recordModAction(tx, { actorId: actor.id, action: 'approve', ...target(item), at: now });
  notify(tx, { userId: item.authorId, kind: 'post_approved', actorId: actor.id, threadId: item.threadId, postId: item.postId, data: { title: item.title }, at: now });
}

function applyReject(tx: Tx, actor: SignedIn, item: Item, reason: string, now: number): void {
  if (item.kind === 'edit') {
    rejectHeldEdit(tx, actor.id, item, reason, now);
    resolveItem(tx, item.id, { resolution: 'rejected', reason, actorId: actor.id, now });
    return;
  }
  rejectPost(tx, item.postId, reason);
  resolveItem(tx, item.id, { resolution: 'rejected', reason, actorId: actor.id, now });
  recordModAction(tx, { actorId: actor.id, action: 'reject', ...target(item), reason, at: now });
  notify(tx, { userId: item.authorId, kind: 'post_rejected', actorId: actor.id, threadId: item.threadId, postId: item.postId, data: { reason, title: item.title }, at: now });
}

const deletedWhileWaiting = msg('queue.deletedWhileWaiting');

export function approveReviewItem(ctx: ServiceContext, viewer: Viewer, input: { itemId: number }): void {
  const { actor, item } = actionable(ctx, viewer, input.itemId, waitingKinds);
  if (item.deletedAt !== null) throw new Conflict(deletedWhileWaiting);
  ctx.db.transaction((tx) => applyApprove(ctx.db, tx, actor, item, ctx.now()), { behavior: 'immediate' });
}

export function rejectReviewItem(ctx: ServiceContext, viewer: Viewer, input: { itemId: number; reason: unknown }): void {
  const reason = normalizeText(input.reason).trim();
  assertValid(reasonError(reason));
  const { actor, item } = actionable(ctx, viewer, input.itemId, waitingKinds);
  ctx.db.transaction((tx) => applyReject(tx, actor, item, reason, ctx.now()), { behavior: 'immediate' });
}

/** The flags were wrong: they are dismissed, and a post the flags hid automatically comes back. */
export function dismissReviewItem(ctx: ServiceContext, viewer: Viewer, input: { itemId: number }): void {
  const { actor, item } = actionable(ctx, viewer, input.itemId, flagKinds);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      // A manager's own hide stands; only the automatic one is undone by dismissing the flags.
      const restored = item.hiddenAt !== null && item.hiddenById === null && unhidePost(tx, { postId: item.postId, now });
      settleFlags(tx, { postId: item.postId, actorId: actor.id, outcome: 'dismissed', reason: null, now });
      recordModAction(tx, { actorId: actor.id, action: 'dismiss_flags', ...target(item), ...(restored ? { details: { unhidden: true } } : {}), at: now });
      if (restored) notify(tx, { userId: item.authorId, kind: 'post_unhidden', actorId: actor.id, threadId: item.threadId, postId: item.postId, data: { title: item.title }, at: now });
    },
    { behavior: 'immediate' },
  );
}

/** The flags were right: the post is hidden with a reason the author is told, and the flags are resolved. */
export function hideReviewItem(ctx: ServiceContext, viewer: Viewer, input: { itemId: number; reason: unknown }): void {
  const reason = normalizeText(input.reason).trim();
  assertValid(reasonError(reason));
  const { item } = actionable(ctx, viewer, input.itemId, flagKinds);
  // The thread page's hide does exactly this (hide, settle flags, audit, notify): one way to hide.
  hidePostWithReason(ctx, viewer, { postId: item.postId, reason });
}

export type BulkDecision = { action: 'approve' | 'reject'; itemIds: number[]; reason?: unknown };

/**
 * Approves or rejects several waiting posts and held edits in one transaction. Items a colleague decided in the
 * meantime are skipped; one item outside the manager's categories refuses the whole batch.
 */
export function decideReviewItems(ctx: ServiceContext, viewer: Viewer, input: BulkDecision): { decided: number; skipped: number } {
  const reason = input.action === 'reject' ? normalizeText(input.reason).trim() : '';
  const itemIds = [...new Set(input.itemIds)];
  assertValid({
    items: itemIds.length === 0 ? msg('queue.noneTicked') : itemIds.length > BULK_MAX ? msg('queue.tooManyTicked', { max: BULK_MAX }) : undefined,
    ...(input.action === 'reject' ? reasonError(reason) : {}),
  });
  const actor = requireStaff(viewer);
  const items = loadItems(ctx.db, itemIds);
  if (items.length !== itemIds.length) throw new NotFound(msg('queue.tickedItemGone'));
  if (items.some((item) => !canModerate(actor, item.categoryId))) throw new Forbidden(msg('queue.tickedNotYourCategory'));
  if (items.some((item) => !waitingKinds.includes(item.kind))) {
    throw new ValidationError({ items: msg('queue.bulkOnlyWaiting') });
  }
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      // Re-read inside the write lock: what is still open now is what this decision covers.
      const open = loadItems(tx, itemIds).filter((item) => item.status === 'open' && (input.action === 'reject' || item.deletedAt === null));
      for (const item of open) {
        if (input.action === 'approve') applyApprove(ctx.db, tx, actor, item, now);
        else applyReject(tx, actor, item, reason, now);
      }
      return { decided: open.length, skipped: itemIds.length - open.length };
    },
    { behavior: 'immediate' },
  );
}
