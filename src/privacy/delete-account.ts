import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { usernameKey, type LoginLockout } from '../auth/accounts.js';
import { NO_LOCAL_PASSWORD } from '../auth/oidc-members.js';
import { verifyPassword } from '../auth/password.js';
import type { Db } from '../db/client.js';
import { getSetting } from '../db/settings.js';
import { sessions, users } from '../db/schema.js';
import { canDeleteOwnAccount, canEraseAccount } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { eraseAccount } from './erase-account.js';
import { postChoices, type PostChoice } from './erase-posts.js';

// "Delete my account" on /account, and an admin's erasure for a request received by email. Both
// end in eraseAccount, in one transaction; the export files are removed after it commits.

/** A member without a local password proves it is them by a sign-in this recent. */
export const REAUTHENTICATION_WINDOW_MS = 10 * 60_000;

export const POST_CHOICES_SETTING = 'privacy.post_choices';

/** Which choices the community offers for a deleted account's posts (Admin → Privacy; both by default). */
export function allowedPostChoices(db: Db): PostChoice[] {
  const value = getSetting(db, POST_CHOICES_SETTING);
  return postChoices.includes(value as PostChoice) ? [value as PostChoice] : [...postChoices];
}

function accountOf(ctx: ServiceContext, userId: number) {
  return ctx.db.select({ id: users.id, username: users.username, role: users.role, isBrand: users.isBrand, passwordHash: users.passwordHash, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId)).get();
}

/** Whether the account signs in with a password here, or only through the brand's provider. */
export function hasLocalPassword(ctx: ServiceContext, viewer: SignedIn): boolean {
  return accountOf(ctx, viewer.id)?.passwordHash !== NO_LOCAL_PASSWORD;
}

function postChoice(db: Db, value: unknown): PostChoice | undefined {
  return allowedPostChoices(db).find((choice) => choice === value);
}

/** `lockout`: the sign-in form's count of wrong passwords per account, so this form cannot be used to guess one. */
export type OwnDeletion = { password: string; posts: unknown; exportsDir: string; sessionId: string | null; lockout: LoginLockout };

/** When this browser signed in: a member without a password proves it is them by a recent sign-in. */
function signedInAt(ctx: ServiceContext, userId: number, sessionId: string | null): number | null {
  if (sessionId === null) return null;
  return ctx.db.select({ createdAt: sessions.createdAt }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).get()?.createdAt ?? null;
}

export async function deleteOwnAccount(ctx: ServiceContext, viewer: Viewer, input: OwnDeletion): Promise<void> {
  if (viewer === null) throw new Unauthenticated(msg('account.signInFirst'));
  const account = accountOf(ctx, viewer.id);
  if (!account || account.deletedAt !== null) throw new Unauthenticated(msg('account.signInFirst'));
  if (!canDeleteOwnAccount(viewer, account)) throw new Forbidden(msg(account.isBrand ? 'privacy.brandAccount' : 'privacy.adminAccount'));
  const choice = postChoice(ctx.db, input.posts);
  const local = account.passwordHash !== NO_LOCAL_PASSWORD;
  assertValid({
    posts: choice ? undefined : msg('privacy.postsChoiceMissing'),
    password: local && input.password.length === 0 ? msg('privacy.passwordMissing') : undefined,
  });
  if (local) await checkPassword(account, input.password, input.lockout);
  const since = local ? null : signedInAt(ctx, account.id, input.sessionId);
  if (!local && (since === null || ctx.now() - since > REAUTHENTICATION_WINDOW_MS)) {
    assertValid({ password: msg('privacy.signInAgain', { minutes: REAUTHENTICATION_WINDOW_MS / 60_000 }) });
  }
  const erased = ctx.db.transaction((tx) => eraseAccount(tx, { userId: account.id, choice: choice!, actorId: account.id, now: ctx.now() }), { behavior: 'immediate' });
  removeFiles(input.exportsDir, erased.exportFiles);
}

/** A locked-out account is answered like a wrong password, after the same work (as at sign-in). */
async function checkPassword(account: { id: number; passwordHash: string }, password: string, lockout: LoginLockout): Promise<void> {
  const key = `account:${account.id}`;
  const locked = lockout.isLocked(key);
  if ((await verifyPassword(account.passwordHash, password)) && !locked) return;
  lockout.recordFailure(key);
  assertValid({ password: msg('privacy.passwordWrong') });
}

export type AdminErasure = { username: string; posts: unknown; confirm: unknown; exportsDir: string };

/** An admin erases a member's account at their request (received by email), with a confirmation. */
export function eraseMemberAccount(ctx: ServiceContext, viewer: Viewer, input: AdminErasure): { username: string } {
  const target = ctx.db.select({ id: users.id, username: users.username, role: users.role, isBrand: users.isBrand }).from(users).where(eq(users.usernameKey, usernameKey(input.username))).get();
  if (!target) throw new NotFound(msg('profile.notFound'));
  if (!canEraseAccount(viewer, target)) throw new Forbidden(msg('privacy.eraseRefused'));
  const choice = postChoice(ctx.db, input.posts);
  assertValid({ posts: choice ? undefined : msg('privacy.postsChoiceMissing'), confirm: input.confirm === 'yes' ? undefined : msg('privacy.confirmMissing') });
  const erased = ctx.db.transaction((tx) => eraseAccount(tx, { userId: target.id, choice: choice!, actorId: viewer!.id, now: ctx.now() }), { behavior: 'immediate' });
  removeFiles(input.exportsDir, erased.exportFiles);
  return { username: target.username };
}

function removeFiles(folder: string, names: string[]): void {
  for (const name of names) rmSync(join(folder, name), { force: true });
}
