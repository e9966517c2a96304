import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createSite } from '../../src/app.js';
import { cachedPagesServer } from '../../src/lib/cached-pages.js';
import { PageCache } from '../../src/lib/page-cache.js';
import { afterAll, beforeAll } from 'vitest';
import type { TestContext } from './app.js';
import { createForumContext } from './forum.js';

type ForumContext = Awaited<ReturnType<typeof createForumContext>>;
import { ThreadViewCounter } from '../../src/insights/thread-views.js';

/**
 * The app on a real port, wired as src/server.ts wires it: cached anonymous pages and signed-in
 * thread pages are answered before Hono. The app counts the requests it sees, so a test can tell
 * which side answered.
 */
export async function serveWithCachedPages(ctx: TestContext, accessLog?: (line: string) => void) {
  const pageCache = new PageCache();
  const log = accessLog ? { accessLog } : {};
  const threadViews = new ThreadViewCounter();
  const { app, signedInThreads } = createSite({ db: ctx.db, config: ctx.config, markdown: ctx.services.markdown, clock: ctx.clock.now, pageCache, threadViews, ...log });
  const createServer = cachedPagesServer({ pageCache, config: ctx.config, threadViews, signedInThreads, ...log });
  let appRequests = 0;
  let beforeApp: ((incoming: IncomingMessage) => void) | undefined;
  // The bindings carry the node request, from which the app reads the socket's address.
  const fetchApp = (request: Request, env: unknown) => {
    appRequests += 1;
    beforeApp?.((env as { incoming: IncomingMessage }).incoming);
    return app.fetch(request, env);
  };
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: fetchApp, port: 0, hostname: '127.0.0.1', createServer }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    threadViews,
    /** A request over the socket, and whether the app behind the fast path saw it. */
    async get(url: string, headers: Record<string, string> = {}, method = 'GET') {
      const before = appRequests;
      const response = await fetch(base + url, { headers, method, redirect: 'manual' });
      const text = await response.text();
      return { response, text, reachedApp: appRequests > before };
    },
    /** A form post from the site itself over the socket (as a browser sends it: with its Origin). */
    post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
      const body = new URLSearchParams(form).toString();
      return fetch(base + url, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...headers } });
    },
    /** Called with the node request as the app is handed one (undefined: nothing). */
    beforeApp(hook: ((incoming: IncomingMessage) => void) | undefined) {
      beforeApp = hook;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A forum on a real port for a whole test file, started before its tests and closed after them:
 * `forum()` and `served()` give them, `accessLog` collects the access log's lines.
 */
export function servedForum() {
  let ctx: ForumContext | undefined;
  let served: Awaited<ReturnType<typeof serveWithCachedPages>> | undefined;
  const accessLog: string[] = [];
  beforeAll(async () => {
    ctx = await createForumContext();
    served = await serveWithCachedPages(ctx, (line) => accessLog.push(line));
  });
  afterAll(async () => {
    await served?.close();
    await ctx?.close();
  });
  return { forum: () => ctx!, served: () => served!, accessLog };
}
