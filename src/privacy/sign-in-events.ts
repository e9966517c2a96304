import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { signInEvents, type SignInMethod } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Unauthenticated } from '../lib/errors.js';
import { msg } from '../i18n/message.js';

// Each successful sign-in, for the member's own history on /account and in their export. The
// address is the client's as TRUST_PROXY decides it; the retention job (src/privacy/retention.ts)
// removes it after IP_RETENTION_DAYS.

export type SignInEventView = { method: SignInMethod; address: string | null; userAgent: string | null; createdAt: number };

/** How many of the latest sign-ins the account page lists. */
export const SIGN_INS_SHOWN = 10;

export function recordSignIn(db: Db, input: { userId: number; method: SignInMethod; address: string | null; userAgent: string | undefined; now: number }): void {
  // 'unknown' is what an in-process request without a socket gives: no address at all.
  const address = input.address && input.address !== 'unknown' ? input.address.slice(0, 64) : null;
  db.insert(signInEvents).values({ userId: input.userId, method: input.method, address, userAgent: input.userAgent?.slice(0, 300) ?? null, createdAt: input.now }).run();
}

/** The member's latest sign-ins, newest first. */
export function listSignIns(ctx: ServiceContext, viewer: Viewer, limit = SIGN_INS_SHOWN): SignInEventView[] {
  if (viewer === null) throw new Unauthenticated(msg('account.signInFirst'));
  return ctx.db
    .select({ method: signInEvents.method, address: signInEvents.address, userAgent: signInEvents.userAgent, createdAt: signInEvents.createdAt })
    .from(signInEvents)
    .where(eq(signInEvents.userId, viewer.id))
    .orderBy(desc(signInEvents.createdAt), desc(signInEvents.id))
    .limit(limit)
    .all();
}
