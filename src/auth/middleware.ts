import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/env.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './cookie.js';
import { validateSessionToken } from './session.js';

/** Resolves the session cookie into `viewer`; renews the cookie when the session slid forward. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, now } = c.get('services');
    const secure = c.get('config').secureCookies;
    const token = readSessionCookie(c);
    c.set('viewer', null);
    c.set('sessionId', null);
    if (token) {
      const valid = validateSessionToken(db, token, now());
      if (valid) {
        c.set('viewer', valid.user);
        c.set('sessionId', valid.session.id);
        if (valid.renewed) writeSessionCookie(c, token, valid.session, secure);
      } else {
        clearSessionCookie(c, secure);
      }
    }
    await next();
  };
}
