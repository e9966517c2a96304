import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema.js';
import type { Tx } from '../forum/counters.js';

// An anonymous reader's "Did this help?" answer is tied to a token, never to a cookie: the answer's
// id, its thread and an expiry, signed with HMAC-SHA256 under a random key made once per community
// and kept in `settings` (as unsubscribe links are, with a key of its own). The token only comes
// back in the (uncached) response to an answer, so the cached page stays the same for everyone
// (docs/decisions/0050-feedback-tokens.md).

const KEY_SETTING = 'feedback_signing_key';
export const TOKEN_LIFETIME_MS = 60 * 60_000;

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
  return createHmac('sha256', key).update(`feedback.${payload}`).digest();
}

export type FeedbackToken = { tokenId: string; threadId: number; expiresAt: number };

export function newTokenId(): string {
  return randomBytes(16).toString('base64url');
}

export function signFeedbackToken(handle: Db | Tx, token: FeedbackToken): string {
  const payload = `${token.tokenId}.${token.threadId}.${token.expiresAt}`;
  return `${payload}.${mac(signingKey(handle), payload).toString('base64url')}`;
}

/** What a genuine token says (expired or not), or null for anything forged, altered or malformed. */
export function readFeedbackToken(handle: Db | Tx, token: string): FeedbackToken | null {
  const match = /^([A-Za-z0-9_-]{22})\.([1-9][0-9]{0,14})\.([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = mac(signingKey(handle), `${match[1]}.${match[2]}.${match[3]}`);
  const given = Buffer.from(match[4]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { tokenId: match[1]!, threadId: Number(match[2]), expiresAt: Number(match[3]) };
}
