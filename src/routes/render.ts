import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Html } from '../../views/html.js';
import { layout, layoutPersonal, type LayoutProps } from '../../views/layout.js';
import { errorPage, type ErrorPageProps } from '../../views/pages/error.js';
import { joinWithNonce, withNonce, type NonceParts } from '../lib/csp.js';
import { countOpenReviewItems } from '../moderation/review-count.js';
import { unreadCount } from '../notifications/list.js';
import type { MessageKey } from '../i18n/catalog.js';
import { localeFromUrl, pageCacheKey } from '../i18n/request-locale.js';
import type { ErrorText, FieldErrors } from '../lib/errors.js';
import type { AppEnv } from './env.js';
import type { PageScope } from './page-scope.js';
import type { I18n } from '../i18n/translator.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { AssembledPage, Frame, hole, type Filling } from './fragments.js';

export type PageProps = Omit<LayoutProps, 'site' | 'viewer' | 'main' | 'counts' | 'i18n'>;

/** The path and query of this request, as the browser sent it. */
function requestPath(c: Context<AppEnv>): string {
  const url = c.req.url;
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

/**
 * A canonical URL names its language when the request did (`?locale=`, the hreflang alternates):
 * each language's page is its own canonical, as search engines ask of translated pages.
 */
function canonicalFor(url: string, i18n: I18n, canonicalPath: string | undefined): string | undefined {
  if (canonicalPath === undefined || localeFromUrl(url) === undefined) return canonicalPath;
  return `${canonicalPath}${canonicalPath.includes('?') ? '&' : '?'}locale=${i18n.locale}`;
}

/** The header's unread notifications and, for staff, open review items. */
function viewerCounts(services: ServiceContext, viewer: Viewer): { notifications: number; review: number } | undefined {
  return viewer ? { notifications: unreadCount(services, viewer), review: countOpenReviewItems(services, viewer) } : undefined;
}

/** A view in the site layout for the current viewer (with their unread and review counts), as a string. */
export function pageHtml(c: Context<AppEnv>, main: Html, props: PageProps): string {
  const viewer = c.get('viewer');
  const site = c.get('site');
  const i18n = c.get('i18n');
  const counts = viewerCounts(c.get('services'), viewer);
  const canonicalPath = canonicalFor(c.req.url, i18n, props.canonicalPath);
  // Object.assign, not a spread followed by keys: that got new V8 hidden classes per call (ADR 0057).
  return layout(Object.assign({}, props, { main, site, viewer, i18n, canonicalPath, counts })).toString();
}

/** Gives the frame kept under `key`, rendering it when there is none. */
export type KeepFrame = (key: string, render: () => Frame) => Frame;

/**
 * As pageHtml, from a frame of the layout with holes for the viewer's header and for `main`.
 * `keep` must hold frames only while `props` stay what they were when it rendered them; the key
 * adds the language, the site and the canonical URL. Holes `props` hold (kept parts a page keeps
 * elsewhere already, so the frame does not hold their bytes twice) are filled from `fillings`.
 */
export function framedPage(scope: PageScope, main: AssembledPage, props: PageProps, keep: KeepFrame, fillings: Readonly<Record<string, Filling>> = {}): AssembledPage {
  const { site, i18n } = scope;
  const canonicalPath = canonicalFor(scope.url, i18n, props.canonicalPath);
  const frame = keep(`frame-layout ${i18n.locale} ${site.name} ${site.baseUrl} ${site.look?.version ?? ''} ${canonicalPath ?? ''}`, () => {
    return Frame.of(layout({ ...props, main: hole('main'), site, viewer: null, i18n, ...(canonicalPath ? { canonicalPath } : {}) }, { account: hole('account'), reminder: hole('reminder') }));
  });
  return frame.fill(fillings, layoutPersonal(i18n, site, scope.viewer, viewerCounts(scope.services, scope.viewer)), { main });
}

export function renderPage(c: Context<AppEnv>, main: Html, props: PageProps, status: ContentfulStatusCode = 200) {
  return sendHtml(c, pageHtml(c, main, props), status);
}

/**
 * Every HTML response goes out through here: its script tags get this response's CSP nonce.
 * `body` is the page as a string, or assembled from encoded fragments (./fragments.ts).
 */
export function sendHtml(c: Context<AppEnv>, body: string | Html | AssembledPage, status: ContentfulStatusCode = 200) {
  const nonce = c.get('nonce');
  if (body instanceof AssembledPage) return c.body(body.withNonce(nonce), status, { 'Content-Type': 'text/html; charset=UTF-8' });
  return c.html(withNonce(body.toString(), nonce), status);
}

/**
 * Serves a public page to an anonymous visitor from the page cache while `version` (from the
 * write-bumped version columns) is unchanged, with an ETag so browsers and proxies revalidate
 * with a 304. Callers use it only for anonymous requests to canonical URLs. `revalidate` gives
 * the page's current version from the URL alone, which lets src/lib/cached-pages.ts serve later
 * hits without the router.
 */
export function servePublic(c: Context<AppEnv>, version: string, render: () => string | NonceParts, revalidate?: () => string | undefined) {
  const key = pageCacheKey(c.req.header('cookie'), requestPath(c));
  const cache = c.get('pageCache');
  const etag = cache.etag(key, version);
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=0, s-maxage=5, stale-while-revalidate=30');
  c.header('Vary', 'Cookie');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  const page = cache.get(key, version) ?? cache.set(key, version, render(), revalidate);
  c.header('Content-Type', 'text/html; charset=UTF-8');
  return c.body(joinWithNonce(page.parts, c.get('nonce')));
}

const headings: Partial<Record<number, MessageKey>> = {
  400: 'error.heading.400',
  401: 'error.heading.401',
  403: 'error.heading.403',
  404: 'error.heading.404',
  409: 'error.heading.409',
  413: 'error.heading.413',
  422: 'error.heading.422',
  429: 'error.heading.429',
  500: 'error.heading.500',
  503: 'error.heading.503',
};

/** An error page; `more` gives back text a refused form held, and a way back to where it was. */
export function renderError(c: Context<AppEnv>, status: ContentfulStatusCode, message: ErrorText, more: Pick<ErrorPageProps, 'kept' | 'back'> = {}) {
  const i18n = c.get('i18n');
  const heading = i18n.t(headings[status] ?? 'error.heading.other');
  const page = errorPage({ i18n, status, heading, message: i18n.message(message), requestId: c.get('requestId'), ...more });
  return renderPage(c, page, { title: heading }, status);
}

/** A service's field errors as text in the reader's language, for the form that shows them. */
export function fieldTexts(c: Context<AppEnv>, fields: FieldErrors): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, text] of Object.entries(fields)) texts[name] = c.get('i18n').message(text);
  return texts;
}

/**
 * A page version that also turns every minute, for cached pages that show relative times ("3
 * minutes ago"): they are rendered again at most once a minute, and only while someone asks.
 */
export function minuteVersion(version: string, now: number): string {
  return `${version}.${Math.floor(now / 60_000)}`;
}
