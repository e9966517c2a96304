import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX, PURGE_MODULE, startNginx, type RunningNginx } from '../helpers/nginx.js';
import { freePort, postReply, prepareDatabase, startServer, type SpawnedServer } from '../helpers/spawned-server.js';

// deploy/nginx.conf, run by a real nginx in front of the real server (docs/proxy-and-cdn.md).
// CI installs nginx (.ci/run) and must run this; elsewhere it is skipped when nginx is missing.

const installed = existsSync(NGINX);
const required = Boolean(process.env['CI']);
if (!installed && !required) console.warn(`Skipping test/integration/nginx.test.ts: ${NGINX} is missing (apt-get install nginx-light).`);
const purgeModule = existsSync(PURGE_MODULE);

// The documented bound for a reply to reach anonymous readers without purge: s-maxage (5 s) plus
// one background revalidation. The deadline leaves room for a slow machine.
const REPLY_DEADLINE_MS = 20_000;
const SIGNED_IN_MARK = 'action="/logout"';

type Setup = { app: SpawnedServer; nginx: RunningNginx; threadPath: string; cookie: string; threadId: number; folder: string };

async function setUp(purge: boolean): Promise<Setup> {
  if (!installed) throw new Error(`${NGINX} is missing: CI must install nginx (.ci/run installs nginx-light).`);
  const folder = mkdtempSync(join(tmpdir(), 'hearth-nginx-'));
  const prepared = await prepareDatabase(join(folder, 'hearth.db'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const purgePort = await freePort();
  const app = await startServer(prepared.databasePath, {
    BASE_URL: base,
    TRUST_PROXY: '1',
    ...(purge ? { CACHE_PURGE_URL: `http://127.0.0.1:${purgePort}` } : {}),
  });
  const nginx = await startNginx({ folder: join(folder, 'nginx'), upstream: app.base.replace('http://', ''), port, purge, purgePort });
  const canonical = await fetch(`${nginx.base}/t/${prepared.threadId}`, { redirect: 'manual' });
  const threadPath = canonical.headers.get('location')!;
  return { app, nginx, threadPath, cookie: prepared.cookie, threadId: prepared.threadId, folder };
}

async function tearDown(setup: Setup | undefined) {
  if (!setup) return;
  await setup.nginx.stop();
  setup.app.child.kill('SIGTERM');
  await setup.app.exited;
  rmSync(setup.folder, { recursive: true, force: true });
}

async function view(setup: Setup, path: string, cookie?: string) {
  const response = await fetch(`${setup.nginx.base}${path}`, cookie ? { headers: { cookie } } : {});
  return { status: response.status, cache: response.headers.get('x-cache-status'), headers: response.headers, body: await response.text() };
}

/** Views `path` until `done` holds or the deadline passes; returns every cache status seen. */
async function pollUntil(setup: Setup, path: string, done: (page: Awaited<ReturnType<typeof view>>) => boolean, cookie?: string) {
  const seen: (string | null)[] = [];
  const deadline = Date.now() + REPLY_DEADLINE_MS;
  while (Date.now() < deadline) {
    const page = await view(setup, path, cookie);
    seen.push(page.cache);
    if (done(page)) return { page, seen };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not change within ${REPLY_DEADLINE_MS} ms (cache statuses: ${seen.join(', ')})`);
}

describe.skipIf(!installed && !required)('deploy/nginx.conf in front of the app', () => {
  let setup: Setup | undefined;
  const ready = () => setup!;
  beforeAll(async () => {
    setup = await setUp(false);
  }, 45_000);
  afterAll(() => tearDown(setup));

  it('answers anonymous pages from its cache', async () => {
    for (const path of ['/', '/c/kettles', ready().threadPath]) {
      const first = await view(ready(), path);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toContain('s-maxage=5');
      const second = await view(ready(), path);
      expect(second.cache, path).toBe('HIT');
      expect(second.body).toBe(first.body);
    }
  });

  it('still answers from its cache for a visitor with analytics cookies', async () => {
    await view(ready(), '/c/kettles');
    const page = await view(ready(), '/c/kettles', '_ga=GA1.2.345.678; _fbp=fb.1.2.3; consent=all');
    expect(page.cache).toBe('HIT');
  });

  it('keeps one entry per language cookie, and leaves odd spellings of it to the app', async () => {
    const english = await view(ready(), '/');
    const turkishFirst = await view(ready(), '/', '_ga=1; hearth_locale=tr');
    const turkish = await view(ready(), '/', 'hearth_locale=tr; _ga=2');
    expect(turkishFirst.body).toContain('lang="tr"');
    expect(turkish.cache).toBe('HIT');
    expect(turkish.body).toContain('lang="tr"');
    expect(english.body).toContain('lang="en"');
    for (const cookie of ['HEARTH_LOCALE=tr', 'hearth_locale=tr; hearth_locale=ar', 'x=1;hearth_locale=tr']) {
      expect((await view(ready(), '/', cookie)).cache, cookie).toBe('BYPASS');
    }
    expect((await view(ready(), '/')).body).toContain('lang="en"');
  });

  it('never stores a signed-in page nor shows it to anyone else', async () => {
    const path = '/c/kettles?sort=top';
    const member = await view(ready(), path, `_ga=1; ${ready().cookie}`);
    expect(member.cache).toBe('BYPASS');
    expect(member.headers.get('cache-control')).toBe('private, no-store');
    expect(member.body).toContain(SIGNED_IN_MARK);
    const visitor = await view(ready(), path);
    expect(visitor.cache).toBe('MISS');
    expect(visitor.body).not.toContain(SIGNED_IN_MARK);
    // Once the visitor's copy is cached, a member still gets their own page, whatever the cookie's spelling.
    expect((await view(ready(), path)).cache).toBe('HIT');
    const again = await view(ready(), path, ready().cookie);
    expect(again.cache).toBe('BYPASS');
    expect(again.body).toContain(SIGNED_IN_MARK);
    expect((await view(ready(), path, 'Hearth_Session=whatever')).cache).toBe('BYPASS');
  });

  it('shows a reply to anonymous readers within s-maxage and one revalidation', async () => {
    const { threadPath, cookie, threadId, nginx } = ready();
    await view(ready(), threadPath);
    expect((await view(ready(), threadPath)).cache).toBe('HIT');
    const text = `A reply through nginx ${Date.now()}`;
    const posted = await postReply(nginx.base, cookie, threadId, text);
    expect(posted.status).toBe(303);
    // The writer reads their own reply at once: their requests never touch the cache.
    expect((await view(ready(), posted.headers.get('location')!.split('#')[0]!, cookie)).body).toContain(text);
    const { seen } = await pollUntil(ready(), threadPath, (page) => page.body.includes(text));
    expect(seen).not.toContain('BYPASS');
    expect(ready().nginx.errorLog()).not.toMatch(/\[(emerg|alert|crit)\]/);
  }, 30_000);
});

describe.skipIf(!installed && !required || (installed && !purgeModule))('deploy/nginx.conf with purge on write', () => {
  let setup: Setup | undefined;
  const ready = () => setup!;
  beforeAll(async () => {
    setup = await setUp(true);
  }, 45_000);
  afterAll(() => tearDown(setup));

  it('drops the thread page, its category and the home page of every language when a reply is posted', async () => {
    const { threadPath, cookie, threadId, nginx } = ready();
    const pages = [threadPath, '/c/kettles', '/'];
    for (const path of pages) {
      for (const language of [undefined, 'hearth_locale=tr']) {
        await view(ready(), path, language);
        expect((await view(ready(), path, language)).cache).toBe('HIT');
      }
    }
    // Only the loopback purge listener purges: a PURGE from outside goes to the app like any request.
    await fetch(`${nginx.base}/`, { method: 'PURGE' });
    expect((await view(ready(), '/')).cache).toBe('HIT');
    const text = `A purged reply ${Date.now()}`;
    expect((await postReply(nginx.base, cookie, threadId, text)).status).toBe(303);
    // A purged entry is gone: the next view is a MISS. Without purge it would stay a HIT for
    // s-maxage and then be STALE, never a MISS, so this cannot pass by waiting.
    for (const path of pages) {
      for (const language of [undefined, 'hearth_locale=tr']) {
        const { page } = await pollUntil(ready(), path, (candidate) => candidate.cache === 'MISS', language);
        if (path === threadPath) expect(page.body).toContain(text);
      }
    }
  }, 40_000);
});
