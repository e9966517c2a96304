import { eq } from 'drizzle-orm';
import { roles, users, type Role } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Forbidden, NotFound, ValidationError } from '../lib/errors.js';
import { isAdmin } from '../forum/permissions.js';
import { usernameKey } from './accounts.js';
import { invalidateUserSessions } from './session.js';

/** Changes a member's role; their sessions end so the new rights apply from their next sign-in. */
export function changeRole(ctx: ServiceContext, viewer: Viewer | 'system', input: { username: string; role: string }) {
  if (!(roles as readonly string[]).includes(input.role)) {
    throw new ValidationError({ role: `Role must be one of: ${roles.join(', ')}.` });
  }
  if (viewer !== 'system' && !isAdmin(viewer)) throw new Forbidden('Only admins can change roles.');
  const user = ctx.db.select({ id: users.id, username: users.username, role: users.role }).from(users).where(eq(users.usernameKey, usernameKey(input.username))).get();
  if (!user) throw new NotFound(`There is no member called "${input.username}".`);
  const role = input.role as Role;
  ctx.db.transaction((tx) => {
    tx.update(users).set({ role }).where(eq(users.id, user.id)).run();
    invalidateUserSessions(tx as unknown as ServiceContext['db'], user.id);
  }, { behavior: 'immediate' });
  return { username: user.username, from: user.role, to: role };
}
