import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { settings, users } from '../db/schema.js';
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

const keys = new WeakMap<object, Buffer>();

function signingKey(handle: Db | Tx): Buffer {
  const cacheKey = (handle as unknown as { session: object }).session;
  const cached = keys.get(cacheKey);
  if (cached) return cached;
  // Insert-if-missing then read: two processes starting at once still agree on one key.
  handle.insert(settings).values({ key: KEY_SETTING, value: randomBytes(32).toString('base64url') }).onConflictDoNothing().run();
  const stored = handle.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY_SETTING)).get()!.value;
  const key = Buffer.from(stored, 'base64url');
  keys.set(cacheKey, key);
  return key;
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function unsubscribeToken(handle: Db | Tx, userId: number): string {
  const payload = `${userId}.${PURPOSE}`;
  return `${payload}.${mac(signingKey(handle), payload).toString('base64url')}`;
}

/** The member a genuine token names, or null for anything forged, altered or malformed. */
export function readUnsubscribeToken(handle: Db | Tx, token: string): number | null {
  const match = /^([1-9][0-9]{0,14})\.([a-z_]{1,30})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || match[2] !== PURPOSE) return null;
  const expected = mac(signingKey(handle), `${match[1]}.${match[2]}`);
  const given = Buffer.from(match[3]!, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? Number(match[1]) : null;
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
