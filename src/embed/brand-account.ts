import { eq } from 'drizzle-orm';
import { users } from '../db/schema.js';
import { USERNAME_MAX, USERNAME_MIN } from '../auth/accounts.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';

// The brand's own account (users.is_brand): it authors what the brand's servers create, such as
// the threads that discuss help articles, and is shown with an "Official" badge. It never signs
// in: its password hash is not a hash (every check of it fails), its address is on the reserved
// `.invalid` domain and unconfirmed, so no mail, reset link or provider identity reaches it.

const UNUSABLE_PASSWORD_HASH = '!';
const BRAND_ADDRESS = 'brand@hearth.invalid';

/** A valid username from the site's name: its letters and digits, else "Official". */
function usernameBase(siteName: string): string {
  const letters = siteName.normalize('NFKC').replace(/\s+/g, '-').replace(/[^A-Za-z0-9_-]/g, '').replace(/-{2,}/g, '-');
  // Room for a number after it; no hyphen left dangling at either end.
  const base = letters.slice(0, USERNAME_MAX - 3).replace(/^-+|-+$/g, '');
  return base.length >= USERNAME_MIN ? base : 'Official';
}

/** The brand account, made on first need with the site's name (a number added if that name is taken). */
export function brandAccount(ctx: ServiceContext, input: { siteName: string }): SignedIn {
  return ctx.db.transaction((tx) => {
    const columns = { id: users.id, username: users.username, role: users.role, createdAt: users.createdAt, silencedUntil: users.silencedUntil };
    const existing = tx.select(columns).from(users).where(eq(users.isBrand, true)).limit(1).get();
    if (existing) return existing;
    const base = usernameBase(input.siteName);
    let username = base;
    for (let suffix = 2; tx.select({ id: users.id }).from(users).where(eq(users.usernameKey, username.toLowerCase())).get(); suffix++) username = `${base}${suffix}`;
    const createdAt = ctx.now();
    // A manager, so what it posts is published at once, like any staff post.
    const values = { username, usernameKey: username.toLowerCase(), email: BRAND_ADDRESS, emailKey: BRAND_ADDRESS, passwordHash: UNUSABLE_PASSWORD_HASH, role: 'manager' as const, isBrand: true, createdAt };
    const row = tx.insert(users).values(values).returning({ id: users.id }).get();
    return { id: row.id, username, role: 'manager', createdAt, silencedUntil: null };
  });
}
