import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory } from '../../src/demo/factories.js';
import { categories, posts, threadKeys, threads, users } from '../../src/db/schema.js';
import { createEmbedContext } from '../helpers/embed.js';
import { embedToken } from '../helpers/embed-session.js';

// Starting an article's discussion from the frame of a key that has no thread yet. The help
// center is a real local server, so the article's title is read from the article itself.

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
let helpCenter: Server;
let helpOrigin: string;
let token: string;
const pages = new Map<string, { status?: number; type?: string; body: string }>([
  ['/articles/descaling', { body: '<!doctype html><html><head><title>How to descale your kettle &amp; keep it quiet</title></head><body>Citric acid.</body></html>' }],
  ['/articles/missing', { status: 404, body: 'not found' }],
  ['/articles/data', { type: 'application/json', body: '{"title":"Not a page"}' }],
]);

beforeAll(async () => {
  helpCenter = createServer((request, response) => {
    const page = pages.get(request.url ?? '') ?? { status: 404, body: 'not found' };
    response.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8' });
    response.end(page.body);
  });
  await new Promise<void>((resolve) => helpCenter.listen(0, '127.0.0.1', () => resolve()));
  helpOrigin = `http://127.0.0.1:${(helpCenter.address() as AddressInfo).port}`;
  ctx = await createEmbedContext([helpOrigin]);
  makeCategory(ctx.services, { name: 'Questions', slug: 'questions', kind: 'questions', position: 5 });
  token = await embedToken(ctx, ctx.member, helpOrigin);
});
afterAll(async () => {
  await new Promise<void>((resolve) => helpCenter.close(() => resolve()));
  await ctx.close();
});

type Answer = { status?: string; html?: string; error?: { message: string; signIn?: boolean } };

function start(key: string, form: Record<string, string>, bearer: string | null = token) {
  return ctx.http.post(`/embed/k/${key}/discussion?origin=${encodeURIComponent(helpOrigin)}`, form, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

describe('starting an article’s discussion from its frame', () => {
  it('offers it in the frame of a key without a thread, on the article’s own page only', async () => {
    const frame = (article: string) => ctx.http.get(`/embed/k/kb-1?origin=${encodeURIComponent(helpOrigin)}&article=${encodeURIComponent(article)}`);
    const offered = await (await frame(`${helpOrigin}/articles/descaling`)).text();
    expect(offered).toContain('Start a discussion about this article');
    expect(offered).toContain('data-post="/embed/k/kb-1/discussion"');
    expect(await (await frame('https://evil.example.net/articles/descaling')).text()).not.toContain('data-post');
  });

  it('has the brand open the thread with the article’s own title and link, and the question as its first reply', async () => {
    const response = await start('kb-1', { article: `${helpOrigin}/articles/descaling#steps`, question: 'Does this work for the KT-200 too?' });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer.status).toBe('published');
    expect(answer.html).toContain('Does this work for the KT-200 too?');
    const key = ctx.db.select().from(threadKeys).where(eq(threadKeys.key, 'kb-1')).get()!;
    expect(key.url).toBe(`${helpOrigin}/articles/descaling`);
    const thread = ctx.db.select().from(threads).where(eq(threads.id, key.threadId)).get()!;
    expect(thread.title).toBe('How to descale your kettle & keep it quiet');
    const [opening, question] = ctx.db.select({ body: posts.body, number: posts.number, author: users.username, brand: users.isBrand }).from(posts).innerJoin(users, eq(users.id, posts.authorId)).where(eq(posts.threadId, thread.id)).orderBy(asc(posts.number)).all();
    expect(opening).toMatchObject({ number: 1, brand: true });
    expect(opening!.body).toContain(`${helpOrigin}/articles/descaling`);
    expect(question).toMatchObject({ number: 2, author: 'alice', body: 'Does this work for the KT-200 too?' });
  });

  it('adds a second question to the discussion already started', async () => {
    const before = ctx.db.select().from(threads).all().length;
    const response = await start('kb-1', { article: `${helpOrigin}/articles/descaling`, question: 'And for the KT-100?' });
    expect(response.status).toBe(200);
    expect(ctx.db.select().from(threads).all().length).toBe(before);
  });

  it('refuses an article on another site, an unreadable one, an empty question and a visitor', async () => {
    const cases: [string, Record<string, string>, string | null, number][] = [
      ['kb-2', { article: 'https://evil.example.net/articles/descaling', question: 'Anything?' }, token, 422],
      ['kb-3', { article: `${helpOrigin}/articles/missing`, question: 'Anything?' }, token, 422],
      ['kb-4', { article: `${helpOrigin}/articles/data`, question: 'Anything?' }, token, 422],
      ['kb-5', { article: `${helpOrigin}/articles/descaling`, question: '  ' }, token, 422],
      ['kb-6', { article: `${helpOrigin}/articles/descaling`, question: 'Anything?' }, null, 401],
    ];
    for (const [key, form, bearer, status] of cases) {
      const response = await start(key, form, bearer);
      expect(response.status, key).toBe(status);
      expect(((await response.json()) as Answer).error?.message, key).toBeTruthy();
      expect(ctx.db.select().from(threadKeys).where(eq(threadKeys.key, key)).get(), key).toBeUndefined();
    }
  });

  it('puts the discussion in the first questions category (a key holds no category)', async () => {
    await start('kb-7', { article: `${helpOrigin}/articles/descaling`, question: 'Which category is this in?' });
    const key = ctx.db.select().from(threadKeys).where(eq(threadKeys.key, 'kb-7')).get()!;
    const thread = ctx.db.select().from(threads).where(eq(threads.id, key.threadId)).get()!;
    expect(ctx.db.select({ slug: categories.slug }).from(categories).where(eq(categories.id, thread.categoryId)).get()?.slug).toBe('questions');
  });
});
