import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { managerScopes, userIdentities, users, type Role } from '../db/schema.js';
import type { Tx } from '../forum/counters.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { recordModAction } from '../moderation/audit.js';
import { AccountSuspended, addressOwner, emailKey, normalizeEmail } from './accounts.js';
import { mailVerificationLink } from './email-verification.js';
import { createPendingLink } from './identity-links.js';
import { roleFromClaims, type OidcSettings } from './oidc-settings.js';
import { uniqueUsername, usernameCandidate } from './provider-usernames.js';
import { invalidateUserSessions } from './session.js';

/** The ID token's claims Hearth reads (openid-client has checked its signature, issuer, audience and nonce). */
export type ProviderClaims = { iss: string; sub: string } & Record<string, unknown>;

export type ProviderSignIn = { kind: 'signed-in'; user: SignedIn } | { kind: 'link'; token: string };

/** A provider account with no local password: no password matches it (verifyPassword refuses the format). */
export const NO_LOCAL_PASSWORD = '!provider-account';

function providerEmail(claims: ProviderClaims): { email: string | null; verified: boolean } {
  const email = typeof claims['email'] === 'string' ? normalizeEmail(claims['email']).slice(0, 254) : '';
  return { email: email.includes('@') ? email : null, verified: email.includes('@') && claims['email_verified'] === true };
}

function loadUser(db: Db | Tx, userId: number) {
  return db.select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt, suspendedUntil: users.suspendedUntil, suspendReason: users.suspendReason, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get();
}

/**
 * Sets the role the provider's claim gives, on every sign-in (promotion and demotion alike),
 * audited with no actor like the command line; the member's other sessions end, as on any role change.
 */
export function applyMappedRole(tx: Db | Tx, userId: number, from: Role, to: Role | null, now: number): Role {
  if (to === null || to === from) return from;
  tx.update(users).set({ role: to }).where(eq(users.id, userId)).run();
  if (to !== 'manager') tx.delete(managerScopes).where(eq(managerScopes.userId, userId)).run();
  invalidateUserSessions(tx as Db, userId);
  recordModAction(tx, { actorId: null, action: 'role_change', targetUserId: userId, details: { from, to, by: 'identity provider' }, at: now });
  return to;
}

/** Signs in the account an identity belongs to: suspended members are refused as at the login form. */
export function signInLinked(ctx: ServiceContext, settings: OidcSettings, userId: number, claims: ProviderClaims): SignedIn {
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const user = loadUser(tx, userId);
      if (!user) throw new Error(`identity of ${claims.sub} points at no account`);
      if (user.suspendedUntil !== null && user.suspendedUntil > now) throw new AccountSuspended(user.suspendedUntil, user.suspendReason);
      const { email, verified } = providerEmail(claims);
      tx.update(userIdentities).set({ email, emailVerified: verified, lastUsedAt: now }).where(and(eq(userIdentities.issuer, claims.iss), eq(userIdentities.subject, claims.sub))).run();
      const role = applyMappedRole(tx, user.id, user.role, roleFromClaims(settings.roleClaim, claims), now);
      const signedIn: SignedIn = { id: user.id, username: user.username, role, createdAt: user.createdAt };
      if (user.emailVerifiedAt === null) signedIn.emailUnverified = true;
      return signedIn;
    },
    { behavior: 'immediate' },
  );
}

/** A new member from the provider's claims: username from a claim (changeable once), address verified only if the provider says so. */
function createMember(ctx: ServiceContext, settings: OidcSettings, claims: ProviderClaims, owned: boolean): SignedIn {
  const now = ctx.now();
  const { email, verified } = providerEmail(claims);
  const role = roleFromClaims(settings.roleClaim, claims) ?? 'member';
  return ctx.db.transaction(
    (tx) => {
      const username = uniqueUsername(tx, usernameCandidate(claims));
      // An address another account owns (or none at all) is kept but never owned: no mail goes to it.
      const addressTaken = email === null || owned;
      const row = tx
        .insert(users)
        .values({ username, usernameKey: username.toLowerCase(), email: email ?? '', emailKey: email ? emailKey(email) : '', passwordHash: NO_LOCAL_PASSWORD, role, createdAt: now, addressTaken, emailVerifiedAt: verified && !addressTaken ? now : null, usernameChangesLeft: 1 })
        .returning({ id: users.id })
        .get();
      tx.insert(userIdentities).values({ issuer: claims.iss, subject: claims.sub, userId: row.id, email, emailVerified: verified, createdAt: now, lastUsedAt: now }).run();
      if (role !== 'member') recordModAction(tx, { actorId: null, action: 'role_change', targetUserId: row.id, details: { from: 'member', to: role, by: 'identity provider' }, at: now });
      if (email && !verified && !addressTaken) mailVerificationLink(tx, { userId: row.id, email, username }, now);
      const user: SignedIn = { id: row.id, username, role, createdAt: now };
      if (!verified || addressTaken) user.emailUnverified = true;
      return user;
    },
    { behavior: 'immediate' },
  );
}

/**
 * What a successful sign-in at the provider leads to: the account linked to (issuer, subject);
 * else, when the provider vouches for an address a local account has confirmed, a link that
 * account's password must prove (or made at once with OIDC_TRUST_EMAIL); else a new member.
 * An address the provider does not say is verified never finds an account.
 */
export function signInWithProvider(ctx: ServiceContext, settings: OidcSettings, claims: ProviderClaims, next: string | null): ProviderSignIn {
  const identity = ctx.db.select({ userId: userIdentities.userId }).from(userIdentities).where(and(eq(userIdentities.issuer, claims.iss), eq(userIdentities.subject, claims.sub))).get();
  if (identity) return { kind: 'signed-in', user: signInLinked(ctx, settings, identity.userId, claims) };
  const { email, verified } = providerEmail(claims);
  const owner = email ? ctx.db.select({ id: users.id, verifiedAt: users.emailVerifiedAt }).from(users).where(addressOwner(emailKey(email))).get() : undefined;
  if (owner && verified && owner.verifiedAt !== null) {
    if (!settings.trustEmail) return { kind: 'link', token: createPendingLink(ctx, { claims, userId: owner.id, email: email!, next }) };
    const now = ctx.now();
    ctx.db.insert(userIdentities).values({ issuer: claims.iss, subject: claims.sub, userId: owner.id, email, emailVerified: true, createdAt: now, lastUsedAt: now }).run();
    return { kind: 'signed-in', user: signInLinked(ctx, settings, owner.id, claims) };
  }
  return { kind: 'signed-in', user: createMember(ctx, settings, claims, owner !== undefined) };
}

