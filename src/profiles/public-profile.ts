import { eq } from 'drizzle-orm';
import { usernameRedirects, users } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { usernameKey } from '../auth/accounts.js';

/** The member's current username when `username` is one they had before, else null. */
export function renamedTo(ctx: ServiceContext, username: string): string | null {
  const row = ctx.db
    .select({ username: users.username })
    .from(usernameRedirects)
    .innerJoin(users, eq(users.id, usernameRedirects.userId))
    .where(eq(usernameRedirects.oldKey, usernameKey(username)))
    .get();
  return row?.username ?? null;
}

export type AvatarOwner = { username: string; displayName: string | null; redirectTo?: string };

/** Whose generated avatar `username` asks for, or where that member is now called. */
export function findAvatarOwner(ctx: ServiceContext, username: string): AvatarOwner {
  const row = ctx.db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.usernameKey, usernameKey(username))).get();
  if (row) return row;
  const now = renamedTo(ctx, username);
  if (now) return { username: now, displayName: null, redirectTo: now };
  throw new NotFound(msg('profile.notFound'));
}
