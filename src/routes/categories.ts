import { Hono, type Context } from 'hono';
import { getCategory } from '../forum/categories.js';
import { listThreads, parseCursor, threadSorts, type ThreadSort } from '../forum/thread-list.js';
import { categoryPage } from '../../views/pages/category.js';
import { categoryWatchLevel } from '../notifications/watching.js';
import type { AppEnv } from './env.js';
import { categoryPageVersion } from '../forum/page-versions.js';
import type { ServiceContext } from '../lib/context.js';
import { minuteVersion, pageHtml, sendHtml, servePublic } from './render.js';
import { ideasHtml } from './ideas-list.js';

/** The list shows "3 hours ago": its cached copy turns over every minute as well. */
function categoryVersion(services: ServiceContext, slug: string): string | undefined {
  const version = categoryPageVersion(services.db, slug);
  return version === undefined ? undefined : minuteVersion(version, services.now());
}

export const categoryRoutes = new Hono<AppEnv>().get('/c/:slug', (c) => {
  if (c.get('viewer') === null) {
    const services = c.get('services');
    const slug = c.req.param('slug');
    const version = categoryVersion(services, slug);
    if (version !== undefined) return servePublic(c, version, () => categoryHtml(c), () => categoryVersion(services, slug));
  }
  return sendHtml(c, categoryHtml(c));
});

function categoryHtml(c: Context<AppEnv>): string {
  const i18n = c.get('i18n');
  const category = getCategory(c.get('services'), c.req.param('slug') ?? '');
  if (category.kind === 'ideas') return ideasHtml(c, category);
  const requested = c.req.query('sort') ?? 'latest';
  const known = (threadSorts as readonly string[]).includes(requested) && (requested !== 'unsolved' || category.kind === 'questions');
  const sort: ThreadSort = known ? (requested as ThreadSort) : 'latest';
  const cursor = parseCursor(c.req.query('before'));
  const list = listThreads(c.get('services'), { categoryId: category.id, sort, cursor });
  // Null for visitors: the form is for signed-in pages only, which are never cached.
  const watch = categoryWatchLevel(c.get('services'), c.get('viewer'), category.id);
  return pageHtml(c, categoryPage({ i18n, category, sort, ...list, isFirstPage: cursor === null, ...(watch ? { watch } : {}) }), {
    title: category.name,
    description: category.description || i18n.t('category.description', { name: category.name }),
    canonicalPath: `/c/${category.slug}`,
    feed: { path: `/c/${category.slug}/feed.atom`, title: i18n.t('category.feedTitle', { name: category.name }) },
  });
}
