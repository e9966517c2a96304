import { and, count, eq } from 'drizzle-orm';
import { flagReasons, flags, reviewItems, users, type FlagReason } from '../db/schema.js';
import { assertMayPost } from '../forum/compose.js';
import { loadPost } from '../forum/posts.js';
import { pageOfPost } from '../forum/threads.js';
import { canBeHiddenByFlags, canFlag } from '../forum/permissions.js';
import { normalizeText } from '../forum/validation.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Conflict, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { countsTowardHide, readFlagTrust } from './flag-trust.js';
import { hidePost } from './visibility.js';

export const AUTO_HIDE_REASON = 'hidden pending review';

export type FlagResult = { postId: number; autoHidden: boolean };

/** What the flag page shows about the post being flagged. */
export type FlagTarget = { postId: number; title: string; location: { postId: number; threadId: number; slug: string; number: number | null; page: number } };

/** The checks every flag passes before its form is shown or its reason read. */
function assertMayFlag(ctx: ServiceContext, viewer: Viewer, postId: number) {
  if (viewer === null) throw new Unauthenticated(msg('flag.logIn'));
  assertMayPost(ctx, viewer);
  const post = loadPost(ctx, postId);
  if (post.status !== 'published' || post.threadStatus !== 'published') throw new NotFound(msg('flag.postGone'));
  if (post.authorId === viewer.id) throw new Forbidden(msg('flag.ownPost'));
  if (!canFlag(viewer, post, ctx.now()) || post.hiddenAt !== null) throw new Forbidden(msg('flag.notFlaggable'));
  return { ...post, viewerId: viewer.id };
}

/** The post behind GET /p/:postId/flag, checked as a flag itself would be. */
export function getFlagTarget(ctx: ServiceContext, viewer: Viewer, postId: number): FlagTarget {
  const post = assertMayFlag(ctx, viewer, postId);
  const existing = ctx.db.select({ id: flags.id }).from(flags).where(and(eq(flags.postId, post.id), eq(flags.flaggerId, post.viewerId), eq(flags.status, 'open'))).get();
  if (existing) throw new Conflict(msg('flag.alreadyFlagged'));
  const location = { postId: post.id, threadId: post.threadId, slug: post.slug, number: post.number, page: pageOfPost(post.number ?? post.lastPostNumber) };
  return { postId: post.id, title: post.title, location };
}

export function flagPost(ctx: ServiceContext, viewer: Viewer, input: { postId: number; reason: unknown; note: unknown }): FlagResult {
  const reason = typeof input.reason === 'string' && (flagReasons as readonly string[]).includes(input.reason) ? (input.reason as FlagReason) : null;
  const note = normalizeText(input.note).trim().slice(0, 500);
  assertValid({
    reason: reason ? undefined : msg('flag.chooseReason'),
    note: reason === 'other' && note.length === 0 ? msg('flag.explainOther') : undefined,
  });
  const post = assertMayFlag(ctx, viewer, input.postId);
  const trust = readFlagTrust(ctx.db);
  const author = ctx.db.select({ role: users.role }).from(users).where(eq(users.id, post.authorId)).get();
  const mayAutoHide = author !== undefined && canBeHiddenByFlags(author);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const existing = tx.select({ id: flags.id }).from(flags).where(and(eq(flags.postId, post.id), eq(flags.flaggerId, post.viewerId), eq(flags.status, 'open'))).get();
      if (existing) throw new Conflict(msg('flag.alreadyFlagged'));
      tx.insert(flags).values({ postId: post.id, flaggerId: post.viewerId, reason: reason!, note: note || null, createdAt: now }).run();
      tx.insert(reviewItems).values({ kind: 'flag', postId: post.id, categoryId: post.categoryId, createdAt: now }).onConflictDoNothing().run();
      // Every flag opens or joins the review item; only trusted members' flags count toward the hide.
      const counted = mayAutoHide
        ? (tx.select({ n: count() }).from(flags).innerJoin(users, eq(users.id, flags.flaggerId)).where(and(eq(flags.postId, post.id), eq(flags.status, 'open'), countsTowardHide(trust))).get()?.n ?? 0)
        : 0;
      const autoHidden = mayAutoHide && counted >= trust.threshold && hidePost(tx, { postId: post.id, byId: null, reason: AUTO_HIDE_REASON, now });
      return { postId: post.id, autoHidden };
    },
    { behavior: 'immediate' },
  );
}
