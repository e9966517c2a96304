import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { dataExports, rateLimitBuckets, uploads, users } from '../db/schema.js';
import { recordModAction } from '../moderation/audit.js';
import { NotFound } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { erasedUsername } from './erased-username.js';
import { erasePosts, type PostChoice } from './erase-posts.js';
import { deletesRows, personalData } from './personal-data.js';

// Erasing an account (GDPR art. 17), in the caller's transaction, as the map in
// src/privacy/personal-data.ts says: the member's rows in every table the map marks `row` are
// deleted, the account row is kept empty (so posts kept under "deleted member" have an author
// and ids in the audit log stay ids), and the posts follow the member's choice. The audit entry
// holds the account's id and the choice, nothing that was erased.

/** A stored hash no password matches (verifyPassword refuses the format). */
const NO_PASSWORD = '!erased';

export type ErasedAccount = { userId: number; exportFiles: string[]; posts: number; threads: number };

export function eraseAccount(tx: Tx, input: { userId: number; choice: PostChoice; actorId: number; now: number }): ErasedAccount {
  const account = tx.select({ usernameKey: users.usernameKey, emailKey: users.emailKey, deletedAt: users.deletedAt }).from(users).where(eq(users.id, input.userId)).get();
  if (!account || account.deletedAt !== null) throw new NotFound(msg('privacy.accountGone'));
  const exportFiles = tx.select({ fileName: dataExports.fileName }).from(dataExports).where(eq(dataExports.userId, input.userId)).all().flatMap((row) => (row.fileName ? [row.fileName] : []));
  const counts = erasePosts(tx, { userId: input.userId, choice: input.choice, now: input.now });
  tx.update(users).set({ avatarUploadId: null }).where(eq(users.id, input.userId)).run();
  tx.delete(uploads).where(eq(uploads.userId, input.userId)).run();
  for (const [table, map] of Object.entries(personalData)) {
    if (deletesRows(map)) tx.run(sql`delete from ${sql.identifier(table)} where ${sql.identifier(map.owner!)} = ${input.userId}`);
  }
  forgetLimits(tx, input.userId, [account.usernameKey, account.emailKey]);
  emptyAccount(tx, input.userId, input.now);
  recordModAction(tx, { actorId: input.actorId, action: 'erase_account', targetUserId: input.userId, details: { posts: input.choice }, at: input.now });
  return { userId: input.userId, exportFiles, ...counts };
}

/** Abuse-limit buckets keyed by the account or by what the member typed (their username or address). */
function forgetLimits(tx: Tx, userId: number, typed: string[]): void {
  const keys = [`post:${userId}`, `flag:${userId}`, `verify-mail:${userId}`, `login-failures:account:${userId}`];
  for (const value of typed.filter(Boolean)) keys.push(`reset-for:${value}`, `login-failures:login:${value}`);
  tx.delete(rateLimitBuckets).where(or(inArray(rateLimitBuckets.key, keys))).run();
}

function emptyAccount(tx: Tx, userId: number, now: number): void {
  const placeholder = erasedUsername(userId);
  tx.update(users)
    .set({
      username: placeholder, usernameKey: placeholder, email: '', emailKey: '', addressTaken: true, passwordHash: NO_PASSWORD, role: 'member',
      silencedUntil: null, silenceReason: null, suspendedUntil: null, suspendReason: null, emailVerifiedAt: null, emailPreference: 'never', lastDigestAt: null,
      locale: null, timeZone: null, usernameChangesLeft: 0, displayName: null, bio: null, avatarUploadId: null, usernameChangedAt: null, deletedAt: now,
    })
    .where(eq(users.id, userId))
    .run();
}
