import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { servedForum } from '../helpers/server.js';

// The real server wiring (src/server.ts): cached anonymous pages are answered before Hono.

const forum = servedForum();
const { accessLog } = forum;
let ctx: ReturnType<typeof forum.forum>;
let served: ReturnType<typeof forum.served>;
let thread: { threadId: number; postId: number; slug: string };
let path: string;

beforeAll(async () => {
  ctx = forum.forum();
  served = forum.served();
  thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Served before the router', body: 'Opening words' });
  path = `/t/${thread.threadId}/${thread.slug}`;
});

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => served.get(url, headers, method);

const perResponse = new Set(['x-request-id', 'content-security-policy', 'date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
function stableHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => !perResponse.has(name)));
}

describe('cached anonymous pages served before the router', () => {
  it.each(['thread', '/c/kettles', '/'])('answers a repeat view of %s itself, with the same headers and bytes as the app', async (which) => {
    const url = which === 'thread' ? path : which;
    const first = await get(url);
    expect(first.reachedApp).toBe(true);
    const second = await get(url);
    expect(second.reachedApp).toBe(false);
    expect(second.response.status).toBe(200);
    expect(stableHeaders(second.response)).toEqual(stableHeaders(first.response));
    expect(second.response.headers.get('content-length')).toBe(String(Buffer.byteLength(second.text)));
    const nonces = [first, second].map(({ response }) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]);
    expect(nonces[0]).toBeTruthy();
    expect(nonces[1]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(second.text.replaceAll(nonces[1]!, 'N')).toBe(first.text.replaceAll(nonces[0]!, 'N'));
    expect(second.response.headers.get('x-request-id')).not.toBe(first.response.headers.get('x-request-id'));
  });

  it('answers If-None-Match with a 304 and HEAD without a body', async () => {
    const { response } = await get(path);
    const etag = response.headers.get('etag')!;
    const revalidated = await get(path, { 'if-none-match': etag });
    expect(revalidated.reachedApp).toBe(false);
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.text).toBe('');
    const head = await get(path, {}, 'HEAD');
    expect(head.reachedApp).toBe(false);
    expect(head.response.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('never answers a stale page: a write sends the next view to the app, which renders it afresh', async () => {
    await get(path);
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'A reply the cache has not seen' });
    const after = await get(path);
    expect(after.reachedApp).toBe(true);
    expect(after.text).toContain('A reply the cache has not seen');
    expect((await get(path)).reachedApp).toBe(false);
  });

  it('sees a write made through another connection, as another process would make it', async () => {
    await get(path);
    expect((await get(path)).reachedApp).toBe(false);
    const elsewhere = openDatabase(ctx.config.databasePath);
    await makeReply({ ...ctx.services, db: elsewhere }, ctx.other, { threadId: thread.threadId, body: 'Written by another process' });
    closeDatabase(elsewhere);
    const after = await get(path);
    expect(after.reachedApp).toBe(true);
    expect(after.text).toContain('Written by another process');
    expect((await get(path)).reachedApp).toBe(false);
  });

  it('never gives the cached page to anyone with a session cookie, valid or not', async () => {
    await get(path);
    const { token } = createSession(ctx.db, ctx.member.id, ctx.clock.now());
    // A member's own page, answered before the router too (test/integration/signed-in-threads.test.ts).
    const signedIn = await get(path, { cookie: `theme=dark; ${SESSION_COOKIE}=${token}` });
    expect(signedIn.text).toContain('Log out');
    expect(signedIn.response.headers.get('cache-control')).toBe('private, no-store');
    const stale = await get(path, { cookie: `${SESSION_COOKIE}=not-a-session` });
    expect(stale.reachedApp).toBe(true);
    expect(stale.text).not.toContain('Log out');
    expect(stale.response.headers.get('set-cookie')).toContain(`${SESSION_COOKIE}=`);
    const otherCookie = await get(path, { cookie: 'theme=dark' });
    expect(otherCookie.reachedApp).toBe(false);
  });

  it('sends a renamed thread’s old address, other URLs and other methods to the app', async () => {
    const renamed = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Old name', body: 'x' });
    const oldPath = `/t/${renamed.threadId}/${renamed.slug}`;
    await get(oldPath);
    expect((await get(oldPath)).reachedApp).toBe(false);
    await ctx.http.post(`/t/${renamed.threadId}/rename`, { title: 'New name' }, { as: ctx.manager });
    const moved = await get(oldPath);
    expect(moved.reachedApp).toBe(true);
    expect(moved.response.status).toBe(301);
    expect((await get(`${path}?page=1`)).reachedApp).toBe(true);
    const post = await fetch(served.base + path, { method: 'POST' });
    expect(post.status).not.toBe(200);
  });

  it('hides a thread at once when a manager hides its opening post', async () => {
    const hidden = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Soon hidden', body: 'Visible for now' });
    const hiddenPath = `/t/${hidden.threadId}/${hidden.slug}`;
    await get(hiddenPath);
    expect((await get(hiddenPath)).text).toContain('Visible for now');
    await ctx.http.post(`/p/${hidden.postId}/hide`, { reason: 'Checking' }, { as: ctx.manager });
    const after = await get(hiddenPath);
    expect(after.reachedApp).toBe(true);
    expect(after.text).not.toContain('Visible for now');
  });

  it('counts a thread page view whether the app or the fast path answered it (insights)', async () => {
    served.threadViews.flush(ctx.db);
    const views = () => ctx.db.$client.prepare('SELECT coalesce(sum(views), 0) FROM thread_views WHERE thread_id = ?').pluck().get(thread.threadId);
    const before = views() as number;
    const answers = [await get(path), await get(path), await get(path, {}, 'HEAD'), await get('/c/kettles')];
    expect(answers.slice(0, 2).some((answer) => !answer.reachedApp)).toBe(true);
    served.threadViews.flush(ctx.db);
    expect(views()).toBe(before + 2);
  });

  it('answers requests pipelined on one connection in order, whichever side answers each', async () => {
    await get(path);
    const { token } = createSession(ctx.db, ctx.member.id, ctx.clock.now());
    const requests = [
      `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'GET /no-such-page HTTP/1.1\r\nHost: x\r\n\r\n',
      `GET ${path} HTTP/1.1\r\nHost: x\r\nCookie: ${SESSION_COOKIE}=${token}\r\n\r\n`,
      `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    ];
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(served.base).port), '127.0.0.1', () => socket.write(requests.join('')));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    const responses: { status: number; body: string }[] = [];
    let rest = Buffer.from(raw, 'utf8');
    while (rest.length > 0) {
      const headEnd = rest.indexOf('\r\n\r\n');
      const head = rest.subarray(0, headEnd).toString('utf8');
      const length = Number(/content-length: (\d+)/i.exec(head)![1]);
      responses.push({ status: Number(head.split(' ')[1]), body: rest.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8') });
      rest = rest.subarray(headEnd + 4 + length);
    }
    expect(responses.map((response) => response.status)).toEqual([200, 404, 200, 200]);
    expect(responses.map((response) => response.body.includes('Log out'))).toEqual([false, false, true, false]);
    for (const response of [responses[0]!, responses[2]!, responses[3]!]) expect(response.body).toMatch(/Opening words[\s\S]*<\/html>\s*$/);
  });

  it('has written the answers it made in a turn before the app starts on the next request', async () => {
    await get(path);
    // Pipelined, so both requests are read in one turn: the first answered here, the second by the app.
    let writtenBeforeApp: number | undefined;
    served.beforeApp((incoming) => {
      if (incoming.url === '/no-such-page') writtenBeforeApp = incoming.socket.bytesWritten;
    });
    try {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(served.base).port), '127.0.0.1', () =>
          socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\nGET /no-such-page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
        socket.on('error', reject);
      });
      const firstLength = raw.indexOf('HTTP/1.1 404');
      expect(raw.startsWith('HTTP/1.1 200')).toBe(true);
      expect(writtenBeforeApp).toBe(firstLength);
    } finally {
      served.beforeApp(undefined);
    }
  });

  it('answers many connections at once, each with its whole page', async () => {
    await get(path);
    const { token } = createSession(ctx.db, ctx.member.id, ctx.clock.now());
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => get(path, n % 2 ? { cookie: `${SESSION_COOKIE}=${token}` } : {})));
    for (const [n, { response, text }] of answers.entries()) {
      expect(response.status).toBe(200);
      expect(Buffer.byteLength(text)).toBe(Number(response.headers.get('content-length')));
      expect(text.includes('Log out')).toBe(n % 2 === 1);
      expect(text).toMatch(/<\/html>\s*$/);
    }
  });

  it('writes the same access-log line as the app', async () => {
    accessLog.length = 0;
    await get(path);
    const [line] = accessLog.map((entry) => JSON.parse(entry) as Record<string, unknown>);
    expect(line).toMatchObject({ method: 'GET', path, status: 200, user: null, client: '127.0.0.1' });
    expect(Object.keys(line!).sort()).toEqual(['client', 'id', 'method', 'ms', 'path', 'status', 'time', 'user']);
  });
});
