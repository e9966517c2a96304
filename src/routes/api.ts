import { Hono, type Context, type ErrorHandler, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { absolutize } from '../embed/absolute-urls.js';
import { authenticateApiKey } from '../embed/api-keys.js';
import { getPublicThread, type PublicThread } from '../embed/read.js';
import { publicPollsJson } from '../polls/public-json.js';
import { readThreadPolls } from '../polls/read.js';
import { registerEmbedThread, type OpeningWords } from '../embed/thread-keys.js';
import type { MessageKey } from '../i18n/catalog.js';
import { communityLocale } from '../i18n/community.js';
import { msg, type Message } from '../i18n/message.js';
import { localeFormat } from '../i18n/translator.js';
import { AppError, NotFound, RateLimited, Unauthenticated, ValidationError, type FieldErrors } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import { html } from '../../views/html.js';
import { publicAnonymous } from './embed.js';
import type { AppEnv } from './env.js';
import { idParam } from './forms.js';
import { clientAddress } from './limits.js';
import { threadPath } from '../lib/slug.js';
import { fieldTexts } from './render.js';
import { apiI18n } from './request-i18n.js';
import { categoryJson, ideaJson } from './api-categories.js';
import type { I18n } from '../i18n/translator.js';

// The JSON API (/api/v1) and oEmbed. Reads are anonymous (the public view, cacheable); the one
// write is authenticated by an API key, never by a session cookie. Errors are JSON too:
// { error: { message, fields? } } with the status that says what went wrong.

/** Messages in the caller's language (English unless asked: src/routes/request-i18n.ts apiI18n). */
const apiLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('i18n', apiI18n(c));
  await next();
};

const jsonErrors: ErrorHandler<AppEnv> = (error, c) => {
  c.header('Cache-Control', 'no-store');
  const i18n = c.get('i18n');
  if (error instanceof ValidationError) return c.json({ error: { message: i18n.message(error.text), fields: fieldTexts(c, error.fields) } }, 422);
  if (error instanceof Unauthenticated) c.header('WWW-Authenticate', 'Bearer realm="hearth"');
  if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
  if (error instanceof AppError) return c.json({ error: { message: i18n.message(error.text) } }, error.status as ContentfulStatusCode);
  if (error instanceof HTTPException) {
    return c.json({ error: { message: error.message || i18n.t('api.notHandled') } }, error.status as ContentfulStatusCode);
  }
  throw error;
};

function apiError(c: Context<AppEnv>, status: ContentfulStatusCode, message: Message) {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: { message: c.get('i18n').message(message) } }, status);
}

function pageParam(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-9][0-9]{0,6}$/.test(value)) throw new NotFound(msg('api.noSuchPage'));
  return Number(value);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function threadJson(data: PublicThread, baseUrl: string, i18n: I18n) {
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
      ...(thread.idea ? { idea: ideaJson(i18n, thread.idea) } : {}),
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
  key: z.string(),
  title: z.string(),
  url: z.string(),
  category: z.string(),
  summary: z.string().optional(),
});

/** What each field of a registration must be, said when it is missing or not a string. */
const registrationFields: Record<string, MessageKey> = {
  key: 'api.field.key',
  title: 'api.field.title',
  url: 'api.field.url',
  category: 'api.field.category',
  summary: 'api.field.summary',
};

function registrationErrors(issues: readonly { path: readonly PropertyKey[] }[]): FieldErrors {
  return Object.fromEntries(
    issues.map((issue) => {
      const name = String(issue.path[0] ?? 'body');
      return [name, msg(registrationFields[name] ?? 'api.field.other')];
    }),
  );
}

/** The opening post of a registered thread is written in the community's language. */
export function openingWords(c: Context<AppEnv>): OpeningWords {
  const config = c.get('config');
  const services = c.get('services');
  const community = communityLocale(services.db, { locale: config.defaultLocale, timeZone: config.timeZone });
  const format = localeFormat(community.locale, community.timeZone);
  return { intro: format.t('embed.register.openingIntro'), readArticle: (link) => format.t('embed.register.readArticle', { link }) };
}

/** Per address, every API call counts (reads included): scripts, not people, call it. */
const limitApi: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.get('limits').take(`api:${clientAddress(c)}`, rules.apiPerClient);
  await next();
};

export const apiRoutes = new Hono<AppEnv>()
  .use('/api/v1/*', apiLanguage, limitApi)
  .get('/api/v1/threads/:id{[0-9]+}', publicAnonymous, etag(), (c) => {
    const data = getPublicThread(c.get('services'), { threadId: idParam(c.req.param('id')), page: pageParam(c.req.query('page')) });
    c.header('Cache-Control', 'public, max-age=60');
    const services = c.get('services');
    const polls = data.page === 1 ? publicPollsJson(readThreadPolls(services.db, data.thread.id), services.now()) : [];
    return c.json({ ...threadJson(data, c.get('site').baseUrl, c.get('i18n')), polls });
  })
  .get('/api/v1/categories/:slug', publicAnonymous, etag(), (c) => {
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(categoryJson(c));
  })
  .post('/api/v1/embed/threads', async (c) => {
    c.header('Cache-Control', 'no-store');
    const caller = authenticateApiKey(c.get('services'), c.req.header('authorization'), 'embed');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, msg('api.notJson', { fields: '{"key", "title", "url", "category"}', contentType: 'Content-Type: application/json' }));
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return apiError(c, 400, msg('api.notObject'));
    const parsed = registration.safeParse(body);
    if (!parsed.success) throw new ValidationError(registrationErrors(parsed.error.issues));
    const { created, thread } = await registerEmbedThread(c.get('services'), caller, parsed.data, openingWords(c), { siteName: c.get('site').name });
    const baseUrl = c.get('site').baseUrl;
    const result = { id: thread.id, title: thread.title, status: thread.status, url: `${baseUrl}${threadPath(thread.id, thread.slug)}`, embedUrl: `${baseUrl}/embed/k/${encodeURIComponent(parsed.data.key)}` };
    return c.json({ created, thread: result }, created ? 201 : 200);
  })
  .all('/api/v1/*', () => {
    throw new NotFound(msg('api.noEndpoint', { read: 'GET /api/v1/threads/:id', register: 'POST /api/v1/embed/threads' }));
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
  .use('/oembed', apiLanguage)
  .get('/oembed', publicAnonymous, (c) => {
    const format = c.req.query('format');
    if (format !== undefined && format !== 'json') return apiError(c, 501, msg('api.oembed.jsonOnly', { format: 'format=json' }));
    const requested = c.req.query('url');
    if (!requested) return apiError(c, 400, msg('api.oembed.urlMissing', { example: '/oembed?url=https://community.example.com/t/123' }));
    const { baseUrl, name } = c.get('site');
    const threadId = threadIdFromUrl(requested, baseUrl);
    if (threadId === null) throw new NotFound(msg('api.oembed.notAThread', { pattern: `${baseUrl}/t/…` }));
    const data = getPublicThread(c.get('services'), { threadId });
    const threadUrl = `${baseUrl}${threadPath(data.thread.id, data.thread.slug)}`;
    const opening = data.posts.find((post) => post.number === 1 && post.state === 'visible');
    const snippet = html`<div data-hearth-thread="${data.thread.id}"><a href="${threadUrl}" dir="auto">${data.thread.title}</a></div>
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
