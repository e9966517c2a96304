import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionExpiresAt, type Session } from './session.js';

export const SESSION_COOKIE = 'hearth_session';

// Every signed-in request reads this one cookie. Hono's parser splits, trims and tests every pair
// of the header (~2% of a signed-in page view); a well-formed token (base32, a dot, base32) is
// taken straight from the first pair of that name, and anything else still goes through Hono.
const FIRST_SESSION_PAIR = new RegExp(`(?:^|;)[ \\t]*${SESSION_COOKIE}=([^;]*)`);
const TOKEN_SHAPE = /^[a-z2-7]{1,64}\.[a-z2-7]{1,64}$/;

export function readSessionCookie(c: Context): string | undefined {
  const header = c.req.header('cookie');
  if (header === undefined || !header.includes(SESSION_COOKIE)) return undefined;
  return wellFormedSessionToken(header) ?? getCookie(c, SESSION_COOKIE);
}

/** The first session token in a Cookie header when it is well formed, else undefined. */
export function wellFormedSessionToken(header: string): string | undefined {
  const value = FIRST_SESSION_PAIR.exec(header)?.[1];
  return value !== undefined && TOKEN_SHAPE.test(value) ? value : undefined;
}

/** HttpOnly, SameSite=Lax (never sent into third-party frames or cross-site POSTs), Secure on https. */
export function writeSessionCookie(c: Context, token: string, session: Session, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    expires: new Date(sessionExpiresAt(session)),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
