import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { usernameKey } from '../auth/accounts.js';
import { invalidateUserSessions } from '../auth/session.js';
import type { Db } from '../db/client.js';
import { flags, pendingEdits, posts, reviewItems, spamCleanupPosts, spamCleanups, users } from '../db/schema.js';
import { canCleanUpSpammer, canUndoSpamCleanup, isCommunityWideStaff } from '../forum/permissions.js';
import { normalizeText } from '../forum/validation.js';
import { msg, type Message } from '../i18n/message.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { assertValid, Conflict, Forbidden, NotFound } from '../lib/errors.js';
import { notify } from '../notifications/notify.js';
import { recordModAction, type Tx } from './audit.js';
import { emailDomain, insertBlockedDomain } from './blocked-domains.js';
import { rejectPost } from './publication.js';
import { REASON_MAX } from './queue-actions.js';
import { UNTIL_LIFTED } from './sanction-end.js';
import { restoreSpamThreads, withdrawSpamThreads } from './spam-threads.js';
import { requireStaff } from './staff.js';
import { hidePost, unhidePost } from './visibility.js';

// "Delete spammer" (docs/decisions/0045): one action hides every visible post of a member the way
// a manager's hide does (threads they opened leave the lists: src/moderation/spam-threads.ts),
// records exactly which posts it hid, suspends the member until lifted and
// may block their email domain. An admin can undo it for 30 days: the posts it hid and that are
// still hidden by it come back, and the suspension is lifted; a domain block stays on the list.

export const UNDO_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Published, not deleted, and visible or hidden only automatically (flags) pending a manager's look. */
export function cleanablePosts(userId: number) {
  return and(eq(posts.authorId, userId), eq(posts.status, 'published'), isNull(posts.deletedAt), or(isNull(posts.hiddenAt), isNull(posts.hiddenById)));
}

export function loadMember(ctx: ServiceContext, username: string) {
  const member = ctx.db.select({ id: users.id, username: users.username, role: users.role, email: users.email }).from(users).where(eq(users.usernameKey, usernameKey(username))).get();
  if (!member) throw new NotFound(msg('members.notFound'));
  return member;
}

/** Why this viewer may not clean up this member, to say on the page and in the refusal. */
export function cleanupRefusal(actor: SignedIn, target: { id: number; role: string }): Message {
  if (actor.id === target.id) return msg('spamCleanup.refusedSelf');
  if (target.role !== 'member') return msg('spamCleanup.refusedStaff');
  if (!isCommunityWideStaff(actor)) return msg('spamCleanup.refusedScoped');
  return msg('spamCleanup.refusedStaff');
}

/** Hides one post for the clean-up; an automatic hide (flags) is replaced by this decision. */
function hideForCleanup(tx: Tx, postId: number, actorId: number, reason: string, now: number): void {
  if (hidePost(tx, { postId, byId: actorId, reason, now })) return;
  unhidePost(tx, { postId, now });
  hidePost(tx, { postId, byId: actorId, reason, now });
}

/**
 * The member's open review items are decided with the clean-up: flags on the posts it hid are
 * resolved, waiting posts are rejected and held edits dropped. Flags the member filed on others'
 * posts stay open for a manager: a spammer's flag may still be right, and closing it could leave
 * someone else's post hidden with nobody to look.
 */
function settleReviewItems(tx: Tx, cleanupId: number, memberId: number, actorId: number, reason: string, now: number): number {
  const hidden = sql`(select post_id from spam_cleanup_posts where cleanup_id = ${cleanupId})`;
  tx.update(flags).set({ status: 'resolved', resolvedById: actorId, resolvedAt: now }).where(and(eq(flags.status, 'open'), inArray(flags.postId, hidden))).run();
  const open = tx
    .select({ id: reviewItems.id, kind: reviewItems.kind, postId: reviewItems.postId })
    .from(reviewItems)
    .innerJoin(posts, eq(posts.id, reviewItems.postId))
    .where(and(eq(reviewItems.status, 'open'), eq(posts.authorId, memberId)))
    .all();
  for (const item of open) {
    if (item.kind === 'approval') rejectPost(tx, item.postId, reason);
    if (item.kind === 'edit') tx.delete(pendingEdits).where(eq(pendingEdits.postId, item.postId)).run();
    const resolution = item.kind === 'flag' ? 'hidden' : 'rejected';
    tx.update(reviewItems).set({ status: 'resolved', resolution, reason, resolvedById: actorId, resolvedAt: now }).where(eq(reviewItems.id, item.id)).run();
  }
  return open.length;
}

export type SpamCleanupInput = { username: string; confirm: unknown; reason: unknown; blockDomain: unknown; defaultReason: string };

