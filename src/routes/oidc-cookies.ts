import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

// Short-lived cookies of a sign-in through the provider. All HttpOnly and SameSite=Lax: Lax is
// sent on the provider's top-level redirect back to the callback, never into cross-site frames.

/** Binds a sign-in in flight to the browser that started it (only its hash is in oidc_logins). */
const BROWSER_COOKIE = 'hearth_oidc_browser';
/** A pending link to a local account, waiting for its password. */
const LINK_COOKIE = 'hearth_oidc_link';
/** The ID token of the provider sign-in, kept for `id_token_hint` at sign-out. */
const ID_TOKEN_COOKIE = 'hearth_oidc_id';

const options = (secure: boolean, maxAge: number, path = '/auth/oidc') => ({ httpOnly: true, sameSite: 'Lax' as const, secure, path, maxAge });

export const oidcCookies = {
  browser: (c: Context) => getCookie(c, BROWSER_COOKIE),
  setBrowser: (c: Context, value: string, secure: boolean) => setCookie(c, BROWSER_COOKIE, value, options(secure, 10 * 60)),
  link: (c: Context) => getCookie(c, LINK_COOKIE),
  setLink: (c: Context, value: string, secure: boolean) => setCookie(c, LINK_COOKIE, value, options(secure, 15 * 60)),
  clearLink: (c: Context, secure: boolean) => deleteCookie(c, LINK_COOKIE, options(secure, 0)),
  idToken: (c: Context) => getCookie(c, ID_TOKEN_COOKIE),
  // Read at POST /logout, so on every path; as long as the longest session.
  setIdToken: (c: Context, value: string, secure: boolean) => setCookie(c, ID_TOKEN_COOKIE, value, options(secure, 60 * 24 * 60 * 60, '/')),
  clearIdToken: (c: Context, secure: boolean) => deleteCookie(c, ID_TOKEN_COOKIE, options(secure, 0, '/')),
};
