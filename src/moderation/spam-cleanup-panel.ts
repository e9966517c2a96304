import { count, eq, sql } from 'drizzle-orm';
import { blockedEmailDomains, posts, spamCleanupPosts, users } from '../db/schema.js';
import { canCleanUpSpammer, canUndoSpamCleanup, isCommunityWideStaff } from '../forum/permissions.js';
import type { Message } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { emailDomain, isFreeMailDomain } from './blocked-domains.js';
import { cleanablePosts, cleanupInForce, cleanupRefusal, latestCleanup, loadMember, undoDeadline } from './spam-cleanup.js';
import { requireStaff } from './staff.js';

// What the member's team page says about "delete spammer": what it would do (so the form can say
// it before anyone confirms), and the clean-up in force with who did it and until when it can be undone.

export type SpamCleanupPreview = { posts: number; threads: number; domain: string | null; freeMail: boolean; domainBlocked: boolean };
export type SpamCleanupRecord = { createdAt: number; actor: string | null; hiddenPosts: number; blockedDomain: string | null; undoUntil: number; mayUndo: boolean; tooLate: boolean };
export type SpamCleanupPanel = {
  /** What a clean-up would do now; null when this viewer may not clean up this member, or one is in force. */
  preview: SpamCleanupPreview | null;
  /** Why not, in words for the page; null when they may or the member is staff (nothing to explain). */
  refusal: Message | null;
  /** The clean-up in force (not undone); community-wide history, so null for scoped managers. */
  latest: SpamCleanupRecord | null;
};

function preview(ctx: ServiceContext, member: { id: number; email: string }): SpamCleanupPreview {
  const counts = ctx.db
    .select({ posts: count(), threads: sql<number>`coalesce(sum(${posts.number} = 1), 0)` })
    .from(posts)
    .where(cleanablePosts(member.id))
    .get() ?? { posts: 0, threads: 0 };
  const domain = emailDomain(member.email);
  const domainBlocked = domain !== null && ctx.db.select({ domain: blockedEmailDomains.domain }).from(blockedEmailDomains).where(eq(blockedEmailDomains.domain, domain)).get() !== undefined;
  return { posts: counts.posts, threads: Number(counts.threads), domain, freeMail: domain !== null && isFreeMailDomain(domain), domainBlocked };
}

function record(ctx: ServiceContext, viewer: Viewer, memberId: number): SpamCleanupRecord | null {
  const cleanup = latestCleanup(ctx.db, memberId);
  if (!cleanup) return null;
  const actor = cleanup.actorId === null ? undefined : ctx.db.select({ username: users.username }).from(users).where(eq(users.id, cleanup.actorId)).get();
  const hidden = ctx.db.select({ count: count() }).from(spamCleanupPosts).where(eq(spamCleanupPosts.cleanupId, cleanup.id)).get();
  const undoUntil = undoDeadline(cleanup.createdAt);
  const tooLate = ctx.now() > undoUntil;
  return { createdAt: cleanup.createdAt, actor: actor?.username ?? null, hiddenPosts: hidden?.count ?? 0, blockedDomain: cleanup.blockedDomain, undoUntil, mayUndo: canUndoSpamCleanup(viewer) && !tooLate, tooLate };
}

export function spamCleanupPanel(ctx: ServiceContext, viewer: Viewer, username: string): SpamCleanupPanel {
  const staff = requireStaff(viewer);
  const member = loadMember(ctx, username);
  const may = canCleanUpSpammer(staff, member);
  return {
    preview: may && !cleanupInForce(ctx, member.id) ? preview(ctx, member) : null,
    refusal: may || member.role !== 'member' ? null : cleanupRefusal(staff, member),
    latest: isCommunityWideStaff(staff) ? record(ctx, staff, member.id) : null,
  };
}
