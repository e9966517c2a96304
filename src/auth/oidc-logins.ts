import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Db } from '../db/client.js';
import { oidcLogins } from '../db/schema.js';
import { hashSecret } from '../lib/secret-hash.js';

/** A sign-in must come back from the provider within this long. */
export const OIDC_LOGIN_LIFETIME_MS = 10 * 60_000;

export type StartedLogin = { state: string; nonce: string; codeChallenge: string; browserSecret: string };

/**
 * Records a sign-in about to go to the provider: fresh state, nonce and PKCE verifier, bound to
 * the browser by `browserSecret` (set as a short-lived cookie; only its hash is kept). Old ones go.
 */
export async function startLogin(db: Db, input: { next: string | null; browserSecret: string | undefined }, now: number): Promise<StartedLogin> {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  // The same browser may start several sign-ins (two tabs): they share one cookie.
  const browserSecret = input.browserSecret && input.browserSecret.length >= 32 ? input.browserSecret : client.randomState();
  db.delete(oidcLogins).where(lt(oidcLogins.createdAt, now - OIDC_LOGIN_LIFETIME_MS)).run();
  db.insert(oidcLogins).values({ state, codeVerifier, nonce, next: input.next, browserHash: hashSecret(browserSecret), createdAt: now }).run();
  return { state, nonce, codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier), browserSecret };
}

export type PendingLogin = { state: string; codeVerifier: string; nonce: string; next: string | null };

/** Why a callback is refused before the provider is asked anything. */
export type LoginRefusal = 'unknown' | 'expired' | 'other-browser';

/**
 * Takes the sign-in in flight for `state`, once: the row is deleted whatever happens next, so a
 * replayed callback URL finds nothing. Refused when old or when another browser started it.
 */
export function takeLogin(db: Db, state: string | undefined, browserSecret: string | undefined, now: number): PendingLogin | LoginRefusal {
  if (!state || state.length > 200) return 'unknown';
  const row = db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning().get();
  if (!row) return 'unknown';
  if (now - row.createdAt > OIDC_LOGIN_LIFETIME_MS) return 'expired';
  if (!row.browserHash || !browserSecret || !constantTimeEqual(hashSecret(browserSecret), new Uint8Array(row.browserHash))) return 'other-browser';
  return { state: row.state, codeVerifier: row.codeVerifier, nonce: row.nonce, next: row.next };
}
