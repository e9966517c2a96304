import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { etag } from 'hono/etag';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { allowedOrigins } from '../embed/allowed-origins.js';
import { embedLoader } from '../embed/loader.js';
import { communityLocale } from '../i18n/community.js';
import { isAllowedOrigin } from '../embed/origins.js';
import { EMBED_CATEGORY_LIMIT, getPublicCategory, getPublicThread } from '../embed/read.js';
import { findThreadByKey, THREAD_KEY_PATTERN } from '../embed/thread-keys.js';
import { AppError, NotFound } from '../lib/errors.js';
import { frameCsp } from '../lib/csp.js';
import { projectPath } from '../lib/paths.js';
import type { Html } from '../../views/html.js';
import { embedCategory } from '../../views/embed/category.js';
import { embedFragment } from '../../views/embed/fragment.js';
import { embedLayout, embedThemes, type EmbedTheme } from '../../views/embed/layout.js';
import { embedMessage, type EmbedMessageProps } from '../../views/embed/message.js';
import { embedThread } from '../../views/embed/thread.js';
import { embedCompose } from '../../views/embed/compose.js';
import { html } from '../../views/html.js';
import type { AppEnv } from './env.js';
import { idParam } from './forms.js';
import { sendHtml } from './render.js';
import { threadPath } from '../lib/slug.js';
import { embedI18n } from './request-i18n.js';

// Embeds are anonymous: the same bytes for everyone, so a proxy may cache them. Signing in and
// replying from a frame are its script's requests (./embed-sign-in.ts, ./embed-replies.ts).
// Each frame names the page that frames it (?origin=, set by embed.js); it must be on the allowed
// list, and the CSP's frame-ancestors makes the browser enforce the list whatever a page claims.

type Frame = { hostOrigin: string | null; theme: EmbedTheme; allowed: string[] };

function frameOf(c: Context<AppEnv>): Frame & { refused: string | null } {
  const allowed = allowedOrigins(c.get('services'), c.get('config').embedOrigins);
  const requested = c.req.query('origin');
  const theme = (embedThemes as readonly string[]).includes(c.req.query('theme') ?? '') ? (c.req.query('theme') as EmbedTheme) : 'auto';
  const hostOrigin = isAllowedOrigin(requested, allowed) ? requested : null;
  return { allowed, theme, hostOrigin, refused: requested !== undefined && hostOrigin === null ? requested : null };
}

function renderFrame(c: Context<AppEnv>, frame: Frame, page: { title: string; canonicalPath: string; main: Html }, status: ContentfulStatusCode = 200) {
  // Set here, the app's default (frame-ancestors 'none' + X-Frame-Options: DENY) stays off.
  c.header('Content-Security-Policy', frameCsp(c.get('nonce'), frame.allowed));
  c.header('X-Frame-Options', undefined);
  const { name, baseUrl } = c.get('site');
  const props = { i18n: c.get('i18n'), siteName: name, homeUrl: `${baseUrl}/`, title: page.title, canonicalUrl: `${baseUrl}${page.canonicalPath}`, theme: frame.theme, hostOrigin: frame.hostOrigin, main: page.main };
  const body = embedLayout(props).toString();
  // Hashed before the nonce goes in, so a proxy's or browser's revalidation still gets its 304.
  if (status === 200) c.header('ETag', `"${createHash('sha1').update(body).digest('base64url')}"`);
  return sendHtml(c, body, status);
}

function renderMessage(c: Context<AppEnv>, frame: Frame, status: ContentfulStatusCode, message: EmbedMessageProps) {
  return renderFrame(c, frame, { title: message.heading, canonicalPath: '/', main: embedMessage(message) }, status);
}

function visitCommunity(c: Context<AppEnv>) {
  return { href: `${c.get('site').baseUrl}/`, label: c.get('i18n').t('embed.visitCommunity', { site: c.get('site').name }) };
}

/** The checks every frame starts with; null means go ahead. */
function refusal(c: Context<AppEnv>, frame: Frame & { refused: string | null }) {
  if (frame.refused === null) return null;
  const i18n = c.get('i18n');
  const site = c.get('site');
  return renderMessage(c, frame, 403, {
    heading: i18n.t('embed.refused.heading'),
    message: i18n.t('embed.refused.message', { origin: frame.refused, site: site.name }),
    link: visitCommunity(c),
  });
}

/** Frames are the same for everyone asking for a URL: in `?locale=` or the community's default. */
const embedLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('i18n', embedI18n(c));
  await next();
};

/** Anonymous and public: no cookie is ever set on a cacheable embed or API response. */
export const publicAnonymous: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.delete('Set-Cookie');
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'public, max-age=60');
  c.res.headers.set('X-Robots-Tag', 'noindex');
};

function readsOnly(handler: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? handler(c, next) : next());
}

/** The article's address when it is on the page origin the frame is for, else null. */
function articleOf(article: string | undefined, hostOrigin: string | null): string | null {
  if (!article || hostOrigin === null) return null;
  try {
    return new URL(article).origin === hostOrigin ? article : null;
  } catch {
    return null;
  }
}

