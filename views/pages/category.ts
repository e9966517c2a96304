import type { Category } from '../../src/forum/categories.js';
import type { ThreadSort, ThreadSummary } from '../../src/forum/thread-list.js';
import type { WatchLevel } from '../../src/db/schema.js';
import { watchForm } from '../components/watch-form.js';
import { html, type Html } from '../html.js';
import { legacyTime } from '../components/time.js';

export type CategoryPageProps = {
  category: Category;
  sort: ThreadSort;
  pinned: ThreadSummary[];
  threads: ThreadSummary[];
  nextCursor: string | null;
  isFirstPage: boolean;
  /** The signed-in member's notification level for this category (never on anonymous, cached pages). */
  watch?: WatchLevel;
};

const sortLabels: Record<ThreadSort, string> = { latest: 'Latest', top: 'Top', unanswered: 'Unanswered', unsolved: 'Unsolved' };

function sortTabs(slug: string, current: ThreadSort, kind: Category['kind']): Html {
  // Only questions can be solved, so "Unsolved" is offered in Q&A categories alone.
  const sorts = (Object.keys(sortLabels) as ThreadSort[]).filter((sort) => sort !== 'unsolved' || kind === 'questions');
  return html`<nav class="tabs" aria-label="Sort threads">${sorts.map((sort) =>
    sort === current
      ? html`<a aria-current="page" href="/c/${slug}${sort === 'latest' ? '' : `?sort=${sort}`}">${sortLabels[sort]}</a>`
      : html`<a href="/c/${slug}${sort === 'latest' ? '' : `?sort=${sort}`}">${sortLabels[sort]}</a>`,
  )}</nav>`;
}

function threadRow(thread: ThreadSummary): Html {
  return html`<li class="thread-row">
  <div class="thread-main">
    <a class="thread-title" href="/t/${thread.id}/${thread.slug}">${thread.title}</a>
    ${thread.pinned ? html`<span class="tag">Pinned</span>` : ''}${thread.locked ? html`<span class="tag">Locked</span>` : ''}${thread.solved ? html`<span class="tag tag-solved">Solved</span>` : ''}
    <p class="muted">Started by ${thread.author} · ${legacyTime(thread.createdAt)}</p>
  </div>
  <div class="thread-stats"><span class="count">${thread.replyCount}</span> ${thread.replyCount === 1 ? 'reply' : 'replies'}</div>
  <div class="thread-activity muted">${thread.lastPoster ? html`${thread.lastPoster}<br>` : ''}${legacyTime(thread.lastPostAt)}</div>
</li>`;
}

export function categoryPage(props: CategoryPageProps): Html {
  const { category, sort } = props;
  const all = [...props.pinned, ...props.threads];
  const sortQuery = sort === 'latest' ? '' : `sort=${sort}&`;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a></nav>
<div class="page-heading">
  <div>
    <h1>${category.name}</h1>
    ${category.description ? html`<p class="lead">${category.description}</p>` : ''}
  </div>
  <a class="button" href="/new?category=${category.slug}">${category.kind === 'questions' ? 'Ask a question' : 'New thread'}</a>
</div>
${props.watch ? watchForm({ action: `/c/${category.slug}/watch`, subject: 'category', state: { level: props.watch, source: 'category' } }) : ''}
${sortTabs(category.slug, sort, category.kind)}
${all.length === 0
  ? html`<p class="empty">${props.isFirstPage
      ? sort === 'unanswered' ? 'Every thread here has a reply. Nice.' : sort === 'unsolved' ? 'Every question here has an accepted answer. Nice.' : 'No threads yet. Be the first to start one.'
      : 'No more threads.'}</p>`
  : html`<ol class="thread-list">${all.map(threadRow)}</ol>`}
<nav class="pagination" aria-label="More threads">
  ${props.isFirstPage ? '' : html`<a href="/c/${category.slug}${sort === 'latest' ? '' : `?sort=${sort}`}">← Back to the newest</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/c/${category.slug}?${sortQuery}before=${props.nextCursor}">Older threads →</a>` : ''}
</nav>`;
}
