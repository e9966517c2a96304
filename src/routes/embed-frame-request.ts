import type { Context } from 'hono';
import { embedViewer } from '../auth/embed-session.js';
import { allowedOrigins } from '../embed/allowed-origins.js';
import { isAllowedOrigin } from '../embed/origins.js';
import type { SignedIn } from '../lib/context.js';
import type { AppEnv } from './env.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// What every request of a frame's script shares: which page frames it, whether it really comes
// from the frame (the community's own origin), and who is signed in there.

/** The page origin the frame names (?origin= or the `origin` field), if it is allowed to embed. */
export function frameHostOrigin(c: Context<AppEnv>, claimed: string | undefined = c.req.query('origin')): string | null {
  const allowed = allowedOrigins(c.get('services'), c.get('config').embedOrigins);
  return isAllowedOrigin(claimed, allowed) ? claimed : null;
}

/**
 * The frame's scripts run on the community's origin, so their requests carry it as `Origin`; the
 * embedding page (another origin) can send none of them with the frame's cookie or token. This is
 * checked for every content type, as ADR 0026 does for the community's own cookie.
 */
export function sentFromFrame(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  return origin !== undefined && (origin === new URL(c.get('config').baseUrl).origin || origin === new URL(c.req.url).origin);
}

/** The member of this frame's embed session for that page origin, or null. */
export function frameViewer(c: Context<AppEnv>, hostOrigin: string | null): SignedIn | null {
  const { db, now } = c.get('services');
  return embedViewer(c, db, { origin: hostOrigin, now: now() });
}

/** Frame scripts read errors as JSON: `{ error: { message, signIn? } }`, never a page. */
export function frameError(c: Context<AppEnv>, status: ContentfulStatusCode, message: string, more: { signIn?: boolean } = {}) {
  c.header('Cache-Control', 'private, no-store');
  return c.json({ error: { message, ...more } }, status);
}