function limitParam(value: string | undefined): number {
  const limit = Number(value);
  return Number.isInteger(limit) && limit >= EMBED_CATEGORY_LIMIT.min && limit <= EMBED_CATEGORY_LIMIT.max ? limit : EMBED_CATEGORY_LIMIT.default;
}

export function embedRoutes(): Hono<AppEnv> {
  const loaderIn = embedLoader(projectPath('static/embed.js'));
  const app = new Hono<AppEnv>();

  app.get('/embed.js', (c) => {
    const config = c.get('config');
    const services = c.get('services');
    const loader = loaderIn(communityLocale(services.db, { locale: config.defaultLocale, timeZone: config.timeZone }).locale);
    // Loaded from other sites' pages: allowed cross-origin, cached for a day and revalidated by ETag.
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    // Lets the host page's own performance tooling see the loader's size and timing.
    c.header('Timing-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=86400, stale-while-revalidate=604800');
    c.header('ETag', loader.etag);
    if (c.req.header('if-none-match') === loader.etag) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(loader.body);
  });

  // Frames and fragments are public; what a frame's script sends (signing in, replying) is not.
  app.use('/embed/*', embedLanguage, readsOnly(publicAnonymous), readsOnly(etag()));

  app.get('/embed/t/:id{[0-9]+}', (c) => {
    const frame = frameOf(c);
    const refused = refusal(c, frame);
    if (refused) return refused;
    const data = getPublicThread(c.get('services'), { threadId: idParam(c.req.param('id')) });
    const main = embedThread({ ...data, i18n: c.get('i18n'), baseUrl: c.get('site').baseUrl });
    return renderFrame(c, frame, { title: data.thread.title, canonicalPath: threadPath(data.thread.id, data.thread.slug), main });
  });

  app.get('/embed/k/:key', (c) => {
    const frame = frameOf(c);
    const refused = refusal(c, frame);
    if (refused) return refused;
    const key = c.req.param('key');
    const keyed = THREAD_KEY_PATTERN.test(key) ? findThreadByKey(c.get('services'), key) : null;
    if (!keyed) {
      const i18n = c.get('i18n');
      const message = embedMessage({
        heading: i18n.t('embed.noDiscussion.heading'),
        message: i18n.t('embed.noDiscussion.message'),
        link: { href: `${c.get('site').baseUrl}/new`, label: i18n.t('embed.noDiscussion.start') },
      });
      // A valid key on the article's own page may have its discussion started from here (ADR 0049).
      const article = articleOf(c.req.query('article'), frame.hostOrigin);
      const start = article && THREAD_KEY_PATTERN.test(key) ? embedCompose({ i18n, kind: 'start', path: `/embed/k/${encodeURIComponent(key)}/discussion`, article }) : html``;
      return renderFrame(c, frame, { title: i18n.t('embed.noDiscussion.heading'), canonicalPath: '/', main: html`${message}${start}` }, 404);
    }
    const data = getPublicThread(c.get('services'), { threadId: keyed.id });
    const main = embedThread({ ...data, i18n: c.get('i18n'), baseUrl: c.get('site').baseUrl, embedKey: key });
    return renderFrame(c, frame, { title: data.thread.title, canonicalPath: threadPath(data.thread.id, data.thread.slug), main });
  });

  app.get('/embed/c/:slug', (c) => {
    const frame = frameOf(c);
    const refused = refusal(c, frame);
    if (refused) return refused;
    // An ideas board shows its top ideas; the embed's own address may ask for a status (?status=planned).
    const data = getPublicCategory(c.get('services'), { slug: c.req.param('slug'), limit: limitParam(c.req.query('limit')), status: c.req.query('status') ?? null });
    const main = embedCategory({ ...data, i18n: c.get('i18n'), baseUrl: c.get('site').baseUrl });
    return renderFrame(c, frame, { title: data.category.name, canonicalPath: `/c/${data.category.slug}`, main });
  });

  app.get('/embed/t/:id{[0-9]+}/fragment', (c) => {
    const data = getPublicThread(c.get('services'), { threadId: idParam(c.req.param('id')) });
    return c.html(embedFragment({ ...data, i18n: c.get('i18n'), baseUrl: c.get('site').baseUrl, siteName: c.get('site').name }));
  });

  app.onError((error, c) => {
    if (!(error instanceof AppError)) throw error;
    const status = error.status as ContentfulStatusCode;
    // A host server may include whatever it receives: an error fragment is an HTML comment.
    if (c.req.path.endsWith('/fragment')) return c.html(`<!-- Hearth: ${error instanceof NotFound ? 'that discussion does not exist or is not public' : 'the discussion could not be loaded'}. -->`, status);
    const i18n = c.get('i18n');
    const missing = error instanceof NotFound;
    return renderMessage(c, frameOf(c), status, {
      heading: i18n.t(missing ? 'embed.unavailable.heading' : 'embed.failed.heading'),
      message: missing ? i18n.t('embed.unavailable.message') : i18n.message(error.text),
      link: visitCommunity(c),
    });
  });
  return app;
}
