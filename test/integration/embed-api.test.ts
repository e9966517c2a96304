import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { apiKeys, modLog, posts, threadKeys, threads, users } from '../../src/db/schema.js';
import { createApiKey, revokeApiKey } from '../../src/embed/api-keys.js';
import { createEmbedContext, setPost, setThreadStatus } from '../helpers/embed.js';

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
let token: string;

const article = { key: 'help-article-42', title: 'Descaling your kettle [step by step]', url: 'https://help.example.com/articles/42?lang=en', category: 'kettles' };

beforeAll(async () => {
  ctx = await createEmbedContext();
  token = createApiKey(ctx.services, ctx.admin, { name: 'Help center' }).token;
});
afterAll(() => ctx.close());

function register(body: unknown, authorization: string | null = `Bearer ${token}`) {
  return ctx.app.request(new URL('/api/v1/embed/threads', ctx.config.baseUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(response: Response): Promise<{ message: string; fields?: Record<string, string> }> {
  const body = (await response.json()) as { error: { message: string; fields?: Record<string, string> } };
  expect(response.headers.get('content-type')).toContain('application/json');
  return body.error;
}

describe('POST /api/v1/embed/threads: authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a malformed header', 'Token abc'],
    ['an unknown key', 'Bearer hk_nope.secret'],
    ['a wrong secret', () => `Bearer ${token.split('.')[0]}.wrongsecretwrongsecret`],
    ['three parts', () => `Bearer ${token}.extra`],
  ])('401 for %s', async (_name, header) => {
    const response = await register(article, typeof header === 'function' ? header() : header);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hearth"');
    expect((await errorOf(response)).message).toContain('API key is missing or wrong');
  });

  it('401 for a revoked key', async () => {
    const revoked = createApiKey(ctx.services, ctx.admin, { name: 'Old server' });
    revokeApiKey(ctx.services, ctx.admin, { id: revoked.id });
    const response = await register(article, `Bearer ${revoked.token}`);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toContain('was revoked');
  });

  it('403 for a key with another scope', async () => {
    const other = createApiKey(ctx.services, ctx.admin, { name: 'Reporting' });
    ctx.db.update(apiKeys).set({ scope: 'read' as 'embed' }).where(eq(apiKeys.id, other.id)).run();
    const response = await register(article, `Bearer ${other.token}`);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toContain('this call needs a key for "embed"');
  });

  it('403 once the admin who created the key is no longer an admin', async () => {
    const former = createApiKey(ctx.services, ctx.admin, { name: 'Temp' });
    ctx.db.update(apiKeys).set({ createdById: ctx.manager.id }).where(eq(apiKeys.id, former.id)).run();
    const response = await register({ ...article, key: 'former-admin' }, `Bearer ${former.token}`);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toContain('no longer an admin');
  });

  it('a session cookie is not an API key', async () => {
    const response = await ctx.http.post('/api/v1/embed/threads', {}, { as: ctx.admin });
    expect(response.status).toBe(401);
  });
});

describe('POST /api/v1/embed/threads: input', () => {
  it('400 for a body that is not JSON, or not an object', async () => {
    for (const body of ['{"key": ', '[1, 2]', 'null']) {
      const response = await register(body);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toMatch(/not valid JSON|JSON object/);
    }
  });

  it('422 naming every missing or invalid field', async () => {
    const response = await register({ key: 'bad key!', title: 'Hi', url: 'javascript:alert(1)', category: 'kettles' });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['key', 'title', 'url']);
    const missing = await errorOf(await register({ key: 'k1' }));
    expect(Object.keys(missing.fields ?? {}).sort()).toEqual(['category', 'title', 'url']);
  });

  it('422 for an unknown category, listing the real ones', async () => {
    const response = await register({ ...article, category: 'toasters' });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.['category']).toBe('There is no category with the slug "toasters". Use one of: kettles.');
  });
});

describe('the brand account', () => {
  it('is made once, with the site’s name, and authors every thread the API registers', async () => {
    const first = (await (await register({ ...article, key: 'brand-first' })).json()) as { thread: { id: number } };
    const second = (await (await register({ ...article, key: 'brand-second' })).json()) as { thread: { id: number } };
    const authors = [first, second].map(({ thread }) => ctx.db.select({ authorId: threads.authorId }).from(threads).where(eq(threads.id, thread.id)).get()!.authorId);
    expect(authors[0]).toBe(authors[1]);
    const brands = ctx.db.select().from(users).where(eq(users.isBrand, true)).all();
    expect(brands).toHaveLength(1);
    expect(brands[0]!.username).toBe('Community');
  });

  it('is shown as "Official", not as an admin, in the frame and on the community page', async () => {
    const { thread } = (await (await register({ ...article, key: 'brand-badge' })).json()) as { thread: { id: number; url: string } };
    const frame = await (await ctx.http.get(`/embed/t/${thread.id}?origin=${encodeURIComponent('https://help.example.com')}`)).text();
    expect(frame).toContain('<span class="embed-badge">Official</span>');
    expect(frame).not.toContain('<span class="embed-badge">Admin</span>');
    const page = await (await ctx.http.get(new URL(thread.url).pathname)).text();
    expect(page).toContain('<span class="badge badge-official">Official</span>');
  });

  it('can never sign in', async () => {
    const brand = ctx.db.select().from(users).where(eq(users.isBrand, true)).get()!;
    for (const password of ['', '!', 'password', brand.passwordHash]) {
      const response = await ctx.http.post('/login', { login: brand.username, password });
      expect(response.status, password).not.toBe(303);
    }
    const byAddress = await ctx.http.post('/login', { login: brand.email, password: '!' });
    expect(byAddress.status).not.toBe(303);
  });
});

