import type { QueueItem } from '../../src/moderation/queue.js';
import { flagReasonLabels, modNav } from '../components/mod-nav.js';
import { reasonPicker, reviewItem, type ReasonDraft } from '../components/review-item.js';
import { html, type Html } from '../html.js';

export type QueueFilterValues = { kind: string; category: string; reason: string; order: string };

export type ModQueueProps = {
  items: QueueItem[];
  nextCursor: string | null;
  isFirstPage: boolean;
  isAdmin: boolean;
  filters: QueueFilterValues;
  /** The filters as a query string (no cursor), for links and for returning here after a decision. */
  filterQuery: string;
  /** The current page's query string (filters and cursor), where a decision returns to. */
  pageQuery: string;
  categories: { id: number; name: string }[];
  /** A decision that came back with an error: which item (or the bulk form), and what was typed. */
  failed?: { itemId: number | 'bulk'; action: string; draft: ReasonDraft; message?: string; selected?: number[] };
};

function options(current: string, choices: [string, string][]): Html[] {
  return choices.map(([value, label]) => (value === current ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`));
}

function filterForm(props: ModQueueProps): Html {
  const { filters } = props;
  return html`<form method="get" action="/mod/queue" class="filter-form" aria-label="Filter the queue">
  <label>Show <select name="kind">${options(filters.kind, [['', 'Everything'], ['approval', 'Waiting for approval'], ['edit', 'Edits waiting for review'], ['flag', 'Flagged posts']])}</select></label>
  <label>Category <select name="category">${options(filters.category, [['', 'All my categories'], ...props.categories.map((category): [string, string] => [String(category.id), category.name])])}</select></label>
  <label>Flag reason <select name="reason">${options(filters.reason, [['', 'Any'], ...Object.entries(flagReasonLabels)])}</select></label>
  <label>Order <select name="order">${options(filters.order, [['oldest', 'Oldest first'], ['newest', 'Newest first']])}</select></label>
  <button type="submit" class="button-secondary">Show</button>
</form>`;
}

/** Approve or reject the ticked items together; checkboxes in each item belong to this form. */
function bulkForm(props: ModQueueProps): Html {
  if (!props.items.some((item) => item.kind !== 'flag')) return html``;
  const failed = props.failed?.itemId === 'bulk' ? props.failed : undefined;
  return html`<form method="post" action="/mod/queue/bulk" id="bulk-form" class="bulk-form">
  <input type="hidden" name="back" value="${props.pageQuery}">
  <p><strong>Several at once:</strong> tick the waiting posts and edits below, then approve or reject them together.</p>
  ${failed?.message ? html`<p class="field-error" role="alert">${failed.message}</p>` : ''}
  <button type="submit" name="action" value="approve">Approve selected</button>
  <details${failed?.action === 'reject' ? html` open` : ''}>
    <summary>Reject selected…</summary>
    ${reasonPicker('bulk', 'One reason for all of them (each author sees it):', failed?.action === 'reject' ? failed.draft : undefined)}
    <button type="submit" name="action" value="reject" class="button-secondary danger">Reject selected</button>
  </details>
</form>`;
}

function emptyMessage(props: ModQueueProps): string {
  if (!props.isFirstPage) return 'No more items on this page. Go back to the start of the queue to see anything new.';
  return props.filterQuery ? 'Nothing matches these filters right now.' : 'The queue is empty: nothing is waiting for approval and no post is flagged. Thank you!';
}

export function modQueuePage(props: ModQueueProps): Html {
  const failed = props.failed;
  return html`<h1>Review queue</h1>
${modNav('queue', props.isAdmin)}
<p class="lead">Posts waiting for approval, edits to published posts waiting for review, and posts members flagged. Each decision is recorded in the audit log, and the author is told.</p>
${filterForm(props)}
${bulkForm(props)}
${props.items.length === 0
  ? html`<p class="empty">${emptyMessage(props)}</p>`
  : html`<div class="review-list">${props.items.map((item) =>
      reviewItem(item, {
        back: props.pageQuery,
        selected: failed?.selected?.includes(item.id) ?? false,
        failed: failed && failed.itemId === item.id ? { action: failed.action, draft: failed.draft } : undefined,
      }),
    )}</div>`}
<nav class="pagination" aria-label="More items">
  ${props.isFirstPage ? '' : html`<a href="/mod/queue${props.filterQuery ? `?${props.filterQuery}` : ''}">← Start of the queue</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/mod/queue?${props.filterQuery ? `${props.filterQuery}&` : ''}after=${props.nextCursor}">Next items →</a>` : ''}
</nav>`;
}
