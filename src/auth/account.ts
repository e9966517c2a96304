import { and, desc, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, NotFound, Unauthenticated } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { characterCount } from '../lib/text.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './accounts.js';
import { hashPassword, verifyPassword } from './password.js';
import { invalidateUserSessions, sessionExpiresAt } from './session.js';

export type SessionView = { id: string; createdAt: number; lastUsedAt: number; expiresAt: number; userAgent: string | null; current: boolean };

function signedIn(viewer: Viewer) {
  if (viewer === null) throw new Unauthenticated(msg('account.signInFirst'));
  return viewer;
}

/** The member's signed-in browsers, most recently used first. */
export function listSessions(ctx: ServiceContext, viewer: Viewer, currentSessionId: string | null): SessionView[] {
  const user = signedIn(viewer);
  return ctx.db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, user.id))
    .orderBy(desc(sessions.lastUsedAt))
    .limit(50)
    .all()
    .map((session) => ({ ...session, expiresAt: sessionExpiresAt({ ...session, userId: user.id }), current: session.id === currentSessionId }));
}

export function signOutSession(ctx: ServiceContext, viewer: Viewer, sessionId: string): void {
  const user = signedIn(viewer);
  const removed = ctx.db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id))).run();
  if (removed.changes === 0) throw new NotFound(msg('account.sessionEnded'));
}

/** Signs out every other browser; the current one stays signed in. */
export function signOutOtherSessions(ctx: ServiceContext, viewer: Viewer, currentSessionId: string | null): number {
  const user = signedIn(viewer);
  const others = currentSessionId ? and(eq(sessions.userId, user.id), ne(sessions.id, currentSessionId)) : eq(sessions.userId, user.id);
  return ctx.db.delete(sessions).where(others).run().changes;
}

/**
 * Changing the password needs the current one and ends every session, this browser's too: the
 * route signs this browser in again with a new token.
 */
export async function changePassword(ctx: ServiceContext, viewer: Viewer, input: { current: string; next: string; confirm: string }): Promise<void> {
  const user = signedIn(viewer);
  const length = characterCount(input.next);
  assertValid({
    current: input.current.length === 0 ? msg('password.currentMissing') : undefined,
    next:
      length < PASSWORD_MIN
        ? msg('password.newTooShort', { min: PASSWORD_MIN })
        : length > PASSWORD_MAX
          ? msg('password.newTooLong', { max: PASSWORD_MAX })
          : undefined,
    confirm: input.confirm !== input.next ? msg('password.newMismatch') : undefined,
  });
  const row = ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, input.current))) {
    assertValid({ current: msg('password.currentWrong') });
  }
  const passwordHash = await hashPassword(input.next);
  ctx.db.transaction(
    (tx) => {
      tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
      invalidateUserSessions(tx as unknown as ServiceContext['db'], user.id);
    },
    { behavior: 'immediate' },
  );
}
