import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, lt } from 'drizzle-orm';
import { pendingIdentityLinks, userIdentities, users } from '../db/schema.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { NotFound, ValidationError } from '../lib/errors.js';
import { hashSecret } from '../lib/secret-hash.js';
import { MESSAGES, type LoginLockout } from './accounts.js';
import type { ProviderClaims } from './oidc-members.js';
import { signInLinked } from './oidc-members.js';
import type { OidcSettings } from './oidc-settings.js';
import { verifyPassword } from './password.js';

/** How long the member has to prove the local account's password. */
const LINK_LIFETIME_MS = 15 * 60_000;

export const LINK_GONE = msg('oidc.linkGone');

function randomPart(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

/** Keeps a provider identity waiting for the local account's password; returns its token (`id.secret`, only a hash kept). */
export function createPendingLink(ctx: ServiceContext, input: { claims: ProviderClaims; userId: number; email: string; next: string | null }): string {
  const now = ctx.now();
  const id = randomPart();
  const secret = randomPart();
  ctx.db.delete(pendingIdentityLinks).where(lt(pendingIdentityLinks.expiresAt, now)).run();
  ctx.db
    .insert(pendingIdentityLinks)
    .values({ id, secretHash: hashSecret(secret), issuer: input.claims.iss, subject: input.claims.sub, userId: input.userId, email: input.email, claims: JSON.stringify(input.claims), next: input.next, createdAt: now, expiresAt: now + LINK_LIFETIME_MS })
    .run();
  return `${id}.${secret}`;
}

function findLink(ctx: ServiceContext, token: string | undefined) {
  const [id, secret, extra] = (token ?? '').split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return undefined;
  const row = ctx.db.select().from(pendingIdentityLinks).where(eq(pendingIdentityLinks.id, id)).get();
  if (!row || row.expiresAt <= ctx.now() || !constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return undefined;
  return row;
}

/** The local account a pending link would join (its username and the address both share), for the page that asks the password. */
export function pendingLink(ctx: ServiceContext, token: string | undefined): { username: string; email: string } {
  const row = findLink(ctx, token);
  const user = row ? ctx.db.select({ username: users.username }).from(users).where(eq(users.id, row.userId)).get() : undefined;
  if (!row || !user) throw new NotFound(LINK_GONE);
  return { username: user.username, email: row.email };
}

/**
 * Links the provider identity once the local account's password is proven, then signs that
 * account in. Wrong passwords count towards the account's lockout like the login form's.
 */
export async function provePendingLink(ctx: ServiceContext, settings: OidcSettings, input: { token: string | undefined; password: string }, lockout: LoginLockout): Promise<{ user: SignedIn; next: string | null }> {
  const row = findLink(ctx, input.token);
  if (!row) throw new NotFound(LINK_GONE);
  if (input.password.length === 0) throw new ValidationError({ password: MESSAGES.passwordMissing });
  const account = ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, row.userId)).get();
  const key = `account:${row.userId}`;
  const locked = lockout.isLocked(key);
  if (!account || !(await verifyPassword(account.passwordHash, input.password)) || locked) {
    lockout.recordFailure(key);
    throw new ValidationError({ password: msg('oidc.linkWrongPassword') });
  }
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    tx.delete(pendingIdentityLinks).where(eq(pendingIdentityLinks.id, row.id)).run();
    // The identity may have been linked meanwhile (two tabs): the first link stands.
    const existing = tx.select({ userId: userIdentities.userId }).from(userIdentities).where(and(eq(userIdentities.issuer, row.issuer), eq(userIdentities.subject, row.subject))).get();
    if (!existing) tx.insert(userIdentities).values({ issuer: row.issuer, subject: row.subject, userId: row.userId, email: row.email, emailVerified: true, createdAt: now, lastUsedAt: now }).run();
  });
  const claims = JSON.parse(row.claims ?? '{}') as ProviderClaims;
  return { user: signInLinked(ctx, settings, row.userId, { ...claims, iss: row.issuer, sub: row.subject }), next: row.next };
}
