import { and, eq } from 'drizzle-orm';
import { usernameRedirects, users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { Forbidden, Unauthenticated, ValidationError, assertValid } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { usernameKeyTaken } from '../profiles/username-keys.js';
import { MESSAGES, normalizeUsername, uniqueViolation, usernameError } from './accounts.js';

// A member may choose a new username once per 30 days. Members made from the identity provider's
// claims (users.username_changes_left = 1) never chose theirs: their first choice is always open,
// whenever their last change was. The old name keeps leading to them (username_redirects), so
// old profile links and `@old` mentions work, and nobody else may take it.

export const USERNAME_CHANGE_INTERVAL_MS = 30 * 24 * 60 * 60_000;

export type UsernameChangeState = { allowed: boolean; /** When the next change is allowed, if not now. */ nextAt: number | null; fromProvider: boolean };

export function usernameChangeState(ctx: ServiceContext, viewer: Viewer): UsernameChangeState {
  if (!viewer) return { allowed: false, nextAt: null, fromProvider: false };
  const row = ctx.db.select({ left: users.usernameChangesLeft, changedAt: users.usernameChangedAt }).from(users).where(eq(users.id, viewer.id)).get();
  const fromProvider = (row?.left ?? 0) > 0;
  const nextAt = row?.changedAt == null ? null : row.changedAt + USERNAME_CHANGE_INTERVAL_MS;
  if (fromProvider || nextAt === null || nextAt <= ctx.now()) return { allowed: true, nextAt: null, fromProvider };
  return { allowed: false, nextAt, fromProvider };
}

/**
 * Changes the member's username under the signup rules, keeps the old one as a redirect to them
 * (a name they had before and take back stops being a redirect), and audits it. Pages showing the
 * old name are renewed by the database's version triggers.
 */
export function changeUsername(ctx: ServiceContext, viewer: Viewer, input: { username: string }): string {
  if (!viewer) throw new Unauthenticated(msg('account.signInFirst'));
  const state = usernameChangeState(ctx, viewer);
  if (!state.allowed) throw new Forbidden(msg('account.usernameTooSoon', { next: new Date(state.nextAt ?? 0) }));
  const username = normalizeUsername(input.username);
  assertValid({ username: usernameError(username) });
  const key = username.toLowerCase();
  if (usernameKeyTaken(ctx.db, key, viewer.id)) throw new ValidationError({ username: MESSAGES.usernameTaken });
  const now = ctx.now();
  try {
    ctx.db.transaction(
      (tx) => {
        // Checked again inside the write: two changes sent at once cannot both pass the 30 days.
        const fresh = usernameChangeState({ ...ctx, db: tx as unknown as ServiceContext['db'] }, viewer);
        if (!fresh.allowed) throw new Forbidden(msg('account.usernameTooSoon', { next: new Date(fresh.nextAt ?? now) }));
        const old = tx.select({ username: users.username, usernameKey: users.usernameKey }).from(users).where(eq(users.id, viewer.id)).get();
        if (!old || old.username === username) return;
        tx.update(users).set({ username, usernameKey: key, usernameChangesLeft: 0, usernameChangedAt: now }).where(eq(users.id, viewer.id)).run();
        tx.delete(usernameRedirects).where(and(eq(usernameRedirects.oldKey, key), eq(usernameRedirects.userId, viewer.id))).run();
        if (old.usernameKey !== key) {
          tx.insert(usernameRedirects).values({ oldKey: old.usernameKey, userId: viewer.id, createdAt: now }).onConflictDoUpdate({ target: usernameRedirects.oldKey, set: { userId: viewer.id, createdAt: now } }).run();
        }
        recordModAction(tx, { actorId: viewer.id, action: 'username_change', targetUserId: viewer.id, details: { from: old.username, to: username }, at: now });
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    const fields = uniqueViolation(error);
    if (fields) throw new ValidationError(fields);
    throw error;
  }
  return username;
}
