import { OIDC_CALLBACK_PATH } from './oidc.js';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { embedTokenViewer, startEmbedSession } from '../auth/embed-session.js';
import { recordSignIn } from '../privacy/sign-in-events.js';
import { allowedOrigins } from '../embed/allowed-origins.js';
import { createEmbedSignInCode, redeemEmbedSignInCode } from '../embed/sign-in-codes.js';
import { ValidationError } from '../lib/errors.js';
import { embedSignInDone, embedSignInRefused } from '../../views/embed/sign-in.js';
import type { AppEnv } from './env.js';
import { frameError, frameHostOrigin, frameViewer, sentFromFrame } from './embed-frame-request.js';
import { readForm } from './forms.js';
import { clientAddress } from './limits.js';
import { renderPage } from './render.js';

// Signing in from an embed (docs/decisions/0049-embed-sessions.md): the frame opens a popup on
// the community's origin, the popup signs the visitor in through the community's own sign-in and
// hands the frame a one-minute, single-use code by postMessage, and the frame exchanges it here
// for an embed session bound to the page that frames it.

const SIGN_IN_PATH = '/embed/sign-in';

/** Whether this sign-in page is the embed popup's (its `next` leads back to the hand-off). */
function inSignInPopup(c: Context<AppEnv>): boolean {
  const next = c.req.query('next') ?? (c.req.method === 'POST' ? nextOfReferrer(c.req.header('referer')) : undefined);
  return next !== undefined && next.startsWith(`${SIGN_IN_PATH}?`);
}

function nextOfReferrer(referrer: string | undefined): string | undefined {
  if (!referrer) return undefined;
  try {
    return new URL(referrer).searchParams.get('next') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The popup must keep `window.opener` (the frame) to hand it the code. Every page sends
 * `Cross-Origin-Opener-Policy: same-origin`, which cuts a popup off from an opener inside another
 * site's page; the popup's pages (the hand-off and the sign-in it passes through) relax it. Their
 * opener is a frame of this same origin, so nothing of another site gains a handle.
 */
const keepOpener: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.path === SIGN_IN_PATH || inSignInPopup(c)) c.header('Cross-Origin-Opener-Policy', 'unsafe-none');
  await next();
};

function signInPopup(c: Context<AppEnv>) {
  c.header('Cache-Control', 'private, no-store');
  const i18n = c.get('i18n');
  const site = c.get('site');
  const claimed = c.req.query('origin');
  const hostOrigin = frameHostOrigin(c, claimed);
  if (hostOrigin === null) {
    const main = embedSignInRefused({ i18n, origin: claimed ?? '', siteName: site.name, homeUrl: `${site.baseUrl}/` });
    return renderPage(c, main, { title: i18n.t('embedSignIn.refused.heading') }, 403);
  }
  const viewer = c.get('viewer');
  if (viewer === null) {
    const back = `${SIGN_IN_PATH}?origin=${encodeURIComponent(hostOrigin)}`;
    return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
  }
  const code = createEmbedSignInCode(c.get('services'), viewer, { origin: hostOrigin, allowed: allowedOrigins(c.get('services'), c.get('config').embedOrigins) });
  return renderPage(c, embedSignInDone({ i18n, username: viewer.username, code }), { title: i18n.t('embedSignIn.done.heading', { username: viewer.username }) });
}

async function exchangeCode(c: Context<AppEnv>) {
  const i18n = c.get('i18n');
  if (!sentFromFrame(c)) return frameError(c, 403, i18n.t('request.crossSite'));
  const form = await readForm(c);
  const services = c.get('services');
  const origin = frameHostOrigin(c, form['origin']);
  try {
    const userId = redeemEmbedSignInCode(services, { code: form['code'], origin: origin ?? undefined, allowed: allowedOrigins(services, c.get('config').embedOrigins) });
    const { token, expiresAt } = startEmbedSession(c, services.db, { userId, origin: origin!, now: services.now() });
    recordSignIn(services.db, { userId, method: 'embed', address: clientAddress(c), userAgent: c.req.header('user-agent'), now: services.now() });
    c.header('Cache-Control', 'private, no-store');
    return c.json({ token, expiresAt, username: embedTokenViewer(services.db, { token, origin: origin!, now: services.now() })?.username ?? null });
  } catch (error) {
    if (error instanceof ValidationError) return frameError(c, 422, i18n.message(error.fields['code'] ?? error.text));
    throw error;
  }
}

/**
 * Through the brand's provider the popup passes two redirects of this origin, and a redirect's
 * policy counts too: the start (its `next` is in the query) and the callback, whose way on is only
 * known once it answers (the sign-in in flight holds it).
 */
const keepOpenerAfterProvider: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const location = c.res.headers.get('location');
  if (location === null) return;
  const path = location.startsWith('/') ? location : location.startsWith(`${c.get('site').baseUrl}/`) ? location.slice(c.get('site').baseUrl.length) : '';
  if (path.startsWith(`${SIGN_IN_PATH}?`)) c.res.headers.set('Cross-Origin-Opener-Policy', 'unsafe-none');
};

export function embedSignInRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/login', keepOpener);
  app.use(SIGN_IN_PATH, keepOpener);
  app.use('/auth/oidc/start', keepOpener);
  app.use(OIDC_CALLBACK_PATH, keepOpenerAfterProvider);
  app.get(SIGN_IN_PATH, signInPopup);
  app.post('/embed/session', exchangeCode);
  // A reloaded frame asks who is signed in (the partitioned cookie, where the browser kept it).
  app.get('/embed/session', (c) => {
    c.header('Cache-Control', 'private, no-store');
    const viewer = frameViewer(c, frameHostOrigin(c));
    return c.json({ username: viewer?.username ?? null });
  });
  return app;
}
