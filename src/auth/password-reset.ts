import { and, eq, isNull } from 'drizzle-orm';
import { userTokens, users } from '../db/schema.js';
import { mailMember } from '../email/member-mail.js';
import { BadToken } from '../email/unsubscribe.js';
import type { ServiceContext } from '../lib/context.js';
import { SOURCE_LOCALE } from '../i18n/catalog.js';
import { msg } from '../i18n/message.js';
import { I18n, localeFormat } from '../i18n/translator.js';
import { assertValid } from '../lib/errors.js';
import { releaseConfirmedPosts } from '../moderation/confirmed-posts.js';
import { passwordResetMessage, type MailProps } from '../../views/email/messages.js';
import { addressOwner, emailKey, MESSAGES, passwordError } from './accounts.js';
import { hashPassword } from './password.js';
import { invalidateUserSessions } from './session.js';
import { findUserToken, issueUserToken, useUserToken } from './user-tokens.js';

export const BAD_RESET_LINK = msg('emailLink.badResetLink');

/**
 * Mails a reset link when the username or address belongs to an account. The caller answers the
 * same either way; the same work is done either way (a token made and a message composed), except
 * that only a real account's token and message are stored.
 */
export function requestPasswordReset(ctx: ServiceContext, input: { login: string }): void {
  const login = input.login.normalize('NFKC').trim();
  assertValid({ login: login.length === 0 ? MESSAGES.loginMissing : login.length > 254 ? msg('password.loginTooLong') : undefined });
  const key = login.toLowerCase();
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const user = tx
        .select({ id: users.id, email: users.email, username: users.username })
        .from(users)
        // An account made with someone else's address gets no mail: the address is not its own.
        .where(login.includes('@') ? addressOwner(key) : and(eq(users.usernameKey, key), eq(users.addressTaken, false)))
        .get();
      const to = user ? { userId: user.id, email: user.email, username: user.username } : { userId: 0, email: 'nobody@invalid', username: 'nobody' };
      const token = user ? issueUserToken(tx, { userId: to.userId, email: to.email, purpose: 'reset_password', now }) : `${'x'.repeat(24)}.${'y'.repeat(24)}`;
      const compose = (props: MailProps) =>
        passwordResetMessage({ ...props, url: `${props.baseUrl}/password/reset?token=${encodeURIComponent(token)}` });
      if (user) mailMember(tx, to, 'reset_password', now, compose);
      else compose({ i18n: new I18n(localeFormat(SOURCE_LOCALE, 'UTC'), now), siteName: '', baseUrl: '', username: to.username, unsubscribeUrl: '' });
    },
    { behavior: 'immediate' },
  );
}

/** Read-only check for the reset form (mail scanners open links; only the POST changes anything). */
export function checkResetToken(ctx: ServiceContext, token: string): void {
  if (!findUserToken(ctx.db, token, 'reset_password', ctx.now())) throw new BadToken(BAD_RESET_LINK);
}

/**
 * Sets a new password with a single-use link: every session of the account ends, and its other
 * reset links stop working. A suspension stays in force (login still refuses until it ends).
 */
export async function resetPassword(ctx: ServiceContext, input: { token: string; password: string; confirm: string }): Promise<void> {
  checkResetToken(ctx, input.token);
  assertValid({
    password: passwordError(input.password),
    confirm: input.confirm !== input.password ? msg('password.mismatch') : undefined,
  });
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const found = findUserToken(tx, input.token, 'reset_password', now);
      if (!found || !useUserToken(tx, found.id, now)) throw new BadToken(BAD_RESET_LINK);
      const user = tx.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, found.userId)).get();
      if (!user || emailKey(user.email) !== emailKey(found.email)) throw new BadToken(BAD_RESET_LINK);
      // Following the link proved the address works, so it counts as verified too.
      tx.update(users).set({ passwordHash, emailVerifiedAt: user.verifiedAt ?? now }).where(eq(users.id, found.userId)).run();
      releaseConfirmedPosts(ctx.db, tx, { userId: found.userId, now });
      tx.update(userTokens)
        .set({ usedAt: now })
        .where(and(eq(userTokens.userId, found.userId), eq(userTokens.purpose, 'reset_password'), isNull(userTokens.usedAt)))
        .run();
      invalidateUserSessions(tx as unknown as ServiceContext['db'], found.userId);
    },
    { behavior: 'immediate' },
  );
}
