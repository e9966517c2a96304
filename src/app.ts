import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { crossSiteCookieGuard } from './auth/cross-site-guard.js';
import { sessionMiddleware } from './auth/middleware.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { pageCsp, newNonce } from './lib/csp.js';
import { msg } from './i18n/message.js';
import { createCachePurger } from './lib/cache-purge.js';
import { AppError, RateLimited } from './lib/errors.js';
import { ErrorCounter } from './lib/error-counter.js';
import { UNAVAILABLE_RETRY_AFTER_SECONDS, unavailableMessage } from './lib/unavailable.js';
import { loggedPath } from './lib/log.js';
import { PageCache } from './lib/page-cache.js';
import { ThreadViewCounter } from './insights/thread-views.js';
import { RateLimiter } from './lib/rate-limit.js';
import { loggedAddress } from './lib/logged-address.js';
import { accessLogLine, requestIdFor, staticSecurityHeaders } from './lib/response-headers.js';
import type { MarkdownRenderer } from './markdown/renderer.js';
import type { AppEnv } from './routes/env.js';
import { mountAnonymousRoutes, mountRoutes } from './routes/index.js';
import { clientAddress } from './routes/limits.js';
import { purgeOnWrite } from './routes/purge-on-write.js';
import { renderError } from './routes/render.js';
import { signedInThreads } from './routes/signed-in-threads.js';
import { memberI18n, requestI18n } from './routes/request-i18n.js';
import { followSiteSettings } from './routes/site-settings.js';
import { imageBodyLimit, takesImage, wantsJson } from './routes/upload-limits.js';
import { localUploadStore, type UploadStore } from './uploads/store.js';

export type AppDeps = {
  db: Db;
  config: Config;
  markdown: MarkdownRenderer;
  /** Milliseconds since the epoch; tests pass their own to move time. */
  clock?: () => number;
  /** Site name when SITE_NAME is unset (the demo brand's name once seeded). */
  siteName?: string;
  log?: (message: string, error?: unknown) => void;
  /** One JSON line per request; omitted in tests and when LOG_LEVEL is above info. */
  accessLog?: (line: string) => void;
  pageCache?: PageCache;
  /** Thread page views, added to the database in batches (src/insights/thread-views.ts). */
  threadViews?: ThreadViewCounter;
  /** Unhandled errors answered, for the admin home's health. */
  errorCounter?: ErrorCounter;
  /** Where uploaded images are kept; the folder UPLOADS_PATH unless given (docs/uploads.md). */
  uploadStore?: UploadStore;
};

export const MAX_BODY_BYTES = 1024 * 1024;

function isSameOrigin(origin: string, requestUrl: string, baseUrl: string): boolean {
  return origin === new URL(baseUrl).origin || origin === new URL(requestUrl).origin;
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  return createSite(deps).app;
}

