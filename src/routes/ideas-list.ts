import type { Context } from 'hono';
import type { Category } from '../forum/categories.js';
import { ideaSorts, ideaVoteLimit, listIdeas, parseIdeaCursor, type IdeaSort } from '../ideas/idea-list.js';
import { listIdeaStatuses } from '../ideas/statuses.js';
import { categoryWatchLevel } from '../notifications/watching.js';
import { ideasCategoryPage } from '../../views/pages/ideas-category.js';
import type { AppEnv } from './env.js';
import { pageHtml } from './render.js';

/** An ideas board's page (`?sort=votes|new|status`, `?status=<key>`), cached for visitors like any category's. */
export function ideasHtml(c: Context<AppEnv>, category: Category): string {
  const services = c.get('services');
  const i18n = c.get('i18n');
  const requested = c.req.query('sort') ?? 'votes';
  const sort: IdeaSort = (ideaSorts as readonly string[]).includes(requested) ? (requested as IdeaSort) : 'votes';
  const statuses = listIdeaStatuses(services.db);
  const wanted = c.req.query('status') ?? null;
  const status = statuses.some((known) => known.key === wanted) ? wanted : null;
  const cursor = parseIdeaCursor(sort, c.req.query('before'));
  const list = listIdeas(services, { categoryId: category.id, sort, status, cursor });
  const watch = categoryWatchLevel(services, c.get('viewer'), category.id);
  const props = { i18n, category: { ...category, voteLimit: ideaVoteLimit(services, category.id) }, sort, status, statuses, ...list, isFirstPage: cursor === null, ...(watch ? { watch } : {}) };
  return pageHtml(c, ideasCategoryPage(props), {
    title: category.name,
    description: category.description || i18n.t('category.description', { name: category.name }),
    canonicalPath: `/c/${category.slug}`,
    feed: { path: `/c/${category.slug}/feed.atom`, title: i18n.t('category.feedTitle', { name: category.name }) },
  });
}
