import { supportedLocale } from '../i18n/negotiate.js';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema.js';
import { mailMember } from '../email/member-mail.js';
import { recentlyMailed } from '../email/outbox.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, ValidationError } from '../lib/errors.js';
import { signupAttemptMessage } from '../../views/email/messages.js';
import { addressOwner, emailError, MESSAGES, normalizeEmail, normalizeUsername, passwordError, uniqueViolation, usernameError } from './accounts.js';
import { mailVerificationLink } from './email-verification.js';
import { hashPassword } from './password.js';
import { msg } from '../i18n/message.js';
import { isBlockedAddress } from '../moderation/blocked-domains.js';
import { usernameKeyTaken } from '../profiles/username-keys.js';

const HOUR = 60 * 60 * 1000;

/**
 * A visitor creates their own member account and is signed in. A taken username is said
 * (usernames are public); a taken address is not: the account is made all the same, with the same
 * work and the same answer, but it never owns the address (users.addressTaken: no mail, no
 * confirmation, sign-in and reset by address find the owner), and the owner is told someone
 * signed up with their address, at most once an hour.
 */
/** `locale`: the language the visitor chose to read in before signing up (picker or link), kept as their own. */
export async function signUp(ctx: ServiceContext, viewer: Viewer, input: { username: string; email: string; password: string; locale?: string | undefined }): Promise<SignedIn> {
  if (viewer) throw new Forbidden(MESSAGES.alreadySignedIn);
  const username = normalizeUsername(input.username);
  const email = normalizeEmail(input.email);
  assertValid({ username: usernameError(username), email: emailError(email), password: passwordError(input.password) });
  // Said as kindly and as vaguely as a taken address: which domains are blocked stays with the admins.
  if (isBlockedAddress(ctx.db, email)) throw new ValidationError({ email: msg('signup.emailRefused') });
  const keys = { usernameKey: username.toLowerCase(), emailKey: email.toLowerCase() };
  // A name that still leads to another member (they had it before) is theirs: src/profiles/username-keys.ts.
  if (usernameKeyTaken(ctx.db, keys.usernameKey)) {
    throw new ValidationError({ username: MESSAGES.usernameTaken });
  }
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const create = () =>
    ctx.db.transaction(
      (tx): SignedIn => {
        const owner = tx.select({ id: users.id, email: users.email, username: users.username }).from(users).where(addressOwner(keys.emailKey)).get();
        const row = tx
          .insert(users)
          .values({ username, email, ...keys, passwordHash, role: 'member', createdAt: now, addressTaken: owner !== undefined, locale: supportedLocale(input.locale) ?? null })
          .returning({ id: users.id })
          .get();
        if (!owner) mailVerificationLink(tx, { userId: row.id, email, username }, now);
        else if (!recentlyMailed(tx, owner.id, 'signup_attempt', now - HOUR)) {
          mailMember(tx, { userId: owner.id, email: owner.email, username: owner.username }, 'signup_attempt', now, (props) =>
            signupAttemptMessage({ ...props, newUsername: username, loginUrl: `${props.baseUrl}/login`, resetUrl: `${props.baseUrl}/password/forgot` }),
          );
        }
        return { id: row.id, username, role: 'member', createdAt: now, emailUnverified: true };
      },
      { behavior: 'immediate' },
    );
  try {
    return create();
  } catch (error) {
    const fields = uniqueViolation(error);
    if (fields) throw new ValidationError(fields);
    throw error;
  }
}
