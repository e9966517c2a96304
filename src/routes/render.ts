import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Html } from '../../views/html.js';
import { layout, type LayoutProps } from '../../views/layout.js';
import { errorPage, type ErrorPageProps } from '../../views/pages/error.js';
import { joinWithNonce, withNonce, type NonceParts } from '../lib/csp.js';
import { countOpenReviewItems } from '../moderation/review-count.js';
import { unreadCount } from '../notifications/list.js';
import type { AppEnv } from './env.js';
import { AssembledPage } from './fragments.js';

export type PageProps = Omit<LayoutProps, 'site' | 'viewer' | 'main' | 'counts'>;

/** A view in the site layout for the current viewer (with their unread and review counts), as a string. */
export function pageHtml(c: Context<AppEnv>, main: Html, props: PageProps): string {
  const { viewer, services, site } = c.var;
  const counts = viewer ? { notifications: unreadCount(services, viewer), review: countOpenReviewItems(services, viewer) } : undefined;
  return layout({ ...props, main, site, viewer, ...(counts ? { counts } : {}) }).toString();
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
  const url = new URL(c.req.url);
  const key = url.pathname + url.search;
  const cache = c.var.pageCache;
  const etag = cache.etag(key, version);
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=0, s-maxage=5, stale-while-revalidate=30');
  c.header('Vary', 'Cookie');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  const page = cache.get(key, version) ?? cache.set(key, version, render(), revalidate);
  c.header('Content-Type', 'text/html; charset=UTF-8');
  return c.body(joinWithNonce(page.parts, c.var.nonce));
}

const headings: Record<number, string> = {
  400: 'That request did not make sense to us',
  401: 'Please sign in',
  403: 'You cannot do that here',
  404: 'Page not found',
  409: 'That changed while you were working',
  413: 'That was too large',
  422: 'Please check what you entered',
  429: 'Slow down a little',
  500: 'Something went wrong on our side',
  503: 'Please try again in a moment',
};

/** An error page; `more` gives back text a refused form held, and a way back to where it was. */
export function renderError(c: Context<AppEnv>, status: ContentfulStatusCode, message: string, more: Pick<ErrorPageProps, 'kept' | 'back'> = {}) {
  const heading = headings[status] ?? 'Something went wrong';
  return renderPage(c, errorPage({ status, heading, message, requestId: c.var.requestId, ...more }), { title: heading }, status);
}
