import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { mailMember, type Recipient } from '../email/member-mail.js';
import { BadToken } from '../email/unsubscribe.js';
import type { Tx } from '../forum/counters.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { Conflict, Unauthenticated } from '../lib/errors.js';
import { verifyEmailMessage } from '../../views/email/messages.js';
import { releaseConfirmedPosts } from '../moderation/confirmed-posts.js';
import { emailKey } from './accounts.js';
import { findUserToken, issueUserToken, useUserToken } from './user-tokens.js';

export const BAD_VERIFY_LINK = msg('emailLink.badVerifyLink');

/** Queues a confirmation link for the member's current address, in the caller's transaction. */
export function mailVerificationLink(tx: Tx | Db, to: Recipient, now: number): void {
  const token = issueUserToken(tx, { userId: to.userId, email: to.email, purpose: 'verify_email', now });
  mailMember(tx, to, 'verify_email', now, (props) => verifyEmailMessage({ ...props, url: `${props.baseUrl}/verify-email?token=${encodeURIComponent(token)}` }));
}

export type EmailStatus = { email: string; verified: boolean; addressTaken: boolean; preference: (typeof users.$inferSelect)['emailPreference'] };

export function emailStatus(ctx: ServiceContext, viewer: Viewer): EmailStatus {
  if (viewer === null) throw new Unauthenticated(msg('account.signInFirst'));
  const row = ctx.db
    .select({ email: users.email, verifiedAt: users.emailVerifiedAt, addressTaken: users.addressTaken, preference: users.emailPreference })
    .from(users)
    .where(eq(users.id, viewer.id))
    .get();
  if (!row) throw new Unauthenticated(msg('account.signInFirst'));
  return { email: row.email, verified: row.verifiedAt !== null, addressTaken: row.addressTaken, preference: row.preference };
}

/** The account page's "send it again"; the route rate-limits it. */
export function resendVerification(ctx: ServiceContext, viewer: Viewer): void {
  const status = emailStatus(ctx, viewer);
  if (status.verified) throw new Conflict(msg('account.alreadyConfirmed'));
  // An account made with another account's address never mails it (signup answers alike, so it
  // exists): the page says the same as for anyone else, and the address's owner is left alone.
  if (status.addressTaken) return;
  ctx.db.transaction((tx) => mailVerificationLink(tx, { userId: viewer!.id, email: status.email, username: viewer!.username }, ctx.now()), { behavior: 'immediate' });
}

/** Read-only check for the confirmation page (mail scanners open links; only the POST verifies). */
export function checkVerificationToken(ctx: ServiceContext, token: string): void {
  if (!findUserToken(ctx.db, token, 'verify_email', ctx.now())) throw new BadToken(BAD_VERIFY_LINK);
}

/**
 * Uses the token once and marks the address verified, provided the account still uses the
 * address the link was sent to (a link for an old address proves nothing about the new one).
 * The member's posts that waited for this are decided in the same transaction.
 */
export function verifyEmail(ctx: ServiceContext, token: string): void {
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const found = findUserToken(tx, token, 'verify_email', now);
      if (!found || !useUserToken(tx, found.id, now)) throw new BadToken(BAD_VERIFY_LINK);
      const user = tx.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, found.userId)).get();
      if (!user || emailKey(user.email) !== emailKey(found.email)) {
        throw new BadToken(msg('emailLink.oldAddress'));
      }
      if (user.verifiedAt === null) tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, found.userId)).run();
      // Posts written while the address was unconfirmed now go out, or to the review queue.
      releaseConfirmedPosts(ctx.db, tx, { userId: found.userId, now });
    },
    { behavior: 'immediate' },
  );
}
