import { Hono } from 'hono';
import { msg } from '../i18n/message.js';
import { homePageVersion } from '../forum/page-versions.js';
import { sitemapCategories, sitemapPages, sitemapThreads } from '../forum/sitemap.js';
import { NotFound } from '../lib/errors.js';
import { resourceCsp } from '../lib/csp.js';
import { sitemapIndex, urlSet } from '../../views/feeds/sitemap.js';
import type { AppEnv } from './env.js';
import { threadPath } from '../lib/slug.js';
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

function pageNumber(name: string): number {
  const page = Number(/^sitemap-threads-([1-9][0-9]{0,8})\.xml$/.exec(name)?.[1]);
  if (!Number.isSafeInteger(page)) throw new NotFound(msg('feed.noSuchSitemapPage'));
  return page;
}

export const sitemapRoutes = new Hono<AppEnv>()
  .get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Security-Policy', resourceCsp);
    return c.text(robotsText(c.get('site').baseUrl));
  })
  .get('/sitemap.xml', (c) => {
    const services = c.get('services');
    const site = c.get('site');
    return servePublicResource(c, {
      version: homePageVersion(services.db),
      type: SITEMAP_TYPE,
      render: () => {
        const categories = sitemapCategories(services);
        const pages = sitemapPages(services).map(({ page, lastModified }) => ({ url: `${site.baseUrl}/sitemap-threads-${page}.xml`, lastModified }));
        return sitemapIndex([{ url: `${site.baseUrl}/sitemap-categories.xml`, lastModified: newestOf(categories.map((category) => category.lastPostAt)) }, ...pages]);
      },
    });
  })
  .get('/sitemap-categories.xml', (c) => {
    const services = c.get('services');
    const site = c.get('site');
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
    const services = c.get('services');
    const site = c.get('site');
    const page = pageNumber(c.req.param('name'));
    return servePublicResource(c, {
      version: homePageVersion(services.db),
      type: SITEMAP_TYPE,
      render: () => urlSet(sitemapThreads(services, page).map((thread) => ({ url: `${site.baseUrl}${threadPath(thread.id, thread.slug)}`, lastModified: thread.lastPostAt }))),
    });
  });
