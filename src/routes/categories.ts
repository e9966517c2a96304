import { Hono } from 'hono';
import { getCategory } from '../forum/categories.js';
import { listThreads, parseCursor, threadSorts, type ThreadSort } from '../forum/thread-list.js';
import { categoryPage } from '../../views/pages/category.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';

export const categoryRoutes = new Hono<AppEnv>().get('/c/:slug', (c) => {
  const category = getCategory(c.var.services, c.req.param('slug'));
  const requested = c.req.query('sort') ?? 'latest';
  const sort: ThreadSort = (threadSorts as readonly string[]).includes(requested) ? (requested as ThreadSort) : 'latest';
  const cursor = parseCursor(c.req.query('before'));
  const list = listThreads(c.var.services, { categoryId: category.id, sort, cursor });
  return renderPage(c, categoryPage({ category, sort, ...list, isFirstPage: cursor === null }), {
    title: category.name,
    description: category.description || `Threads about ${category.name}.`,
    canonicalPath: `/c/${category.slug}`,
  });
});
