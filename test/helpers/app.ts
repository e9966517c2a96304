import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { createSession } from '../../src/auth/session.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { testConfig, type Config } from '../../src/config.js';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import type { ServiceContext, SignedIn } from '../../src/lib/context.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';
import { ThreadViewCounter } from '../../src/insights/thread-views.js';

export type TestClock = { now: () => number; advance: (ms: number) => void; set: (ms: number) => void };

/** Starts at the real time (so a real browser accepts the cookies) and moves only when told. */
export function testClock(start = Date.now()): TestClock {
  let current = start;
  return { now: () => current, advance: (ms) => void (current += ms), set: (ms) => void (current = ms) };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/** A fresh SQLite file with migrations applied, the real markdown worker, and an app over them. */
export async function createTestContext(overrides: Partial<Config> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'hearth-test-'));
  const config = testConfig({ databasePath: join(folder, 'test.db'), ...overrides });
  const db = openDatabase(config.databasePath, { synchronous: 'NORMAL' });
  migrateDatabase(db);
  const clock = testClock();
  const markdown = createMarkdownRenderer();
  const services: ServiceContext = { db, markdown, now: clock.now };
  const errors: unknown[] = [];
  const threadViews = new ThreadViewCounter();
  const app = createApp({ db, config, markdown, threadViews, clock: clock.now, log: (_message, error) => errors.push(error) });
  const http = httpClient(app, config.baseUrl, db, clock);
  return {
    app,
    db,
    config,
    clock,
    services,
    http,
    /** Thread page views counted and not yet added (flush() adds them). */
    threadViews,
    /** Unexpected errors the app caught and turned into 500 pages. */
    errors,
    async close() {
      await markdown.close();
      closeDatabase(db);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

type RequestOptions = { as?: SignedIn | { id: number }; cookie?: string; headers?: Record<string, string> };
type App = ReturnType<typeof createApp>;

/** Requests against the app as a browser on the site's own origin would send them. */
export function httpClient(app: App, baseUrl: string, db: Db, clock: TestClock) {
  function cookieFor(options: RequestOptions): string | undefined {
    if (options.cookie) return options.cookie;
    if (!options.as) return undefined;
    const { token } = createSession(db, options.as.id, clock.now());
    return `${SESSION_COOKIE}=${token}`;
  }
  function headers(options: RequestOptions, extra: Record<string, string> = {}): Record<string, string> {
    const cookie = cookieFor(options);
    return { ...(cookie ? { cookie } : {}), ...extra, ...options.headers };
  }
  return {
    get(path: string, options: RequestOptions = {}) {
      return app.request(new URL(path, baseUrl).toString(), { headers: headers(options) });
    },
    post(path: string, form: Record<string, string | string[]> = {}, options: RequestOptions = {}) {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(form)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
      }
      return app.request(new URL(path, baseUrl).toString(), {
        method: 'POST',
        body: body.toString(),
        headers: headers(options, {
          'content-type': 'application/x-www-form-urlencoded',
          origin: new URL(baseUrl).origin,
        }),
      });
    },
  };
}

/** The session cookie a response set, as a request `cookie` header value. */
export function sessionCookieFrom(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return undefined;
}
