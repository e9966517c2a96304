import type { Category } from '../../src/forum/categories.js';
import type { IdeaListItem, IdeaSort } from '../../src/ideas/idea-list.js';
import type { IdeaStatus } from '../../src/ideas/statuses.js';
import type { WatchLevel } from '../../src/db/schema.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { watchForm } from '../components/watch-form.js';
import { ideaStatusBadge, ideaStatusName, ideaVotesBadge } from '../components/idea-status.js';
import { relativeTime } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

// An ideas board: ideas with their votes and status, sorted by votes, newest or status, and
// filtered by status. The same for every reader (the viewer's own votes are on each idea's page).

export type IdeasCategoryProps = {
  i18n: I18n;
  category: Category & { voteLimit: number | null };
  sort: IdeaSort;
  status: string | null;
  statuses: IdeaStatus[];
  ideas: IdeaListItem[];
  nextCursor: string | null;
  isFirstPage: boolean;
  watch?: WatchLevel;
};

const sortLabels: Record<IdeaSort, MessageKey> = { votes: 'ideas.sortVotes', new: 'ideas.sortNew', status: 'ideas.sortStatus' };

/** The list's address with this sort and status filter (the defaults left out). */
export function ideasPath(slug: string, sort: IdeaSort, status: string | null, before?: string): string {
  const query = [sort === 'votes' ? '' : `sort=${sort}`, status === null ? '' : `status=${encodeURIComponent(status)}`, before ? `before=${before}` : ''].filter(Boolean).join('&');
  return `/c/${slug}${query ? `?${query}` : ''}`;
}

const current = (yes: boolean) => (yes ? html` aria-current="page"` : '');

function sortTabs(props: IdeasCategoryProps): Html {
  const { i18n, category } = props;
  return html`<nav class="tabs" aria-label="${i18n.t('ideas.sortLabel')}">${(Object.keys(sortLabels) as IdeaSort[]).map(
    (sort) => html`<a href="${ideasPath(category.slug, sort, props.status)}"${current(sort === props.sort)}>${i18n.t(sortLabels[sort])}</a>`,
  )}</nav>`;
}

function statusFilter(props: IdeasCategoryProps): Html {
  const { i18n, category } = props;
  return html`<nav class="tabs idea-filter" aria-label="${i18n.t('ideas.filterLabel')}"><a href="${ideasPath(category.slug, props.sort, null)}"${current(props.status === null)}>${i18n.t('ideas.allStatuses')}</a>${props.statuses.map(
    (status) => html`<a href="${ideasPath(category.slug, props.sort, status.key)}"${current(status.key === props.status)}>${ideaStatusName(i18n, status)}</a>`,
  )}</nav>`;
}

const replyCount = (chunks: Html) => html`<span class="count">${chunks}</span>`;

function ideaRow(i18n: I18n, idea: IdeaListItem): Html {
  const started = rich(i18n, 'category.startedBy', { author: html`<bdi>${idea.author}</bdi>`, time: relativeTime(i18n, idea.createdAt) });
  return html`<li class="thread-row idea-row">
  <div class="idea-score">${ideaVotesBadge(i18n, idea.votes)}</div>
  <div class="thread-main">
    <a class="thread-title" href="/t/${idea.id}/${idea.slug}" dir="auto">${idea.title}</a>
    ${ideaStatusBadge(i18n, idea.status)}
    <p class="muted">${started}</p>
  </div>
  <div class="thread-stats">${rich(i18n, 'category.replyCount', { count: idea.replyCount, number: replyCount })}</div>
</li>`;
}

function morePages(props: IdeasCategoryProps): Html {
  const { i18n, category } = props;
  if (props.isFirstPage && !props.nextCursor) return html``;
  return html`<nav class="pagination" aria-label="${i18n.t('ideas.more')}">
  ${props.isFirstPage ? '' : html`<a href="${ideasPath(category.slug, props.sort, props.status)}"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('category.backToNewest')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="${ideasPath(category.slug, props.sort, props.status, props.nextCursor)}">${i18n.t('ideas.more')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

export function ideasCategoryPage(props: IdeasCategoryProps): Html {
  const { category, i18n } = props;
  const empty = props.status === null ? i18n.t('ideas.empty') : i18n.t('ideas.emptyFilter');
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('category.breadcrumbs')}"><a href="/">${i18n.t('category.home')}</a></nav>
<div class="page-heading">
  <div>
    <h1 dir="auto">${category.name}</h1>
    ${category.description ? html`<p class="lead" dir="auto">${category.description}</p>` : ''}
    ${category.voteLimit !== null ? html`<p class="hint">${i18n.t('ideas.voteLimitHint', { limit: category.voteLimit })}</p>` : ''}
  </div>
  ${category.archived ? '' : html`<a class="button" href="/new?category=${category.slug}">${i18n.t('ideas.propose')}</a>`}
</div>
${category.archived ? html`<p class="notice" role="status">${i18n.t('category.archivedNotice')}</p>` : ''}
${props.watch ? watchForm({ i18n, action: `/c/${category.slug}/watch`, subject: 'category', state: { level: props.watch, source: 'category' } }) : ''}
${sortTabs(props)}
${statusFilter(props)}
${props.ideas.length === 0 ? html`<p class="empty">${empty}</p>` : html`<ol class="thread-list idea-list">${props.ideas.map((idea) => ideaRow(i18n, idea))}</ol>`}
${morePages(props)}`;
}
