import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { userTokens, type UserTokenPurpose } from '../db/schema.js';
import type { Tx } from '../forum/counters.js';
import { hashSecret } from '../lib/secret-hash.js';

// Mailed links (verify an address, reset a password) use the session token design: `id.secret`,
// 120 random bits each, only SHA-256 of the secret stored, compared in constant time. Single use.

export const TOKEN_LIFETIME_MS: Record<UserTokenPurpose, number> = {
  verify_email: 48 * 60 * 60_000,
  reset_password: 60 * 60_000,
  // A link to the new address, confirming it before it replaces the old one.
  change_email: 24 * 60 * 60_000,
};

export type UserToken = { id: string; userId: number; email: string; purpose: UserTokenPurpose };

function randomString(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

/** Stores a new token for the address it will be mailed to; returns the only copy of the secret. */
export function issueUserToken(tx: Tx | Db, input: { userId: number; email: string; purpose: UserTokenPurpose; now: number }): string {
  const id = randomString();
  const secret = randomString();
  tx.insert(userTokens)
    .values({ id, secretHash: hashSecret(secret), userId: input.userId, purpose: input.purpose, email: input.email, createdAt: input.now, expiresAt: input.now + TOKEN_LIFETIME_MS[input.purpose] })
    .run();
  return `${id}.${secret}`;
}

/** The token's facts when it is genuine, meant for `purpose`, unused and unexpired; else null. */
export function findUserToken(handle: Tx | Db, token: string, purpose: UserTokenPurpose, now: number): UserToken | null {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  const row = handle.select().from(userTokens).where(eq(userTokens.id, id)).get();
  if (!row || !constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
  if (row.purpose !== purpose || row.usedAt !== null || row.expiresAt <= now) return null;
  return { id: row.id, userId: row.userId, email: row.email, purpose: row.purpose };
}

/** Marks a token used; false when another request used it first (so it works exactly once). */
export function useUserToken(tx: Tx | Db, id: string, now: number): boolean {
  return tx.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.id, id), isNull(userTokens.usedAt))).run().changes === 1;
}
