import type { Context } from 'hono';
import { resourceCsp } from '../lib/csp.js';
import type { AppEnv } from './env.js';

// Feeds and sitemaps are anonymous content like public pages, but not HTML: the same ETag (from
// the write-bumped versions of src/forum/page-versions.ts) and 304, and the rendered text kept in
// the page cache. They are kept without a `revalidate`, so src/lib/cached-pages.ts (which answers
// with HTML headers) never serves them; and they are mounted before the session middleware
// (src/routes/index.ts), so a cookie cannot change them: everyone gets what a visitor gets.

export const FEED_TYPE = 'application/atom+xml; charset=utf-8';
export const SITEMAP_TYPE = 'application/xml; charset=utf-8';

/** Feed readers and crawlers poll; five minutes of staleness costs them nothing and saves most requests. */
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

export function servePublicResource(c: Context<AppEnv>, input: { version: string; type: string; render: () => string }) {
  // The path alone: these documents read no query, so `?x=1` must not make another cache entry.
  const key = c.req.path;
  const cache = c.get('pageCache');
  const etag = cache.etag(key, input.version);
  const notModified = c.req.header('if-none-match') === etag;
  // Rendered before any header is set: a render that finds nothing (a NotFound) becomes an
  // ordinary error page, not one labelled as this cacheable document.
  const entry = notModified ? undefined : (cache.get(key, input.version) ?? cache.set(key, input.version, input.render()));
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE_CONTROL);
  c.header('Content-Security-Policy', resourceCsp);
  if (!entry) return c.body(null, 304);
  c.header('Content-Type', input.type);
  return c.body(Buffer.concat(entry.parts));
}
