import { Hono, type Context, type ErrorHandler, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { absolutize } from '../embed/absolute-urls.js';
import { authenticateApiKey } from '../embed/api-keys.js';
import { getPublicThread, type PublicThread } from '../embed/read.js';
import { registerEmbedThread } from '../embed/thread-keys.js';
import { AppError, NotFound, RateLimited, Unauthenticated, ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { html } from '../../views/html.js';
import { publicAnonymous } from './embed.js';
import type { AppEnv } from './env.js';
import { idParam } from './forms.js';
import { clientAddress } from './limits.js';
import { threadPath } from '../lib/slug.js';
import { fieldTexts } from './render.js';

// The JSON API (/api/v1) and oEmbed. Reads are anonymous (the public view, cacheable); the one
// write is authenticated by an API key, never by a session cookie. Errors are JSON too:
// { error: { message, fields? } } with the status that says what went wrong.

const jsonErrors: ErrorHandler<AppEnv> = (error, c) => {
  c.header('Cache-Control', 'no-store');
  if (error instanceof ValidationError) return c.json({ error: { message: error.message, fields: fieldTexts(c, error.fields) } }, 422);
  if (error instanceof Unauthenticated) c.header('WWW-Authenticate', 'Bearer realm="hearth"');
  if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
  if (error instanceof AppError || error instanceof HTTPException) {
    return c.json({ error: { message: error.message || 'That request could not be handled.' } }, error.status as ContentfulStatusCode);
  }
  throw error;
};

function apiError(c: Context<AppEnv>, status: ContentfulStatusCode, message: string) {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: { message } }, status);
}

function pageParam(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-9][0-9]{0,6}$/.test(value)) throw new NotFound('There is no such page of this thread.');
  return Number(value);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function threadJson(data: PublicThread, baseUrl: string) {
  const { thread, category, page, totalPages } = data;
  const threadUrl = `${baseUrl}${threadPath(thread.id, thread.slug)}`;
  const apiPage = (n: number) => `${baseUrl}/api/v1/threads/${thread.id}${n > 1 ? `?page=${n}` : ''}`;
  return {
    thread: {
      id: thread.id,
      title: thread.title,
      url: threadUrl,
      category: { slug: category.slug, name: category.name, url: `${baseUrl}/c/${category.slug}` },
      replyCount: thread.replyCount,
      locked: thread.locked,
      solved: thread.solved,
      createdAt: iso(thread.createdAt),
      lastPostAt: iso(thread.lastPostAt),
    },
    // Deleted and hidden posts keep their place (and number) without their text, as on the thread page.
    posts: data.posts.map((post) => ({
      id: post.id,
      number: post.number,
      url: `${baseUrl}/p/${post.id}`,
      author: { username: post.author.username, role: post.author.role, url: `${baseUrl}/u/${encodeURIComponent(post.author.username)}` },
      createdAt: iso(post.createdAt),
      editedAt: iso(post.editedAt),
      state: post.state,
      html: post.bodyHtml && absolutize(post.bodyHtml, baseUrl),
      isSolution: post.isSolution,
    })),
    pagination: {
      page,
      totalPages,
      links: { self: apiPage(page), first: apiPage(1), last: apiPage(totalPages), prev: page > 1 ? apiPage(page - 1) : null, next: page < totalPages ? apiPage(page + 1) : null },
    },
  };
}

const registration = z.object({
  key: z.string({ error: 'Give the key as a string, e.g. "help-article-42".' }),
  title: z.string({ error: 'Give the article’s title as a string.' }),
  url: z.string({ error: 'Give the article’s full address as a string.' }),
  category: z.string({ error: 'Give the slug of the category the thread belongs in, e.g. "kettles".' }),
  summary: z.string({ error: 'The summary, if given, is a string.' }).optional(),
});

/** Per address, every API call counts (reads included): scripts, not people, call it. */
const limitApi: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.var.limits.take(`api:${clientAddress(c)}`, rules.apiPerClient);
  await next();
};

export const apiRoutes = new Hono<AppEnv>()
  .use('/api/v1/*', limitApi)
  .get('/api/v1/threads/:id{[0-9]+}', publicAnonymous, etag(), (c) => {
    const data = getPublicThread(c.var.services, { threadId: idParam(c.req.param('id')), page: pageParam(c.req.query('page')) });
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(threadJson(data, c.var.site.baseUrl));
  })
  .post('/api/v1/embed/threads', async (c) => {
    c.header('Cache-Control', 'no-store');
    const caller = authenticateApiKey(c.var.services, c.req.header('authorization'), 'embed');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, 'The request body is not valid JSON. Send {"key", "title", "url", "category"} with Content-Type: application/json.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return apiError(c, 400, 'Send a JSON object with key, title, url and category.');
    const parsed = registration.safeParse(body);
    if (!parsed.success) {
      throw new ValidationError(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'body'), issue.message])));
    }
    const { created, thread } = await registerEmbedThread(c.var.services, caller, parsed.data);
    const baseUrl = c.var.site.baseUrl;
    const result = { id: thread.id, title: thread.title, status: thread.status, url: `${baseUrl}${threadPath(thread.id, thread.slug)}`, embedUrl: `${baseUrl}/embed/k/${encodeURIComponent(parsed.data.key)}` };
    return c.json({ created, thread: result }, created ? 201 : 200);
  })
  .all('/api/v1/*', () => {
    throw new NotFound('There is no API endpoint at this address. See GET /api/v1/threads/:id and POST /api/v1/embed/threads.');
  })
  .onError(jsonErrors);

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 480;

function threadIdFromUrl(value: string, baseUrl: string): number | null {
  try {
    const url = new URL(value);
    const match = /^\/t\/([1-9][0-9]{0,14})(?:\/[a-z0-9-]*)?\/?$/.exec(url.pathname);
    return url.origin === new URL(baseUrl).origin && match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function dimension(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? Math.min(number, fallback) : fallback;
}

/** oEmbed (https://oembed.com): a "rich" snippet whose link stays as a fallback where scripts are stripped. */
export const oembedRoutes = new Hono<AppEnv>()
  .get('/oembed', publicAnonymous, (c) => {
    const format = c.req.query('format');
    if (format !== undefined && format !== 'json') return apiError(c, 501, 'Only format=json is supported.');
    const requested = c.req.query('url');
    if (!requested) return apiError(c, 400, 'Add ?url= with the address of a thread, e.g. /oembed?url=https://community.example.com/t/123.');
    const { baseUrl, name } = c.var.site;
    const threadId = threadIdFromUrl(requested, baseUrl);
    if (threadId === null) throw new NotFound(`That is not the address of a thread in this community (${baseUrl}/t/…).`);
    const data = getPublicThread(c.var.services, { threadId });
    const threadUrl = `${baseUrl}${threadPath(data.thread.id, data.thread.slug)}`;
    const opening = data.posts.find((post) => post.number === 1 && post.state === 'visible');
    const snippet = html`<div data-hearth-thread="${data.thread.id}"><a href="${threadUrl}">${data.thread.title}</a></div>
<script async src="${baseUrl}/embed.js"></script>`;
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      version: '1.0',
      type: 'rich',
      provider_name: name,
      provider_url: `${baseUrl}/`,
      title: data.thread.title,
      ...(opening ? { author_name: opening.author.username, author_url: `${baseUrl}/u/${encodeURIComponent(opening.author.username)}` } : {}),
      html: String(snippet),
      width: dimension(c.req.query('maxwidth'), DEFAULT_WIDTH),
      height: dimension(c.req.query('maxheight'), DEFAULT_HEIGHT),
      cache_age: 300,
    });
  })
  .onError(jsonErrors);
