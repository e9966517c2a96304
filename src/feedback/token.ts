import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { signatureMatches, signPayload } from '../lib/signing-keys.js';
import type { Tx } from '../forum/counters.js';

// An anonymous reader's "Did this help?" answer is tied to a token, never to a cookie: the answer's
// id, its thread and an expiry, signed with HMAC-SHA256 under a random key made once per community
// and kept in `settings` (as unsubscribe links are, with a key of its own). The token only comes
// back in the (uncached) response to an answer, so the cached page stays the same for everyone
// (docs/decisions/0050-feedback-tokens.md).

const KEY_SETTING = 'feedback_signing_key';
export const TOKEN_LIFETIME_MS = 60 * 60_000;

export type FeedbackToken = { tokenId: string; threadId: number; expiresAt: number };

export function newTokenId(): string {
  return randomBytes(16).toString('base64url');
}

export function signFeedbackToken(handle: Db | Tx, token: FeedbackToken): string {
  const payload = `${token.tokenId}.${token.threadId}.${token.expiresAt}`;
  return `${payload}.${signPayload(handle, KEY_SETTING, `feedback.${payload}`)}`;
}

/** What a genuine token says (expired or not), or null for anything forged, altered or malformed. */
export function readFeedbackToken(handle: Db | Tx, token: string): FeedbackToken | null {
  const match = /^([A-Za-z0-9_-]{22})\.([1-9][0-9]{0,14})\.([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  if (!signatureMatches(handle, KEY_SETTING, `feedback.${match[1]}.${match[2]}.${match[3]}`, match[4]!)) return null;
  return { tokenId: match[1]!, threadId: Number(match[2]), expiresAt: Number(match[3]) };
}
