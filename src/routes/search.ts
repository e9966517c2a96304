import { Hono } from 'hono';
import { listCategoryChoices } from '../forum/categories.js';
import { searchPosts, searchSorts, type SearchSort } from '../search/search.js';
import { searchPage } from '../../views/pages/search.js';
import type { AppEnv } from './env.js';
import { limitSearch } from './limits.js';
import { renderPage } from './render.js';

export const searchRoutes = new Hono<AppEnv>().get('/search', (c) => {
  const q = (c.req.query('q') ?? '').slice(0, 1000);
  const requested = c.req.query('sort') ?? 'relevance';
  const sort: SearchSort = (searchSorts as readonly string[]).includes(requested) ? (requested as SearchSort) : 'relevance';
  const pageParam = Number(c.req.query('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const category = c.req.query('category') ?? '';
  const author = (c.req.query('author') ?? '').trim().slice(0, 40);
  const solvedParam = c.req.query('solved');
  const solved = solvedParam === '1' ? true : solvedParam === '0' ? false : null;
  if (q.trim()) limitSearch(c);
  const found = searchPosts(c.get('services'), { q, sort, page, category, author, solved });
  const categories = listCategoryChoices(c.get('services'));
  const i18n = c.get('i18n');
  return renderPage(c, searchPage({ ...found, i18n, q, sort, category, author, solved, categories }), {
    title: q ? i18n.t('search.pageTitleWithQuery', { query: q.slice(0, 60) }) : i18n.t('search.pageTitle'),
  });
});
