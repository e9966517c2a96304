import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../db/schema.js';
import { mailMember } from '../email/member-mail.js';
import { BadToken } from '../email/unsubscribe.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { Unauthenticated, ValidationError, assertValid } from '../lib/errors.js';
import { confirmEmailChangeMessage, emailChangedMessage } from '../../views/email/account-messages.js';
import { addressOwner, emailError, emailKey, normalizeEmail } from '../auth/accounts.js';
import { NO_LOCAL_PASSWORD } from '../auth/oidc-members.js';
import { verifyPassword } from '../auth/password.js';
import { findUserToken, issueUserToken, useUserToken } from '../auth/user-tokens.js';
import { isBlockedAddress } from '../moderation/blocked-domains.js';
import { releaseConfirmedPosts } from '../moderation/confirmed-posts.js';

// Changing the account's address: nothing changes until a link mailed to the new address is
// followed (it proves the member reads it); then the address is replaced, marked confirmed, and
// the old address is told. Whether another account owns the new address is not said when asking
// (that would tell anyone whose address has an account here); the link then refuses it.

/** A member who signs in only through the brand's provider proves it is them by a sign-in this recent. */
export const RECENT_SIGN_IN_MS = 15 * 60_000;
export const BAD_CHANGE_LINK = msg('emailLink.badChangeLink');

async function checkIdentity(ctx: ServiceContext, userId: number, password: string, sessionId: string | null): Promise<void> {
  const row = ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new Unauthenticated(msg('account.signInFirst'));
  if (row.passwordHash === NO_LOCAL_PASSWORD) {
    const session = sessionId ? ctx.db.select({ createdAt: sessions.createdAt }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).get() : undefined;
    if (!session || ctx.now() - session.createdAt > RECENT_SIGN_IN_MS) throw new ValidationError({ emailPassword: msg('account.changeEmailSignInAgain') });
    return;
  }
  if (password.length === 0) throw new ValidationError({ emailPassword: msg('password.currentMissing') });
  if (!(await verifyPassword(row.passwordHash, password))) throw new ValidationError({ emailPassword: msg('password.currentWrong') });
}

/** Mails a confirmation link to the new address; the account keeps its address until the link is followed. */
export async function requestEmailChange(ctx: ServiceContext, viewer: Viewer, input: { email: string; password: string; sessionId: string | null }): Promise<string> {
  if (!viewer) throw new Unauthenticated(msg('account.signInFirst'));
  const email = normalizeEmail(input.email);
  assertValid({ newEmail: emailError(email) });
  const current = ctx.db.select({ email: users.email }).from(users).where(eq(users.id, viewer.id)).get();
  if (current && emailKey(current.email) === emailKey(email)) throw new ValidationError({ newEmail: msg('account.changeEmailSame') });
  if (isBlockedAddress(ctx.db, email)) throw new ValidationError({ newEmail: msg('signup.emailRefused') });
  await checkIdentity(ctx, viewer.id, input.password, input.sessionId);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const token = issueUserToken(tx, { userId: viewer.id, email, purpose: 'change_email', now });
      mailMember(tx, { userId: viewer.id, email, username: viewer.username }, 'change_email', now, (props) =>
        confirmEmailChangeMessage({ ...props, newEmail: email, url: `${props.baseUrl}/email-change?token=${encodeURIComponent(token)}` }),
      );
    },
    { behavior: 'immediate' },
  );
  return email;
}

/** Read-only check for the confirmation page (mail scanners open links; only the POST changes anything). */
export function checkEmailChangeToken(ctx: ServiceContext, token: string): { email: string } {
  const found = findUserToken(ctx.db, token, 'change_email', ctx.now());
  if (!found) throw new BadToken(BAD_CHANGE_LINK);
  return { email: found.email };
}

/**
 * Uses the link once: the new address replaces the old and is confirmed (the link reached it);
 * posts that waited for a confirmed address go out. Refused (nothing changes) when another
 * account has meanwhile come to own the address. The old address is told, unless it was never the
 * account's own (an address another account owns: users.addressTaken).
 */
export function confirmEmailChange(ctx: ServiceContext, token: string): void {
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const found = findUserToken(tx, token, 'change_email', now);
      if (!found || !useUserToken(tx, found.id, now)) throw new BadToken(BAD_CHANGE_LINK);
      const key = emailKey(found.email);
      if (tx.select({ id: users.id }).from(users).where(and(addressOwner(key), ne(users.id, found.userId))).get()) throw new BadToken(msg('emailLink.changeAddressTaken'));
      const user = tx.select({ email: users.email, username: users.username, addressTaken: users.addressTaken }).from(users).where(eq(users.id, found.userId)).get();
      if (!user) throw new BadToken(BAD_CHANGE_LINK);
      tx.update(users).set({ email: found.email, emailKey: key, emailVerifiedAt: now, addressTaken: false }).where(eq(users.id, found.userId)).run();
      releaseConfirmedPosts(ctx.db, tx, { userId: found.userId, now });
      if (!user.addressTaken && user.email !== '') {
        mailMember(tx, { userId: found.userId, email: user.email, username: user.username }, 'email_changed', now, (props) => emailChangedMessage({ ...props, newEmail: found.email }));
      }
    },
    { behavior: 'immediate' },
  );
}
