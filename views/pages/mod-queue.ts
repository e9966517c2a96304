import type { I18n } from '../../src/i18n/translator.js';
import type { QueueItem } from '../../src/moderation/queue.js';
import { flagReasonOptions, modNav } from '../components/mod-nav.js';
import { reasonPicker, reviewItem, type ReasonDraft } from '../components/review-item.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type QueueFilterValues = { kind: string; category: string; reason: string; order: string };

export type ModQueueProps = {
  i18n: I18n;
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

const arrow = (glyph: string) => html`<span class="direction-arrow" aria-hidden="true">${glyph}</span>`;

function options(current: string, choices: [string, string][]): Html[] {
  return choices.map(([value, label]) => (value === current ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`));
}

function filterForm(props: ModQueueProps): Html {
  const { filters, i18n } = props;
  const kinds: [string, string][] = [['', i18n.t('queue.kindAll')], ['approval', i18n.t('queue.kindApproval')], ['edit', i18n.t('queue.kindEdit')], ['flag', i18n.t('queue.kindFlag')]];
  const categories: [string, string][] = [['', i18n.t('queue.allCategories')], ...props.categories.map((category): [string, string] => [String(category.id), category.name])];
  return html`<form method="get" action="/mod/queue" class="filter-form" aria-label="${i18n.t('queue.filterLabel')}">
  <label>${i18n.t('queue.show')} <select name="kind">${options(filters.kind, kinds)}</select></label>
  <label>${i18n.t('queue.category')} <select name="category">${options(filters.category, categories)}</select></label>
  <label>${i18n.t('queue.flagReason')} <select name="reason">${options(filters.reason, [['', i18n.t('queue.anyReason')], ...flagReasonOptions(i18n)])}</select></label>
  <label>${i18n.t('queue.order')} <select name="order">${options(filters.order, [['oldest', i18n.t('queue.oldestFirst')], ['newest', i18n.t('queue.newestFirst')]])}</select></label>
  <button type="submit" class="button-secondary">${i18n.t('queue.apply')}</button>
</form>`;
}

/** Approve or reject the ticked items together; checkboxes in each item belong to this form. */
function bulkForm(props: ModQueueProps): Html {
  if (!props.items.some((item) => item.kind !== 'flag')) return html``;
  const { i18n } = props;
  const failed = props.failed?.itemId === 'bulk' ? props.failed : undefined;
  return html`<form method="post" action="/mod/queue/bulk" id="bulk-form" class="bulk-form">
  <input type="hidden" name="back" value="${props.pageQuery}">
  <p>${rich(i18n, 'queue.bulkIntro', { strong: (text) => html`<strong>${text}</strong>` })}</p>
  ${failed?.message ? html`<p class="field-error" role="alert">${failed.message}</p>` : ''}
  <button type="submit" name="action" value="approve">${i18n.t('queue.approveSelected')}</button>
  <details${failed?.action === 'reject' ? html` open` : ''}>
    <summary>${i18n.t('queue.rejectSelectedOpen')}</summary>
    ${reasonPicker(i18n, 'bulk', i18n.t('queue.bulkReasonLegend'), failed?.action === 'reject' ? failed.draft : undefined)}
    <button type="submit" name="action" value="reject" class="button-secondary danger">${i18n.t('queue.rejectSelected')}</button>
  </details>
</form>`;
}

function emptyMessage(props: ModQueueProps): string {
  const { i18n } = props;
  if (!props.isFirstPage) return i18n.t('queue.noMoreItems');
  return props.filterQuery ? i18n.t('queue.noMatches') : i18n.t('queue.empty');
}

export function modQueuePage(props: ModQueueProps): Html {
  const { failed, i18n } = props;
  return html`<h1>${i18n.t('modNav.queue')}</h1>
${modNav(i18n, 'queue', props.isAdmin)}
<p class="lead">${i18n.t('queue.lead')}</p>
${filterForm(props)}
${bulkForm(props)}
${props.items.length === 0
  ? html`<p class="empty">${emptyMessage(props)}</p>`
  : html`<div class="review-list">${props.items.map((item) =>
      reviewItem(i18n, item, {
        back: props.pageQuery,
        selected: failed?.selected?.includes(item.id) ?? false,
        failed: failed && failed.itemId === item.id ? { action: failed.action, draft: failed.draft } : undefined,
      }),
    )}</div>`}
<nav class="pagination" aria-label="${i18n.t('queue.moreItems')}">
  ${props.isFirstPage ? '' : html`<a href="/mod/queue${props.filterQuery ? `?${props.filterQuery}` : ''}">${arrow('←')} ${i18n.t('queue.startOfQueue')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/mod/queue?${props.filterQuery ? `${props.filterQuery}&` : ''}after=${props.nextCursor}">${i18n.t('queue.nextItems')} ${arrow('→')}</a>` : ''}
</nav>`;
}
