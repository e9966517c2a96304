import { wellFormedSessionToken } from '../auth/cookie.js';
import { readSession } from '../auth/session.js';
import type { Config } from '../config.js';
import { readTogether } from '../db/read-together.js';
import { getThreadPage } from '../forum/thread-page.js';
import type { ThreadViewCounter } from '../insights/thread-views.js';
import type { SignedInAnswerer } from '../lib/cached-pages.js';
import type { ServiceContext } from '../lib/context.js';
import { giveBackBodyBuffer, takeBodyBuffer } from '../lib/body-buffers.js';
import { writeAtTurnEnd } from '../lib/turn-writes.js';
import { newNonce, pageCsp } from '../lib/csp.js';
import { NotFound } from '../lib/errors.js';
import { requestIdFor, staticSecurityHeaders } from '../lib/response-headers.js';
import type { Site } from '../../views/layout.js';
import type { AssembledPage } from './fragments.js';
import type { PageScope } from './page-scope.js';
import { i18nFor } from './request-i18n.js';
import { threadBytes } from './thread-bytes.js';

/*
 * A signed-in member's view of a thread page, answered before Hono (ADR 0056). The page is built
 * by the same code as the route's (./thread-bytes.ts, from kept frames), but without a Request,
 * Response, Headers object, middleware chain or router, and with every read (the settings' change
 * check, the session, the page) in one read transaction. Only the plain case is taken: a GET of a
 * canonical URL of one of a thread's pages (no query but `?page=N` past the first), a well-formed
 * session token that needs no write (not to be renewed, not ended) and a page this member may
 * read. Everything else, and anything that throws, goes on to the app untouched, which answers it
 * as before (redirects, 404s, the session cookie's renewal or removal, error pages and their
 * logging).
 */

export type SignedInThreadsDeps = {
  services: ServiceContext;
  config: Pick<Config, 'defaultLocale' | 'timeZone' | 'secureCookies'>;
  /** The site as the app follows it across processes (./site-settings.ts). */
  site: () => Site;
  threadViews: ThreadViewCounter;
};

/**
 * /t/:id/:slug, alone or with `?page=N` (a later page's canonical URL); a slug is lower-case ASCII
 * letters, digits and dashes, and other scripts' letters percent-encoded as UTF-8 (src/lib/slug.ts).
 * `?page=1` is left to the app, which redirects it to the bare URL.
 */
const THREAD_URL = /^\/t\/([1-9][0-9]{0,14})\/((?:[a-z0-9-]|%[0-9A-F]{2})+)(?:\?page=([2-9]|[1-9][0-9]{1,6}))?$/;
// Other routes with the same shape, which the router takes before the thread page.
const NOT_SLUGS = new Set(['embed-key']);

const PAGE_HEADERS = ['Cache-Control', 'private, no-store', 'Content-Type', 'text/html; charset=UTF-8', 'X-Frame-Options', 'DENY'];

export function signedInThreads(deps: SignedInThreadsDeps): SignedInAnswerer {
  const { services, config, threadViews } = deps;
  const security = staticSecurityHeaders(config).flat();

  /** The page's bytes and who it is for, or undefined when the app should answer. */
  function build(url: string, cookie: string): { page: AssembledPage; user: number; threadId: number } | undefined {
    const match = THREAD_URL.exec(url);
    if (!match || NOT_SLUGS.has(match[2]!)) return undefined;
    const token = wellFormedSessionToken(cookie);
    if (token === undefined) return undefined;
    const threadId = Number(match[1]);
    const pageText = match[3];
    const page = pageText === undefined ? 1 : Number(pageText);
    return readTogether(services.db, () => {
      const site = deps.site();
      const session = readSession(services.db, token, services.now());
      if (session.state !== 'valid' || session.renew) return undefined;
      const viewer = session.user;
      const i18n = i18nFor({ services, config, viewer, method: 'GET', url, cookie });
      let data;
      try {
        data = getThreadPage(services, viewer, { threadId, page });
      } catch (error) {
        if (error instanceof NotFound) return undefined;
        throw error;
      }
      if (data.thread.slug !== match[2]) return undefined;
      const scope: PageScope = { services, viewer, i18n, site, url, query: (name) => (name === 'page' ? pageText : undefined) };
      return { page: threadBytes(scope, data), user: viewer.id, threadId };
    });
  }

  return (request, response) => {
    const { url, headers } = request;
    if (request.method !== 'GET' || url === undefined || headers.cookie === undefined) return undefined;
    let built;
    try {
      built = build(url, headers.cookie);
    } catch {
      // The app reads it again and answers (and logs) whatever went wrong.
      return undefined;
    }
    if (built === undefined) return undefined;
    const incomingId = headers['x-request-id'];
    const requestId = requestIdFor(typeof incomingId === 'string' ? incomingId : undefined);
    const nonce = newNonce();
    // Into a reused buffer, given back once the response is written (src/lib/body-buffers.ts).
    const buffer = takeBodyBuffer(built.page.byteLength(nonce.length));
    const body = built.page.writeInto(buffer, nonce);
    writeAtTurnEnd(response, () => {
      response.writeHead(200, [...PAGE_HEADERS, ...security, 'X-Request-Id', requestId, 'Content-Security-Policy', pageCsp(nonce), 'Content-Length', String(body.length)]);
      response.end(body, () => giveBackBodyBuffer(buffer));
    });
    threadViews.count(built.threadId, services.now());
    return { user: built.user, requestId };
  };
}
