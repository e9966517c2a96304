import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/client.js';
import type { SignedIn } from '../lib/context.js';
import { createSession, sessionExpiresAt, validateSessionToken } from './session.js';

// Embed sessions (docs/decisions/0049-embed-sessions.md): a sessions row bound to the page origin
// whose frame holds it. The frame keeps the token in memory and sends it as a bearer header; a
// partitioned cookie (CHIPS) keeps it across reloads where the browser allows one. Either way it
// is good only on the embed routes that check it, for that origin, never on the community's pages.

export const EMBED_SESSION_COOKIE = 'hearth_embed';
/** Only the embed routes ever receive the cookie. */
const EMBED_COOKIE_PATH = '/embed/';
const TOKEN_SHAPE = /^[a-z2-7]{1,64}\.[a-z2-7]{1,64}$/;

export function startEmbedSession(c: Context, db: Db, input: { userId: number; origin: string; now: number }): { token: string; expiresAt: number } {
  const { token, session } = createSession(db, input.userId, input.now, c.req.header('user-agent'), input.origin);
  const expiresAt = sessionExpiresAt(session);
  // Partitioned (keyed to the embedding site too) and SameSite=None: the only cookie a browser
  // blocking third-party cookies may still keep for a frame. Secure is required for both;
  // browsers accept it from http://localhost, the one plain-http origin Hearth serves in tests.
  setCookie(c, EMBED_SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'None', partitioned: true, path: EMBED_COOKIE_PATH, expires: new Date(expiresAt) });
  return { token, expiresAt };
}

/** The bearer header the frame's script sends, else the partitioned cookie. */
function embedToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  const token = bearer ?? getCookie(c, EMBED_SESSION_COOKIE);
  return token !== undefined && TOKEN_SHAPE.test(token) ? token : undefined;
}

/** The member of a valid embed session for this page origin, or null. */
export function embedViewer(c: Context, db: Db, input: { origin: string | null; now: number }): SignedIn | null {
  const token = embedToken(c);
  if (token === undefined || input.origin === null) return null;
  return embedTokenViewer(db, { token, origin: input.origin, now: input.now });
}

export function embedTokenViewer(db: Db, input: { token: string; origin: string; now: number }): SignedIn | null {
  return validateSessionToken(db, input.token, input.now, input.origin)?.user ?? null;
}
