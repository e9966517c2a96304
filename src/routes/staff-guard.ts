import type { Context, MiddlewareHandler } from 'hono';
import { canConfigure, canUseModeration } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import { Forbidden } from '../lib/errors.js';
import type { AppEnv } from './env.js';
import { loginRedirect } from './forms.js';

// Every /mod and /admin URL: anonymous visitors go to the login page, members get a 403. Services
// check again (and per category); this guard keeps the pages themselves from leaking anything.

function signIn(c: Context<AppEnv>) {
  // After logging in, a POST address would only answer 404: come back to the team area instead.
  return c.req.method === 'GET' ? loginRedirect(c) : c.redirect(`/login?next=${encodeURIComponent('/mod')}`, 303);
}

export function staffOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (!viewer) return signIn(c);
    if (!canUseModeration(viewer)) throw new Forbidden(msg('mod.teamOnly'));
    c.header('Cache-Control', 'private, no-store');
    await next();
  };
}

export function adminOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (!viewer) return signIn(c);
    if (!canConfigure(viewer)) throw new Forbidden(msg('mod.adminsOnly'));
    c.header('Cache-Control', 'private, no-store');
    await next();
  };
}
