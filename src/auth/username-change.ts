import { and, eq, gt, ne } from 'drizzle-orm';
import { users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { Forbidden, Unauthenticated, ValidationError, assertValid } from '../lib/errors.js';
import { MESSAGES, normalizeUsername, uniqueViolation, usernameError } from './accounts.js';

/** How many times the member may still choose their username (1 for accounts made from a provider's claim). */
export function usernameChangesLeft(ctx: ServiceContext, viewer: Viewer): number {
  if (!viewer) return 0;
  return ctx.db.select({ left: users.usernameChangesLeft }).from(users).where(eq(users.id, viewer.id)).get()?.left ?? 0;
}

/**
 * A member whose username came from the identity provider chooses their own, once, under the
 * signup rules. Pages showing the old name are renewed by the database's version triggers.
 */
export function changeUsername(ctx: ServiceContext, viewer: Viewer, input: { username: string }): string {
  if (!viewer) throw new Unauthenticated(msg('account.signInFirst'));
  if (usernameChangesLeft(ctx, viewer) <= 0) throw new Forbidden(msg('account.usernameNoChangesLeft'));
  const username = normalizeUsername(input.username);
  assertValid({ username: usernameError(username) });
  const key = username.toLowerCase();
  if (ctx.db.select({ id: users.id }).from(users).where(and(eq(users.usernameKey, key), ne(users.id, viewer.id))).get()) {
    throw new ValidationError({ username: MESSAGES.usernameTaken });
  }
  try {
    const changed = ctx.db
      .update(users)
      .set({ username, usernameKey: key, usernameChangesLeft: 0 })
      .where(and(eq(users.id, viewer.id), gt(users.usernameChangesLeft, 0)))
      .run();
    if (changed.changes === 0) throw new Forbidden(msg('account.usernameNoChangesLeft'));
  } catch (error) {
    const fields = uniqueViolation(error);
    if (fields) throw new ValidationError(fields);
    throw error;
  }
  return username;
}