describe('POST /api/v1/embed/threads: registration', () => {
  let threadId: number;

  it('creates the thread, written by the brand account on the key admin’s authority, with a link back to the article (201)', async () => {
    const response = await register(article);
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { created: boolean; thread: { id: number; url: string; embedUrl: string; status: string } };
    expect(body.created).toBe(true);
    threadId = body.thread.id;
    expect(body.thread).toMatchObject({ title: article.title, status: 'published', embedUrl: `${ctx.config.baseUrl}/embed/k/help-article-42` });
    const row = ctx.db.select().from(threads).where(eq(threads.id, threadId)).get()!;
    const author = ctx.db.select().from(users).where(eq(users.id, row.authorId)).get()!;
    expect(author).toMatchObject({ isBrand: true, role: 'manager', emailVerifiedAt: null });
    expect(author.id).not.toBe(ctx.admin.id);
    const opening = ctx.db.select().from(posts).where(eq(posts.threadId, threadId)).get()!;
    expect(opening.bodyHtml).toContain('<a href="https://help.example.com/articles/42?lang=en" rel="nofollow ugc noopener">Descaling your kettle [step by step]</a>');
    expect(ctx.db.select().from(threadKeys).where(eq(threadKeys.key, 'help-article-42')).get()).toMatchObject({ threadId, url: article.url });
    expect(ctx.db.select().from(modLog).where(eq(modLog.targetThreadId, threadId)).get()).toMatchObject({ action: 'thread_key_attached', actorId: ctx.admin.id });
    expect(ctx.db.select().from(apiKeys).where(eq(apiKeys.id, token.split('.')[0]!)).get()?.lastUsedAt).not.toBeNull();
  });

  it('returns the same thread for the same key, whatever else is sent (200)', async () => {
    const response = await register({ ...article, title: 'A different title entirely' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { created: boolean; thread: { id: number; title: string } };
    expect(body).toMatchObject({ created: false, thread: { id: threadId, title: article.title } });
  });

  it('makes one thread when calls for a new key arrive at once', async () => {
    const before = await ctx.db.$count(threads);
    const responses = await Promise.all([1, 2, 3, 4].map(() => register({ ...article, key: 'help-article-77' })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 201]);
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { thread: { id: number } }).thread.id));
    expect(new Set(ids).size).toBe(1);
    expect(await ctx.db.$count(threads)).toBe(before + 1);
  });
});

describe('GET /api/v1/threads/:id', () => {
  let threadId: number;
  beforeAll(async () => {
    const created = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Water tastes metallic', body: 'Since [the update](/t/1).' });
    threadId = created.threadId;
    const ids: number[] = [];
    for (let index = 2; index <= 24; index++) ids.push((await makeReply(ctx.services, ctx.other, { threadId, body: `Reply ${index}` })).postId);
    setPost(ctx, ids[0]!, { hiddenAt: ctx.clock.now(), hiddenReason: 'spam' });
    setPost(ctx, ids[1]!, { deletedAt: ctx.clock.now() });
    const waiting = await makeReply(ctx.services, ctx.other, { threadId, body: 'WAITING-TEXT' });
    setPost(ctx, waiting.postId, { status: 'pending', number: null });
  });

  it('returns the thread, its first page of posts and pagination links', async () => {
    const response = await ctx.http.get(`/api/v1/threads/${threadId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await response.json()) as {
      thread: Record<string, unknown>;
      posts: { number: number; state: string; html: string | null; author: { username: string } }[];
      pagination: { page: number; totalPages: number; links: Record<string, string | null> };
    };
    expect(body.thread).toMatchObject({ id: threadId, title: 'Water tastes metallic', url: `${ctx.config.baseUrl}/t/${threadId}/water-tastes-metallic`, category: { slug: 'kettles' } });
    expect(body.posts).toHaveLength(20);
    expect(body.posts[0]).toMatchObject({ number: 1, state: 'visible', author: { username: 'alice' } });
    expect(body.posts[0]?.html).toContain(`href="${ctx.config.baseUrl}/t/1"`);
    expect(body.posts[1]).toMatchObject({ number: 2, state: 'hidden', html: null });
    expect(body.posts[2]).toMatchObject({ number: 3, state: 'deleted', html: null });
    expect(JSON.stringify(body)).not.toMatch(/WAITING-TEXT|Reply 2"|Reply 3"|spam/);
    expect(body.pagination).toMatchObject({ page: 1, totalPages: 2, links: { prev: null, next: `${ctx.config.baseUrl}/api/v1/threads/${threadId}?page=2` } });
    const second = (await (await ctx.http.get(`/api/v1/threads/${threadId}?page=2`)).json()) as typeof body;
    expect(second.posts.map((post) => post.number)).toEqual([21, 22, 23, 24]);
  });

  it.each([
    ['an unknown thread', () => '/api/v1/threads/999999'],
    ['a page that does not exist', () => `/api/v1/threads/${threadId}?page=9`],
    ['an unknown endpoint', () => '/api/v1/nothing-here'],
  ])('404 JSON for %s', async (_name, path) => {
    const response = await ctx.http.get(path());
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toBeTruthy();
  });

  it('404 for a thread that is not public, even for its author', async () => {
    const waiting = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Waiting for approval', body: 'SECRET' });
    setThreadStatus(ctx, waiting.threadId, 'pending');
    const response = await ctx.http.get(`/api/v1/threads/${waiting.threadId}`, { as: ctx.member });
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).not.toContain('SECRET');
    expect(ctx.db.select({ id: users.id }).from(users).all().length).toBeGreaterThan(0);
  });
});
