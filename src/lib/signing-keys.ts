import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema.js';
import type { Tx } from '../forum/counters.js';

// Links and forms that must work without a session (unsubscribe links, anonymous feedback) carry
// their own authority: a payload signed with HMAC-SHA256 under a random key made once per
// community and kept in `settings`, one key per purpose, so one kind of token can never pass for
// another.

const keys = new WeakMap<object, Map<string, Buffer>>();

/** The community's key for `setting`, made on first use; every process reads the same one. */
function signingKey(handle: Db | Tx, setting: string): Buffer {
  const connection = (handle as unknown as { session: object }).session;
  let known = keys.get(connection);
  if (known === undefined) keys.set(connection, (known = new Map()));
  const cached = known.get(setting);
  if (cached) return cached;
  // Insert-if-missing then read: two processes starting at once still agree on one key.
  handle.insert(settings).values({ key: setting, value: randomBytes(32).toString('base64url') }).onConflictDoNothing().run();
  const stored = handle.select({ value: settings.value }).from(settings).where(eq(settings.key, setting)).get()!.value;
  const key = Buffer.from(stored, 'base64url');
  known.set(setting, key);
  return key;
}

/** `payload` signed under the key kept as `setting`, as base64url (43 characters). */
export function signPayload(handle: Db | Tx, setting: string, payload: string): string {
  return createHmac('sha256', signingKey(handle, setting)).update(payload).digest('base64url');
}

/** Whether `signature` (base64url) is the signature of `payload`, compared in constant time. */
export function signatureMatches(handle: Db | Tx, setting: string, payload: string, signature: string): boolean {
  const expected = createHmac('sha256', signingKey(handle, setting)).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