export function cleanUpSpammer(ctx: ServiceContext, viewer: Viewer, input: SpamCleanupInput) {
  const reason = normalizeText(input.reason).trim() || input.defaultReason;
  assertValid({
    confirm: input.confirm === 'yes' ? undefined : msg('spamCleanup.confirmMissing'),
    reason: reason.length > REASON_MAX ? msg('mod.reasonTooLong', { max: REASON_MAX }) : undefined,
  });
  const actor = requireStaff(viewer);
  const member = loadMember(ctx, input.username);
  if (!canCleanUpSpammer(actor, member)) throw new Forbidden(cleanupRefusal(actor, member));
  if (cleanupInForce(ctx, member.id)) throw new Conflict(msg('spamCleanup.alreadyCleanedUp', { username: member.username }));
  const domain = input.blockDomain === 'yes' ? emailDomain(member.email) : null;
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const targets = tx.select({ id: posts.id, number: posts.number }).from(posts).where(cleanablePosts(member.id)).all();
      const cleanup = tx.insert(spamCleanups).values({ userId: member.id, actorId: actor.id, blockedDomain: domain, createdAt: now }).returning({ id: spamCleanups.id }).get();
      for (const post of targets) {
        hideForCleanup(tx, post.id, actor.id, reason, now);
        tx.insert(spamCleanupPosts).values({ cleanupId: cleanup.id, postId: post.id }).run();
      }
      withdrawSpamThreads(tx, targets.filter((post) => post.number === 1).map((post) => post.id));
      const items = settleReviewItems(tx, cleanup.id, member.id, actor.id, reason, now);
      tx.update(users).set({ suspendedUntil: UNTIL_LIFTED, suspendReason: reason }).where(eq(users.id, member.id)).run();
      invalidateUserSessions(tx as unknown as Db, member.id);
      if (domain !== null) insertBlockedDomain(tx, { domain, actorId: actor.id, now });
      const counts = { posts: targets.length, threads: targets.filter((post) => post.number === 1).length, reviewItems: items };
      recordModAction(tx, { actorId: actor.id, action: 'delete_spammer', targetUserId: member.id, reason, details: { cleanupId: cleanup.id, ...counts, untilLifted: true, ...(domain ? { blockedDomain: domain } : {}) }, at: now });
      notify(tx, { userId: member.id, kind: 'suspended', actorId: actor.id, data: { reason, until: UNTIL_LIFTED }, at: now });
      return { ...counts, blockedDomain: domain };
    },
    { behavior: 'immediate' },
  );
}

/** The member's latest clean-up that was not undone, if any. */
export function latestCleanup(db: Db | Tx, memberId: number) {
  return db.select().from(spamCleanups).where(and(eq(spamCleanups.userId, memberId), isNull(spamCleanups.revertedAt))).orderBy(desc(spamCleanups.id)).limit(1).get();
}

/**
 * A clean-up is in force while it is not undone and the member is still suspended: a second one
 * would hide nothing new. Once the suspension was lifted by hand, a member who spams again can be
 * cleaned up again.
 */
export function cleanupInForce(ctx: ServiceContext, memberId: number): boolean {
  if (!latestCleanup(ctx.db, memberId)) return false;
  const row = ctx.db.select({ suspendedUntil: users.suspendedUntil }).from(users).where(eq(users.id, memberId)).get();
  return row?.suspendedUntil != null && row.suspendedUntil > ctx.now();
}

export function undoDeadline(createdAt: number): number {
  return createdAt + UNDO_DAYS * DAY_MS;
}

/** Restores the posts the latest clean-up hid that are still hidden by it, and lifts the suspension. */
export function undoSpamCleanup(ctx: ServiceContext, viewer: Viewer, input: { username: string }) {
  const actor = requireStaff(viewer);
  if (!canUndoSpamCleanup(actor)) throw new Forbidden(msg('spamCleanup.undoAdminsOnly'));
  const member = loadMember(ctx, input.username);
  const cleanup = latestCleanup(ctx.db, member.id);
  if (!cleanup) throw new Conflict(msg('spamCleanup.nothingToUndo', { username: member.username }));
  const now = ctx.now();
  if (now > undoDeadline(cleanup.createdAt)) throw new Conflict(msg('spamCleanup.undoTooLate', { days: UNDO_DAYS }));
  return ctx.db.transaction(
    (tx) => {
      // Still hidden by this clean-up: a later unhide, or a hide for another reason, changed hidden_at.
      const still = tx
        .select({ id: posts.id, number: posts.number })
        .from(spamCleanupPosts)
        .innerJoin(posts, eq(posts.id, spamCleanupPosts.postId))
        .where(and(eq(spamCleanupPosts.cleanupId, cleanup.id), eq(posts.hiddenAt, cleanup.createdAt), isNull(posts.deletedAt)))
        .all();
      restoreSpamThreads(tx, still.filter((post) => post.number === 1).map((post) => post.id));
      for (const post of still) unhidePost(tx, { postId: post.id, now });
      tx.update(users).set({ suspendedUntil: null, suspendReason: null }).where(eq(users.id, member.id)).run();
      tx.update(spamCleanups).set({ revertedAt: now, revertedById: actor.id }).where(eq(spamCleanups.id, cleanup.id)).run();
      const details = { cleanupId: cleanup.id, restored: still.length, ...(cleanup.blockedDomain ? { blockedDomain: cleanup.blockedDomain } : {}) };
      recordModAction(tx, { actorId: actor.id, action: 'undo_spam_cleanup', targetUserId: member.id, details, at: now });
      notify(tx, { userId: member.id, kind: 'sanction_lifted', actorId: actor.id, data: { sanction: 'suspension' }, at: now });
      return { restored: still.length, blockedDomain: cleanup.blockedDomain };
    },
    { behavior: 'immediate' },
  );
}
