import { Hono, type Context } from 'hono';
import { getCategory } from '../forum/categories.js';
import { listThreads, parseCursor, threadSorts, type ThreadSort } from '../forum/thread-list.js';
import { categoryPage } from '../../views/pages/category.js';
import { categoryWatchLevel } from '../notifications/watching.js';
import type { AppEnv } from './env.js';
import { categoryPageVersion } from '../forum/page-versions.js';
import { pageHtml, sendHtml, servePublic } from './render.js';

export const categoryRoutes = new Hono<AppEnv>().get('/c/:slug', (c) => {
  if (c.var.viewer === null) {
    const { db } = c.var.services;
    const slug = c.req.param('slug');
    const version = categoryPageVersion(db, slug);
    if (version !== undefined) return servePublic(c, version, () => categoryHtml(c), () => categoryPageVersion(db, slug));
  }
  return sendHtml(c, categoryHtml(c));
});

function categoryHtml(c: Context<AppEnv>): string {
  const category = getCategory(c.var.services, c.req.param('slug') ?? '');
  const requested = c.req.query('sort') ?? 'latest';
  const known = (threadSorts as readonly string[]).includes(requested) && (requested !== 'unsolved' || category.kind === 'questions');
  const sort: ThreadSort = known ? (requested as ThreadSort) : 'latest';
  const cursor = parseCursor(c.req.query('before'));
  const list = listThreads(c.var.services, { categoryId: category.id, sort, cursor });
  // Null for visitors: the form is for signed-in pages only, which are never cached.
  const watch = categoryWatchLevel(c.var.services, c.var.viewer, category.id);
  return pageHtml(c, categoryPage({ category, sort, ...list, isFirstPage: cursor === null, ...(watch ? { watch } : {}) }), {
    title: category.name,
    description: category.description || `Threads about ${category.name}.`,
    canonicalPath: `/c/${category.slug}`,
    feed: { path: `/c/${category.slug}/feed.atom`, title: `${category.name}: newest threads` },
  });
}
