import { Hono, type Context } from 'hono';
import { homePageVersion } from '../forum/page-versions.js';
import { sitemapCategories, sitemapPages, sitemapThreads } from '../forum/sitemap.js';
import { NotFound } from '../lib/errors.js';
import { resourceCsp } from '../lib/csp.js';
import type { PageCache } from '../lib/page-cache.js';
import { sitemapIndex, urlSet } from '../../views/feeds/sitemap.js';
import type { AppEnv } from './env.js';
import { threadPath } from './forms.js';
import { SITEMAP_TYPE, servePublicResource } from './public-resource.js';

// What crawlers read: robots.txt, and the sitemaps (an index of a categories sitemap and fixed
// id-range pages of threads; docs/decisions/0027-feeds-and-sitemaps.md). Every sitemap changes
// with the community-wide page version, which every write to a thread or category bumps.

/**
 * Personal pages, staff tools, forms, mailed-link targets, JSON helpers and embed frames (copies
 * of thread pages for other sites; /embed.js stays allowed so those sites render). Thread pages,
 * categories, profiles and feeds are open.
 */
const DISALLOWED = ['/account', '/admin', '/api/', '/embed/', '/login', '/mod', '/new', '/notifications', '/oembed', '/password/', '/search', '/signup', '/similar', '/unsubscribe', '/verify-email'];

export function robotsText(baseUrl: string): string {
  return ['User-agent: *', ...DISALLOWED.map((path) => `Disallow: ${path}`), 'Allow: /', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}

/** The latest of some times; null when there is none (a community with no posts yet). */
function newestOf(times: (number | null)[]): number | null {
  const known = times.filter((time): time is number => time !== null);
  return known.length > 0 ? Math.max(...known) : null;
}

/** How long the index may lag behind the community: it is the one sitemap that reads every page. */
export const SITEMAP_INDEX_MAX_AGE_MS = 10 * 60_000;

type IndexRendering = { version: string; renderedAt: number };
const indexRenderings = new WeakMap<PageCache, IndexRendering>();

/**
 * The version the index is served at: the community-wide one, but kept for up to ten minutes
 * after a rendering. The index's lastmod of each page reads that page's id range, so building it
 * costs time in proportion to all threads (ADR 0027); every reply changes the community version,
 * and without this floor a busy community would rebuild it for every crawler's request.
 */
function settledIndexVersion(c: Context<AppEnv>): string {
  const { services, pageCache } = c.var;
  const current = homePageVersion(services.db);
  const now = services.now();
  const last = indexRenderings.get(pageCache);
  if (last && (last.version === current || now - last.renderedAt < SITEMAP_INDEX_MAX_AGE_MS)) return last.version;
  indexRenderings.set(pageCache, { version: current, renderedAt: now });
  return current;
}

function pageNumber(name: string): number {
  const page = Number(/^sitemap-threads-([1-9][0-9]{0,8})\.xml$/.exec(name)?.[1]);
  if (!Number.isSafeInteger(page)) throw new NotFound('There is no such page of the sitemap. The sitemap index at /sitemap.xml lists the pages there are.');
  return page;
}

export const sitemapRoutes = new Hono<AppEnv>()
  .get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Security-Policy', resourceCsp);
    return c.text(robotsText(c.var.site.baseUrl));
  })
  .get('/sitemap.xml', (c) => {
    const { services, site, config } = c.var;
    return servePublicResource(c, {
      version: settledIndexVersion(c),
      type: SITEMAP_TYPE,
      render: () => {
        const categories = sitemapCategories(services);
        const pages = sitemapPages(services, config.sitemapPageSize).map(({ page, lastModified }) => ({ url: `${site.baseUrl}/sitemap-threads-${page}.xml`, lastModified }));
        return sitemapIndex([{ url: `${site.baseUrl}/sitemap-categories.xml`, lastModified: newestOf(categories.map((category) => category.lastPostAt)) }, ...pages]);
      },
    });
  })
  .get('/sitemap-categories.xml', (c) => {
    const { services, site } = c.var;
    return servePublicResource(c, {
      version: homePageVersion(services.db),
      type: SITEMAP_TYPE,
      render: () => {
        const categories = sitemapCategories(services).map((category) => ({ url: `${site.baseUrl}/c/${category.slug}`, lastModified: category.lastPostAt }));
        return urlSet([{ url: `${site.baseUrl}/`, lastModified: newestOf(categories.map((category) => category.lastModified)) }, ...categories]);
      },
    });
  })
  .get('/:name{sitemap-threads-[0-9]+\\.xml}', (c) => {
    const { services, site, config } = c.var;
    const page = pageNumber(c.req.param('name'));
    return servePublicResource(c, {
      version: homePageVersion(services.db),
      type: SITEMAP_TYPE,
      render: () => urlSet(sitemapThreads(services, page, config.sitemapPageSize).map((thread) => ({ url: `${site.baseUrl}${threadPath(thread.id, thread.slug)}`, lastModified: thread.lastPostAt }))),
    });
  });
