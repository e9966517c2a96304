import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions } from '../db/schema.js';
import type { SignedIn } from '../lib/context.js';
import { perDatabase } from '../db/prepared.js';
import { hashSecret } from '../lib/secret-hash.js';

// Lucia's session design: the token is `id.secret`; only SHA-256 of the secret is stored, so a
// leaked database cannot be replayed as cookies, and the id lookup keeps the compare constant-time.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Signed out after this long without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 14 * DAY;
/** Signed out this long after sign-in, however active. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 60 * DAY;
/** lastUsedAt is written at most this often, so reads do not turn into writes. */
const ACTIVITY_WRITE_INTERVAL_MS = 60 * MINUTE;

export type Session = { id: string; userId: number; createdAt: number; lastUsedAt: number };
export type ValidSession = { session: Session; user: SignedIn; renewed: boolean };

function randomString(): string {
  // 15 random bytes → 24 base32 characters, 120 bits of entropy.
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

/**
 * Starts a new session (always a new token: a fresh sign-in never reuses an old id). An embed
 * session names the page origin whose frame holds it (docs/decisions/0049-embed-sessions.md).
 */
export function createSession(db: Db, userId: number, now: number, userAgent?: string, embedOrigin: string | null = null): { token: string; session: Session } {
  const id = randomString();
  const secret = randomString();
  db.insert(sessions).values({ id, secretHash: hashSecret(secret), userId, createdAt: now, lastUsedAt: now, userAgent: userAgent?.slice(0, 300) ?? null, embedOrigin }).run();
  return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, lastUsedAt: now } };
}

export function sessionExpiresAt(session: Session): number {
  return Math.min(session.lastUsedAt + SESSION_IDLE_TIMEOUT_MS, session.createdAt + SESSION_ABSOLUTE_LIFETIME_MS);
}

// Read as values: a row object of 14 columns is one V8 keeps as a dictionary (see threadRowOf in src/forum/thread-page.ts).
type SessionValues = [
  id: string,
  secretHash: Buffer,
  createdAt: number,
  lastUsedAt: number,
  embedOrigin: string | null,
  userId: number,
  username: string,
  role: SignedIn['role'],
  userCreatedAt: number,
  silencedUntil: number | null,
  suspendedUntil: number | null,
  emailVerifiedAt: number | null,
  locale: string | null,
  timeZone: string | null,
];

// Prepared once per database, as plain SQL: this runs on every signed-in request, and drizzle's
// mapping of the row cost more than the lookup itself.
function prepare(db: Db) {
  return {
    session: db.$client.prepare<[id: string], SessionValues>(
      'select sessions.id, sessions.secret_hash as secretHash, sessions.created_at as createdAt, sessions.last_used_at as lastUsedAt, sessions.embed_origin as embedOrigin, ' +
        'users.id as userId, users.username, users.role, users.created_at as userCreatedAt, users.silenced_until as silencedUntil, ' +
        'users.suspended_until as suspendedUntil, users.email_verified_at as emailVerifiedAt, users.locale, users.time_zone as timeZone ' +
        'from sessions join users on users.id = sessions.user_id where sessions.id = ?',
    ).raw(true),
    scope: db.$client.prepare<[userId: number], number>('select category_id from manager_scopes where user_id = ?').pluck(),
  };
}
const statements = perDatabase(prepare);

/**
 * What the token names now, without writing: a session in use (`renew` when its last use should
 * be moved forward), one to delete (expired, or its member suspended), or none (malformed, unknown,
 * wrong, or belonging elsewhere: a community session, `embedOrigin` null, is never an embed
 * session, and an embed session is good only in frames of the page origin it was made for).
 */
export type SessionRead = { state: 'valid'; session: Session; user: SignedIn; renew: boolean } | { state: 'ended'; id: string } | { state: 'none' };

const NONE: SessionRead = { state: 'none' };

export function readSession(db: Db, token: string, now: number, embedOrigin: string | null = null): SessionRead {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return NONE;
  const row = statements(db).session.get(id);
  if (!row) return NONE;
  const [sessionId, secretHash, createdAt, lastUsedAt, rowOrigin, userId, username, role, userCreatedAt, silencedUntil, suspendedUntil, emailVerifiedAt, locale, timeZone] = row;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(secretHash))) return NONE;
  if (rowOrigin !== embedOrigin) return NONE;
  const session: Session = { id: sessionId, userId, createdAt, lastUsedAt };
  // Suspension signs people out everywhere; this also covers a session that slipped through.
  if (now >= sessionExpiresAt(session) || (suspendedUntil !== null && suspendedUntil > now)) return { state: 'ended', id };
  const user: SignedIn = { id: userId, username, role, createdAt: userCreatedAt, silencedUntil };
  if (emailVerifiedAt === null) user.emailUnverified = true;
  if (locale !== null) user.locale = locale;
  if (timeZone !== null) user.timeZone = timeZone;
  if (role === 'manager') {
    const scope = statements(db).scope.all(userId);
    if (scope.length > 0) user.scope = scope;
  }
  return { state: 'valid', session, user, renew: now - session.lastUsedAt >= ACTIVITY_WRITE_INTERVAL_MS };
}

/**
 * Returns the session and its user, or null when there is none (see readSession); deletes an
 * ended session and moves a renewed one's last use forward.
 */
export function validateSessionToken(db: Db, token: string, now: number, embedOrigin: string | null = null): ValidSession | null {
  const read = readSession(db, token, now, embedOrigin);
  if (read.state === 'none') return null;
  if (read.state === 'ended') {
    invalidateSession(db, read.id);
    return null;
  }
  const { session, user, renew } = read;
  if (renew) {
    db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, session.id)).run();
    session.lastUsedAt = now;
  }
  return { session, user, renewed: renew };
}

export function invalidateSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Signs a user out everywhere: logout-everywhere, password change, suspension, role change. */
export function invalidateUserSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
