import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { signatureMatches, signPayload } from '../lib/signing-keys.js';
import type { Tx } from '../forum/counters.js';
import type { ServiceContext } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { AppError } from '../lib/errors.js';
import type { MailSite } from './site.js';

// Unsubscribe links must work without signing in (RFC 8058: the mail client posts on its own), so
// the link itself is the authority: userId and purpose signed with HMAC-SHA256 under a random key
// made once per community and kept in `settings`. It can do one thing: stop email to that member.

const KEY_SETTING = 'email_signing_key';
const PURPOSE = 'unsubscribe';

export class BadToken extends AppError {
  override readonly status = 400;
}

export function unsubscribeToken(handle: Db | Tx, userId: number): string {
  const payload = `${userId}.${PURPOSE}`;
  return `${payload}.${signPayload(handle, KEY_SETTING, payload)}`;
}

/** The member a genuine token names, or null for anything forged, altered or malformed. */
export function readUnsubscribeToken(handle: Db | Tx, token: string): number | null {
  const match = /^([1-9][0-9]{0,14})\.([a-z_]{1,30})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || match[2] !== PURPOSE) return null;
  return signatureMatches(handle, KEY_SETTING, `${match[1]}.${match[2]}`, match[3]!) ? Number(match[1]) : null;
}

/** The RFC 8058 header pair and the same URL for the visible link in the body. */
export function unsubscribeLink(handle: Db | Tx, site: Pick<MailSite, 'baseUrl'>, userId: number): { url: string; headers: Record<string, string> } {
  const url = `${site.baseUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(handle, userId))}`;
  return { url, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}

export const BAD_UNSUBSCRIBE_LINK = msg('emailLink.badUnsubscribeLink');

/** Checks a token without changing anything (the confirmation page); returns the username. */
export function checkUnsubscribeToken(ctx: ServiceContext, token: string): { username: string } {
  const userId = readUnsubscribeToken(ctx.db, token);
  const user = userId === null ? undefined : ctx.db.select({ username: users.username }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new BadToken(BAD_UNSUBSCRIBE_LINK);
  return user;
}

/** Stops notification and digest email for the member the token names. */
export function unsubscribe(ctx: ServiceContext, token: string): { username: string } {
  const user = checkUnsubscribeToken(ctx, token);
  ctx.db.update(users).set({ emailPreference: 'never' }).where(eq(users.id, readUnsubscribeToken(ctx.db, token)!)).run();
  return user;
}
