import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { readSessionCookie } from './cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * hono's csrf() checks only the content types an HTML form can send; a JSON or other body from
 * another site needs a CORS preflight, which Hearth never grants, so it cannot arrive today. This
 * makes the rule independent of that: a request that would act with a member's session cookie
 * must show it comes from this site — an `Origin` of this site, or else `Sec-Fetch-Site:
 * same-origin` — whatever its content type. Browsers send one of the two on every POST, so a
 * request with neither is a script holding a cookie, and is refused. The JSON API under /api/
 * ignores cookies (bearer keys only) and one-click unsubscribe trusts only its signed token, so
 * both are left to their own checks.
 */
export function crossSiteCookieGuard(isSameOrigin: (origin: string, requestUrl: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.path.startsWith('/api/') || c.req.path === '/unsubscribe' || !readSessionCookie(c)) return next();
    const origin = c.req.header('origin');
    const fromThisSite = origin !== undefined ? isSameOrigin(origin, c.req.url) : c.req.header('sec-fetch-site') === 'same-origin';
    if (!fromThisSite) throw new HTTPException(403, { message: 'cross-site request with a session cookie' });
    return next();
  };
}
