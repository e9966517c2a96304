import { eq } from 'drizzle-orm';
import { threadClaims, threads, users } from '../db/schema.js';
import { canModerate, isStaff } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { Conflict, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { recordModAction, type Tx } from './audit.js';

/*
 * Claims: a manager says "I am on it" about a thread, so two managers do not answer the same
 * customer. One claim per thread (thread_claims' key). Staff who moderate the thread's category
 * claim and release; a claim ends by hand, or by itself when staff reply or an answer is accepted
 * (releaseClaimOnAnswer, called in the transaction of that reply or acceptance). Only staff ever
 * see claims: the thread page shows them in the viewer's own staff tools (docs/decisions/0044).
 */

export type ThreadClaim = { userId: number; username: string; claimedAt: number };

type ClaimThread = { id: number; slug: string; categoryId: number };

function claimOf(db: ServiceContext['db'] | Tx, threadId: number): ThreadClaim | undefined {
  return db
    .select({ userId: threadClaims.userId, username: users.username, claimedAt: threadClaims.claimedAt })
    .from(threadClaims)
    .innerJoin(users, eq(users.id, threadClaims.userId))
    .where(eq(threadClaims.threadId, threadId))
    .get();
}

/** The thread, when the viewer moderates its category; claims are for them alone. */
function authorize(ctx: ServiceContext, viewer: Viewer, threadId: number): { actor: SignedIn; thread: ClaimThread } {
  if (viewer === null) throw new Unauthenticated(msg('claim.logIn'));
  const thread = ctx.db.select({ id: threads.id, slug: threads.slug, categoryId: threads.categoryId }).from(threads).where(eq(threads.id, threadId)).get();
  if (!thread) throw new NotFound(msg('edit.threadNotFound'));
  if (!canModerate(viewer, thread.categoryId)) throw new Forbidden(msg('claim.staffOnly'));
  return { actor: viewer, thread };
}

/** Who is on this thread, for staff pages; null when nobody claimed it. */
export function threadClaim(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; categoryId: number }): ThreadClaim | null {
  if (!canModerate(viewer, input.categoryId)) return null;
  return claimOf(ctx.db, input.threadId) ?? null;
}

/** The viewer claims the thread; claiming one's own claim again changes nothing. */
export function claimThread(ctx: ServiceContext, viewer: Viewer, input: { threadId: number }): ClaimThread {
  const { actor, thread } = authorize(ctx, viewer, input.threadId);
  return ctx.db.transaction(
    (tx) => {
      const current = claimOf(tx, thread.id);
      if (current?.userId === actor.id) return thread;
      if (current) throw new Conflict(msg('claim.takenBy', { username: current.username }));
      const now = ctx.now();
      tx.insert(threadClaims).values({ threadId: thread.id, userId: actor.id, claimedAt: now }).run();
      recordModAction(tx, { actorId: actor.id, action: 'claim_thread', targetThreadId: thread.id, categoryId: thread.categoryId, at: now });
      return thread;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Ends the thread's claim. Any staff who moderate the category may release it; releasing someone
 * else's claim names them in the audit entry, so its owner can see who took it off them.
 */
export function releaseThread(ctx: ServiceContext, viewer: Viewer, input: { threadId: number }): ClaimThread {
  const { actor, thread } = authorize(ctx, viewer, input.threadId);
  return ctx.db.transaction(
    (tx) => {
      const current = claimOf(tx, thread.id);
      if (!current) return thread;
      const now = ctx.now();
      tx.delete(threadClaims).where(eq(threadClaims.threadId, thread.id)).run();
      const someoneElses = current.userId !== actor.id ? { targetUserId: current.userId, details: { claimedBy: current.username } } : {};
      recordModAction(tx, { actorId: actor.id, action: 'release_thread', targetThreadId: thread.id, categoryId: thread.categoryId, ...someoneElses, at: now });
      return thread;
    },
    { behavior: 'immediate' },
  );
}

/**
 * The thread got its answer (a staff member's published reply, or an accepted answer): whoever
 * claimed it is done. Called inside that write's transaction, so the claim never outlives it.
 */
export function releaseClaimOnAnswer(tx: Tx, threadId: number): void {
  tx.delete(threadClaims).where(eq(threadClaims.threadId, threadId)).run();
}

/** Whether a published reply by this author ends the thread's claim. */
export function replyReleasesClaim(author: Viewer, status: string): boolean {
  return status === 'published' && isStaff(author);
}
