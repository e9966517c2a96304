import type { Category } from '../../src/forum/categories.js';
import type { ThreadSort, ThreadSummary } from '../../src/forum/thread-list.js';
import type { WatchLevel } from '../../src/db/schema.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { watchForm } from '../components/watch-form.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { relativeTime } from '../components/time.js';

export type CategoryPageProps = {
  i18n: I18n;
  category: Category;
  sort: ThreadSort;
  pinned: ThreadSummary[];
  threads: ThreadSummary[];
  nextCursor: string | null;
  isFirstPage: boolean;
  /** The signed-in member's notification level for this category (never on anonymous, cached pages). */
  watch?: WatchLevel;
};

const sortLabels: Record<ThreadSort, MessageKey> = { latest: 'category.sortLatest', top: 'category.sortTop', unanswered: 'category.sortUnanswered', unsolved: 'category.sortUnsolved' };

function sortTabs(i18n: I18n, slug: string, current: ThreadSort, kind: Category['kind']): Html {
  // Only questions can be solved, so "Unsolved" is offered in Q&A categories alone.
  const sorts = (Object.keys(sortLabels) as ThreadSort[]).filter((sort) => sort !== 'unsolved' || kind === 'questions');
  return html`<nav class="tabs" aria-label="${i18n.t('category.sortLabel')}">${sorts.map((sort) =>
    sort === current
      ? html`<a aria-current="page" href="/c/${slug}${sort === 'latest' ? '' : `?sort=${sort}`}">${i18n.t(sortLabels[sort])}</a>`
      : html`<a href="/c/${slug}${sort === 'latest' ? '' : `?sort=${sort}`}">${i18n.t(sortLabels[sort])}</a>`,
  )}</nav>`;
}

/** Labels every thread row shows, looked up once per page. */
function rowLabels(i18n: I18n) {
  return { pinned: i18n.t('category.pinned'), locked: i18n.t('category.locked'), solved: i18n.t('category.solved') };
}

const replyCount = (chunks: Html) => html`<span class="count">${chunks}</span>`;

function threadRow(i18n: I18n, thread: ThreadSummary, labels: ReturnType<typeof rowLabels>): Html {
  const author = thread.authorDisplayName === null ? html`<bdi>${thread.author}</bdi>` : html`<bdi>${thread.authorDisplayName}</bdi> <span class="handle">@<bdi>${thread.author}</bdi></span>`;
  const started = rich(i18n, 'category.startedBy', { author, time: relativeTime(i18n, thread.createdAt) });
  return html`<li class="thread-row">
  <div class="thread-main">
    <a class="thread-title" href="/t/${thread.id}/${thread.slug}" dir="auto">${thread.title}</a>
    ${thread.pinned ? html`<span class="tag">${labels.pinned}</span>` : ''}${thread.locked ? html`<span class="tag">${labels.locked}</span>` : ''}${thread.solved ? html`<span class="tag tag-solved">${labels.solved}</span>` : ''}
    <p class="muted">${started}</p>
  </div>
  <div class="thread-stats">${rich(i18n, 'category.replyCount', { count: thread.replyCount, number: replyCount })}</div>
  <div class="thread-activity muted">${thread.lastPoster ? html`<span dir="auto">${thread.lastPoster}</span><br>` : ''}${relativeTime(i18n, thread.lastPostAt)}</div>
</li>`;
}

function emptyText(i18n: I18n, props: CategoryPageProps): string {
  if (!props.isFirstPage) return i18n.t('category.noMoreThreads');
  if (props.sort === 'unanswered') return i18n.t('category.allAnswered');
  if (props.sort === 'unsolved') return i18n.t('category.allSolved');
  return i18n.t('category.noThreadsYet');
}

function morePages(i18n: I18n, props: CategoryPageProps): Html {
  const { category, sort } = props;
  const sortQuery = sort === 'latest' ? '' : `sort=${sort}&`;
  return html`<nav class="pagination" aria-label="${i18n.t('category.moreThreads')}">
  ${props.isFirstPage ? '' : html`<a href="/c/${category.slug}${sort === 'latest' ? '' : `?sort=${sort}`}"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('category.backToNewest')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/c/${category.slug}?${sortQuery}before=${props.nextCursor}">${i18n.t('category.olderThreads')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

export function categoryPage(props: CategoryPageProps): Html {
  const { category, sort, i18n } = props;
  const all = [...props.pinned, ...props.threads];
  const labels = rowLabels(i18n);
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('category.breadcrumbs')}"><a href="/">${i18n.t('category.home')}</a></nav>
<div class="page-heading">
  <div>
    <h1 dir="auto">${category.name}</h1>
    ${category.description ? html`<p class="lead" dir="auto">${category.description}</p>` : ''}
  </div>
  ${category.archived ? '' : html`<a class="button" href="/new?category=${category.slug}">${i18n.t(category.kind === 'questions' ? 'category.askQuestion' : 'category.newThread')}</a>`}
</div>
${category.archived ? html`<p class="notice" role="status">${i18n.t('category.archivedNotice')}</p>` : ''}
${props.watch ? watchForm({ i18n, action: `/c/${category.slug}/watch`, subject: 'category', state: { level: props.watch, source: 'category' } }) : ''}
${sortTabs(i18n, category.slug, sort, category.kind)}
${all.length === 0 ? html`<p class="empty">${emptyText(i18n, props)}</p>` : html`<ol class="thread-list">${all.map((thread) => threadRow(i18n, thread, labels))}</ol>`}
${morePages(i18n, props)}`;
}
