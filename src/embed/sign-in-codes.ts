import { and, eq, isNull, lt } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { embedSignInCodes } from '../db/schema.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Forbidden, Unauthenticated, ValidationError } from '../lib/errors.js';
import { hashSecret } from '../lib/secret-hash.js';
import { isAllowedOrigin } from './origins.js';

// The sign-in popup hands the frame a code, never a session: a code is useless after a minute or
// one exchange, and only for the page origin it was made for (docs/decisions/0049-embed-sessions.md).

/** How long a code may wait between the popup and the frame's exchange. */
export const EMBED_CODE_LIFETIME_MS = 60_000;
const CODE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new code for the signed-in viewer, bound to an allowed embedding origin. */
export function createEmbedSignInCode(ctx: ServiceContext, viewer: Viewer, input: { origin: string | undefined; allowed: readonly string[] }): string {
  if (viewer === null) throw new Unauthenticated(msg('embedSignIn.logIn'));
  if (!isAllowedOrigin(input.origin, input.allowed)) throw new Forbidden(msg('embedSignIn.notAllowed', { origin: input.origin ?? '' }));
  // 32 random bytes: unguessable within its minute however many tries.
  const code = randomBytes(32).toString('base64url');
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    tx.delete(embedSignInCodes).where(lt(embedSignInCodes.expiresAt, now)).run();
    tx.insert(embedSignInCodes).values({ codeHash: hashSecret(code), userId: viewer.id, origin: input.origin!, createdAt: now, expiresAt: now + EMBED_CODE_LIFETIME_MS }).run();
  });
  return code;
}

/**
 * Spends a code for the origin it was made for and returns its member. Unknown, used, expired and
 * other-origin codes are refused alike; the code is spent in the same statement that checks it, so
 * two exchanges of one code cannot both succeed.
 */
export function redeemEmbedSignInCode(ctx: ServiceContext, input: { code: unknown; origin: string | undefined; allowed: readonly string[] }): number {
  const code = typeof input.code === 'string' && CODE_SHAPE.test(input.code) ? input.code : null;
  if (code === null || !isAllowedOrigin(input.origin, input.allowed)) throw new ValidationError({ code: msg('embedSignIn.codeRefused') });
  const now = ctx.now();
  const spent = ctx.db
    .update(embedSignInCodes)
    .set({ usedAt: now })
    .where(and(eq(embedSignInCodes.codeHash, hashSecret(code)), eq(embedSignInCodes.origin, input.origin), isNull(embedSignInCodes.usedAt)))
    .returning({ userId: embedSignInCodes.userId, expiresAt: embedSignInCodes.expiresAt })
    .all()[0];
  if (!spent || spent.expiresAt <= now) throw new ValidationError({ code: msg('embedSignIn.codeRefused') });
  return spent.userId;
}
