import { eq } from 'drizzle-orm';
import { users } from '../db/schema.js';
import { mailMember } from '../email/member-mail.js';
import { recentlyMailed } from '../email/outbox.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, ValidationError } from '../lib/errors.js';
import { signupAttemptMessage } from '../../views/email/messages.js';
import { emailError, MESSAGES, normalizeEmail, normalizeUsername, passwordError, uniqueViolation, usernameError } from './accounts.js';
import { mailVerificationLink } from './email-verification.js';
import { hashPassword } from './password.js';

/**
 * `created`: a new account, to be signed in. `existing`: the address already has an account; its
 * owner was mailed instead, and the visitor is told to check their inbox, as after a signup.
 */
const HOUR = 60 * 60 * 1000;

export type SignUpResult = { status: 'created'; user: SignedIn } | { status: 'existing' };

/**
 * A visitor creates their own member account. A taken username is said (usernames are public);
 * a taken address is not: the same work is done (password hashed, one message queued) and the
 * address's owner is told someone tried, with links to sign in or reset the password.
 */
export async function signUp(ctx: ServiceContext, viewer: Viewer, input: { username: string; email: string; password: string }): Promise<SignUpResult> {
  if (viewer) throw new Forbidden(MESSAGES.alreadySignedIn);
  const username = normalizeUsername(input.username);
  const email = normalizeEmail(input.email);
  assertValid({ username: usernameError(username), email: emailError(email), password: passwordError(input.password) });
  const keys = { usernameKey: username.toLowerCase(), emailKey: email.toLowerCase() };
  if (ctx.db.select({ id: users.id }).from(users).where(eq(users.usernameKey, keys.usernameKey)).get()) {
    throw new ValidationError({ username: MESSAGES.usernameTaken });
  }
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  try {
    return ctx.db.transaction(
      (tx): SignUpResult => {
        const owner = tx.select({ id: users.id, email: users.email, username: users.username }).from(users).where(eq(users.emailKey, keys.emailKey)).get();
        if (owner) {
          // One warning an hour at most, however many addresses try: the owner is told, not flooded.
          if (recentlyMailed(tx, owner.id, 'signup_attempt', now - HOUR)) return { status: 'existing' };
          mailMember(tx, { userId: owner.id, email: owner.email, username: owner.username }, 'signup_attempt', now, (props) =>
            signupAttemptMessage({ ...props, loginUrl: `${props.baseUrl}/login`, resetUrl: `${props.baseUrl}/password/forgot` }),
          );
          return { status: 'existing' };
        }
        const row = tx.insert(users).values({ username, email, ...keys, passwordHash, role: 'member', createdAt: now }).returning({ id: users.id }).get();
        mailVerificationLink(tx, { userId: row.id, email, username }, now);
        return { status: 'created', user: { id: row.id, username, role: 'member', createdAt: now } };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    const fields = uniqueViolation(error);
    if (fields?.['username']) throw new ValidationError(fields);
    // Lost a race for the address: answer like any taken address.
    if (fields?.['email']) return { status: 'existing' };
    throw error;
  }
}
