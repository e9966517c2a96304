import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { usernameRedirects, users } from '../db/schema.js';
import type { Tx } from '../forum/counters.js';

// A username's key (lower-cased) is in use while a member has it, and also while it redirects to
// the member who had it (username_redirects): old profile links and `@old` mentions keep leading
// to that member, so nobody else may take the name. Released only when that member's account goes.

/** Whether `key` belongs to, or leads to, someone other than `exceptUserId`. */
export function usernameKeyTaken(db: Db | Tx, key: string, exceptUserId?: number): boolean {
  const other = exceptUserId;
  const holder = db
    .select({ id: users.id })
    .from(users)
    .where(other === undefined ? eq(users.usernameKey, key) : and(eq(users.usernameKey, key), ne(users.id, other)))
    .get();
  if (holder) return true;
  const redirect = db
    .select({ userId: usernameRedirects.userId })
    .from(usernameRedirects)
    .where(other === undefined ? eq(usernameRedirects.oldKey, key) : and(eq(usernameRedirects.oldKey, key), ne(usernameRedirects.userId, other)))
    .get();
  return redirect !== undefined;
}

/** The member an old username's key now leads to, if any. */
export function redirectedUserId(db: Db | Tx, key: string): number | null {
  return db.select({ userId: usernameRedirects.userId }).from(usernameRedirects).where(eq(usernameRedirects.oldKey, key)).get()?.userId ?? null;
}