/** The app, and what src/server.ts answers before it: signed-in thread pages (ADR 0056). */
export function createSite(deps: AppDeps): { app: Hono<AppEnv>; signedInThreads: ReturnType<typeof signedInThreads> } {
  const { config, db, markdown } = deps;
  const now = deps.clock ?? Date.now;
  const services = { db, markdown, now };
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const pageCache = deps.pageCache ?? new PageCache();
  const threadViews = deps.threadViews ?? new ThreadViewCounter();
  const errorCounter = deps.errorCounter ?? new ErrorCounter(now);
  // The site's name and the community's language, followed across server processes; pages render
  // them, so the page cache's ETags change with them.
  const siteSettings = followSiteSettings({ db, config, pageCache, fallbackName: deps.siteName ?? 'Community' });
  siteSettings();
  pageCache.followRendering(siteSettings);
  const limits = new RateLimiter(db, config.rateLimit, now);
  const uploads = { store: deps.uploadStore ?? localUploadStore(config.uploadsPath), maxBytes: config.uploadMaxBytes };
  const securityHeaders = staticSecurityHeaders(config);
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFor(c.req.header('x-request-id'));
    const nonce = newNonce();
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('nonce', nonce);
    c.set('services', services);
    c.set('pageCache', pageCache);
    c.set('threadViews', threadViews);
    c.set('errorCounter', errorCounter);
    c.set('limits', limits);
    c.set('uploads', uploads);
    c.set('config', config);
    c.set('site', siteSettings().site);
    c.set('viewer', null);
    c.set('sessionId', null);
    c.set('i18n', requestI18n(c));
    // Set before the response exists, so every c.html()/c.body() builds it with them in one go
    // (headers added to a finished Response make Hono copy it). Embed frames replace the CSP and
    // drop X-Frame-Options: they are framed by the brand's sites; everything else is never framed.
    c.header('X-Request-Id', requestId);
    for (const [name, value] of securityHeaders) c.header(name, value);
    c.header('Content-Security-Policy', pageCsp(nonce));
    c.header('X-Frame-Options', 'DENY');
    await next();
    const headers = c.res.headers;
    // A response built without the prepared headers (e.g. the ETag middleware's 304) gets them now.
    if (!headers.has('X-Request-Id')) {
      headers.set('X-Request-Id', requestId);
      for (const [name, value] of securityHeaders) headers.set(name, value);
      if (!headers.has('Content-Security-Policy')) {
        headers.set('Content-Security-Policy', pageCsp(nonce));
        headers.set('X-Frame-Options', 'DENY');
      }
    }
    // Personal pages must never be stored by a shared cache; public ones set their own policy.
    const viewer = c.get('viewer');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', viewer ? 'private, no-store' : 'no-cache');
    if (deps.accessLog) {
      const client = config.logIp === 'off' ? undefined : loggedAddress(clientAddress(c), config.logIp);
      deps.accessLog(accessLogLine({ id: requestId, method: c.req.method, path: c.req.path, status: c.res.status, started, user: viewer?.id ?? null, client }));
    }
  });
  const tooLarge = (c: Context<AppEnv>) => {
    const i18n = c.get('i18n');
    const image = takesImage(c);
    const message = image ? i18n.t('upload.tooLarge', { megabytes: Math.floor(config.uploadMaxBytes / (1024 * 1024)) || 1 }) : i18n.t('request.tooLarge');
    // The JSON API and the composer's script get JSON, errors included.
    return c.req.path.startsWith('/api/') || (image && wantsJson(c)) ? c.json({ error: { message } }, 413) : renderError(c, 413, message);
  };
  const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  const imageLimit = imageBodyLimit(config.uploadMaxBytes);
  const limitImageBody = bodyLimit({ maxSize: imageLimit, onError: tooLarge });
  // GET and HEAD carry no body. A body of declared length is judged by its header, as bodyLimit
  // itself does, but without first asking for the body as a stream: on @hono/node-server that
  // builds a whole web Request (ReadableStream, AbortSignal) for every POST, which lived long
  // enough to be most of what a stream of replies promoted to the old generation, while reading
  // the body later (parseBody, json) goes straight to the Node request. Node's parser never
  // delivers more than the declared length. Chunked bodies are counted by bodyLimit as they arrive.
  app.use((c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    const image = takesImage(c);
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return image ? limitImageBody(c, next) : limitBody(c, next);
    return Number.parseInt(declared, 10) > (image ? imageLimit : MAX_BODY_BYTES) ? Promise.resolve(tooLarge(c)) : next();
  });
  // Origin / Sec-Fetch-Site check on every non-GET form post; no GET changes anything.
  // One exception: RFC 8058 one-click unsubscribe, posted by mail clients with no Origin and no
  // cookie; the signed token in the link is its authority (src/email/unsubscribe.ts).
  const sameOrigin = csrf({ origin: (origin, c) => isSameOrigin(origin, c.req.url, config.baseUrl) });
  app.use((c, next) => (c.req.method === 'POST' && c.req.path === '/unsubscribe' ? next() : sameOrigin(c, next)));
  app.use(crossSiteCookieGuard((origin, requestUrl) => isSameOrigin(origin, requestUrl, config.baseUrl)));
  // A shared cache in front drops the pages a write changed (docs/proxy-and-cdn.md).
  if (config.cachePurgeUrl) app.use(purgeOnWrite(createCachePurger(config.cachePurgeUrl, log)));
  mountAnonymousRoutes(app, config);
  app.use(sessionMiddleware());
  app.use(memberI18n());

  mountRoutes(app);

  app.notFound((c) => renderError(c, 404, msg('request.notFound')));
  app.onError((error, c) => {
    if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof AppError) return renderError(c, error.status as ContentfulStatusCode, error.text);
    if (error instanceof HTTPException) {
      // A 403 here is a cross-site guard's (hono's csrf or ours); any other message is a library's, in English.
      const message = error.status === 403 ? msg('request.crossSite') : error.message || msg('request.couldNotHandle');
      return renderError(c, error.status as ContentfulStatusCode, message);
    }
    const busy = unavailableMessage(error);
    if (busy) {
      log(`Database unavailable on ${c.req.method} ${loggedPath(c.req.path)} (request ${c.get('requestId')})`, error);
      c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      return renderError(c, 503, busy);
    }
    errorCounter.record();
    log(`Unhandled error on ${c.req.method} ${loggedPath(c.req.path)} (request ${c.get('requestId')})`, error);
    return renderError(c, 500, msg('request.failed'));
  });
  return { app, signedInThreads: signedInThreads({ services, config, site: () => siteSettings().site, threadViews }) };
}
