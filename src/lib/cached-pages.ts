import { createServer, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from 'node:http';
import { SESSION_COOKIE } from '../auth/cookie.js';
import type { Config } from '../config.js';
import { pageCacheKey } from '../i18n/request-locale.js';
import { newNonce, pageCsp, type NonceParts } from './csp.js';
import type { PageCache } from './page-cache.js';
import { threadIdOfUrl, type ThreadViewCounter } from '../insights/thread-views.js';
import { resolveClient } from './client-address.js';
import { loggedAddress } from './logged-address.js';
import { writeAtTurnEnd, writeWaitingNow } from './turn-writes.js';
import { accessLogLine, requestIdFor, staticSecurityHeaders } from './response-headers.js';

// Anonymous page views that the page cache already holds are answered here, before Hono: no
// Request/Response objects, no router, no middleware, just a version lookup and one write (at the
// end of the event loop's turn, with the turn's other such answers: ./turn-writes.ts), which
// is what the benchmark's raw node:http ceiling does. Everything else (a miss, a stale version, a
// cookie that may be a session, any other method) goes on to the app unchanged, which renders and
// fills the cache; so the rules about who sees what stay in the routes (src/routes/render.ts).

export type CachedPagesOptions = {
  pageCache: PageCache;
  config: Pick<Config, 'secureCookies' | 'trustProxy' | 'logIp'>;
  accessLog?: (line: string) => void;
  /** Thread page views for insights; a hit is a view too. */
  threadViews?: ThreadViewCounter;
  /** Signed-in thread pages answered before the router (src/routes/signed-in-threads.ts). */
  signedInThreads?: SignedInAnswerer;
};

/** Answers a request with a 200 and says for whom, or leaves it (undefined) to the app. */
export type SignedInAnswerer = (request: IncomingMessage, response: ServerResponse) => { user: number; requestId: string } | undefined;

const CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';
const sessionCookie = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

/** May this request be anonymous-cached at all? A session cookie (valid or not) goes to the app. */
function cacheable(request: IncomingMessage): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const cookie = request.headers.cookie;
  return cookie === undefined || !sessionCookie.test(cookie);
}

/**
 * The cached page for this URL while its version is current. A lookup that throws (a busy or
 * failing database) leaves the request to the app, which answers it as any other: an exception
 * here would otherwise escape the request listener and stop the process.
 */
function currentPage(pageCache: PageCache, key: string) {
  try {
    const version = pageCache.peek(key)?.revalidate?.();
    return version === undefined ? undefined : pageCache.get(key, version);
  } catch {
    return undefined;
  }
}

/**
 * The header lines of a hit, in the order they are sent, with empty slots for what each response
 * fills in. A hit copies the array (one allocation) rather than spreading the lines into a new one.
 */
function hitHeaders(security: string[]) {
  const lines = [
    'ETag', '', 'Cache-Control', CACHE_CONTROL, 'Vary', 'Cookie', 'X-Request-Id', '',
    ...security, 'Content-Security-Policy', '', 'X-Frame-Options', 'DENY',
    'Content-Type', 'text/html; charset=UTF-8', 'Content-Length', '',
  ];
  const csp = lines.indexOf('Content-Security-Policy') + 1;
  // A 304 carries neither the type nor the length of the body it does not send.
  return { lines, etag: 1, requestId: 7, csp, withoutBody: lines.length - 4, length: lines.length - 1 };
}

/** Wraps the app's request listener: cached anonymous pages are answered first. */
export function withCachedPages(next: RequestListener, options: CachedPagesOptions): RequestListener {
  const { pageCache, accessLog } = options;
  const template = hitHeaders(staticSecurityHeaders(options.config).flat());
  // The answers this turn made already go out before the app starts on a request (./turn-writes.ts).
  const toApp: RequestListener = (request, response) => {
    writeWaitingNow();
    return next(request, response);
  };
  return (request, response) => {
    const started = performance.now();
    const url = request.url;
    if (url === undefined || url.charCodeAt(0) !== 47 /* '/' */) return toApp(request, response);
    if (!cacheable(request)) {
      const answered = options.signedInThreads?.(request, response);
      if (answered === undefined) return toApp(request, response);
      // After the page, which the answerer wrote at the turn's end too (./turn-writes.ts).
      if (accessLog) writeAtTurnEnd(response, () => logRequest(request, url, answered.requestId, 200, answered.user, started));
      return;
    }
    const key = pageCacheKey(request.headers.cookie, url);
    const page = currentPage(pageCache, key);
    if (!page) return toApp(request, response);

    const incomingId = request.headers['x-request-id'];
    const requestId = requestIdFor(typeof incomingId === 'string' ? incomingId : undefined);
    const nonce = newNonce();
    const notModified = request.headers['if-none-match'] === page.etag;
    const headers = notModified ? template.lines.slice(0, template.withoutBody) : template.lines.slice();
    headers[template.etag] = page.etag;
    headers[template.requestId] = requestId;
    headers[template.csp] = pageCsp(nonce);
    if (!notModified) headers[template.length] = String(page.length + (page.parts.length - 1) * nonce.length);
    writeAtTurnEnd(response, () => {
      response.writeHead(notModified ? 304 : 200, headers);
      if (notModified || request.method === 'HEAD') response.end();
      else writeWithNonce(response, page.parts, nonce);
      if (accessLog) logRequest(request, url, requestId, notModified ? 304 : 200, null, started);
    });
    if (options.threadViews && request.method === 'GET') {
      const threadId = threadIdOfUrl(url);
      if (threadId !== null) options.threadViews.count(threadId, Date.now());
    }
  };

  function logRequest(request: IncomingMessage, url: string, id: string, status: number, user: number | null, started: number): void {
    const path = url.split('?', 1)[0]!;
    const client = options.config.logIp === 'off' ? undefined : loggedAddress(clientOf(request, options.config), options.config.logIp);
    accessLog!(accessLogLine({ id, method: request.method!, path, status, started, user, client }));
  }
}

/** As the app's clientAddress (src/routes/limits.ts), from the raw socket and header strings. */
function clientOf(request: IncomingMessage, config: Pick<Config, 'trustProxy'>): string {
  // Node joins repeated lines of these headers with ', ', so each is one string (or absent).
  const { 'x-forwarded-for': forwardedFor, forwarded } = request.headers as Record<string, string | undefined>;
  return resolveClient(request.socket.remoteAddress, { forwardedFor, forwarded }, config.trustProxy).address;
}

/*
 * The kept pieces are written as they are, with the nonce between them, rather than joined into a
 * new buffer: node:http corks the socket for the rest of this tick, so headers and pieces still
 * leave in one writev, and no page-sized buffer is allocated per view. Those buffers (~37 KB each,
 * ~400 MB/s at full load) live outside V8's heap, and under that rate V8 kept starting full
 * collections for external memory: some runs spent ~15% of the thread in them.
 */
function writeWithNonce(response: ServerResponse, parts: NonceParts, nonce: string): void {
  const last = parts.length - 1;
  for (let index = 0; index < last; index++) {
    response.write(parts[index]);
    response.write(nonce, 'latin1');
  }
  response.end(parts[last]);
}

/** For @hono/node-server's `serve({ createServer })`: a node:http server with the wrapper in front. */
export function cachedPagesServer(options: CachedPagesOptions): typeof createServer {
  const create = (serverOptions: ServerOptions, listener: RequestListener) => createServer(serverOptions, withCachedPages(listener, options));
  return create as typeof createServer;
}
