import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories, managerScopes, roles, users, type Role } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Conflict, Forbidden, NotFound, ValidationError } from '../lib/errors.js';
import { canChangeRoles } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import { recordModAction } from '../moderation/audit.js';
import { usernameKey } from './accounts.js';
import { invalidateUserSessions } from './session.js';

function findUser(ctx: ServiceContext, username: string) {
  const user = ctx.db.select({ id: users.id, username: users.username, role: users.role }).from(users).where(eq(users.usernameKey, usernameKey(username))).get();
  if (!user) throw new NotFound(msg('auth.noSuchMember', { username }));
  return user;
}

/**
 * Changes a member's role; their sessions end so the new rights apply from their next sign-in.
 * `system` is the command line (audited with no actor). Leaving the manager role drops any
 * category scope, so a later promotion does not silently bring back an old restriction.
 */
export function changeRole(ctx: ServiceContext, viewer: Viewer | 'system', input: { username: string; role: string }) {
  if (!(roles as readonly string[]).includes(input.role)) {
    throw new ValidationError({ role: msg('auth.invalidRole', { roles: roles.join(', ') }) });
  }
  if (viewer !== 'system' && (viewer === null || !canChangeRoles(viewer))) throw new Forbidden(msg('auth.onlyAdminsChangeRoles'));
  const user = findUser(ctx, input.username);
  // An admin demoting themselves could leave the community with no one to configure it.
  if (viewer !== 'system' && viewer.id === user.id) throw new Forbidden(msg('auth.ownRole'));
  const role = input.role as Role;
  if (role === user.role) return { username: user.username, from: user.role, to: role };
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      tx.update(users).set({ role }).where(eq(users.id, user.id)).run();
      if (role !== 'manager') tx.delete(managerScopes).where(eq(managerScopes.userId, user.id)).run();
      invalidateUserSessions(tx as unknown as Db, user.id);
      recordModAction(tx, { actorId: viewer === 'system' ? null : viewer.id, action: 'role_change', targetUserId: user.id, details: { from: user.role, to: role }, at: now });
    },
    { behavior: 'immediate' },
  );
  return { username: user.username, from: user.role, to: role };
}

/** Limits a manager to some categories; an empty list means they moderate everywhere. */
export function setManagerScope(ctx: ServiceContext, viewer: Viewer, input: { username: string; categoryIds: number[] }) {
  if (viewer === null || !canChangeRoles(viewer)) throw new Forbidden(msg('auth.onlyAdminsChooseScope'));
  const user = findUser(ctx, input.username);
  if (user.role !== 'manager') throw new Conflict(msg('auth.notManager', { username: user.username }));
  const wanted = [...new Set(input.categoryIds)];
  const known = wanted.length === 0 ? [] : ctx.db.select({ id: categories.id, slug: categories.slug }).from(categories).where(inArray(categories.id, wanted)).orderBy(asc(categories.position), asc(categories.id)).all();
  if (known.length !== wanted.length) throw new ValidationError({ categories: msg('auth.categoryGone') });
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      tx.delete(managerScopes).where(eq(managerScopes.userId, user.id)).run();
      if (known.length > 0) tx.insert(managerScopes).values(known.map((category) => ({ userId: user.id, categoryId: category.id }))).run();
      recordModAction(tx, { actorId: viewer.id, action: 'scope_change', targetUserId: user.id, details: { categories: known.map((category) => category.slug) }, at: now });
    },
    { behavior: 'immediate' },
  );
  return { username: user.username, categories: known.map((category) => category.slug) };
}
