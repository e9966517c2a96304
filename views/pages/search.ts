import type { I18n } from '../../src/i18n/translator.js';
import type { SearchPage, SearchSort, SearchTotal } from '../../src/search/search.js';
import { relativeTime } from '../components/time.js';
import { ideaStatusBadge } from '../components/idea-status.js';
import { html, safe, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type SearchProps = SearchPage & {
  i18n: I18n;
  q: string;
  sort: SearchSort;
  category: string;
  author: string;
  solved: boolean | null;
  categories: { slug: string; name: string }[];
};

function query(props: SearchProps, page: number): string {
  const params = new URLSearchParams({ q: props.q });
  if (props.sort !== 'relevance') params.set('sort', props.sort);
  if (props.category) params.set('category', props.category);
  if (props.author) params.set('author', props.author);
  if (props.solved !== null) params.set('solved', props.solved ? '1' : '0');
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

function form(props: SearchProps): Html {
  const { i18n } = props;
  const selected = (on: boolean) => (on ? html` selected` : '');
  return html`<form method="get" action="/search" class="search-form" role="search">
  <div class="field">
    <label for="search-q">${i18n.t('search.searchFor')}</label>
    <input id="search-q" type="search" name="q" value="${props.q}" maxlength="200" dir="auto" autofocus>
  </div>
  <div class="field">
    <label for="search-category">${i18n.t('search.category')}</label>
    <select id="search-category" name="category">
      <option value="">${i18n.t('search.allCategories')}</option>
      ${props.categories.map((category) =>
        category.slug === props.category ? html`<option value="${category.slug}" selected>${category.name}</option>` : html`<option value="${category.slug}">${category.name}</option>`,
      )}
    </select>
  </div>
  <div class="field">
    <label for="search-author">${i18n.t('search.postedBy')}</label>
    <input id="search-author" name="author" value="${props.author}" maxlength="20" placeholder="${i18n.t('search.anyMember')}" dir="auto">
  </div>
  <div class="field">
    <label for="search-solved">${i18n.t('search.answered')}</label>
    <select id="search-solved" name="solved">
      <option value="">${i18n.t('search.anyThread')}</option>
      <option value="1"${selected(props.solved === true)}>${i18n.t('search.solvedOnly')}</option>
      <option value="0"${selected(props.solved === false)}>${i18n.t('search.unsolvedOnly')}</option>
    </select>
  </div>
  <div class="field">
    <label for="search-sort">${i18n.t('search.order')}</label>
    <select id="search-sort" name="sort">
      <option value="relevance"${selected(props.sort === 'relevance')}>${i18n.t('search.bestMatch')}</option>
      <option value="newest"${selected(props.sort === 'newest')}>${i18n.t('search.newestFirst')}</option>
    </select>
  </div>
  <button type="submit">${i18n.t('search.submit')}</button>
</form>
<p class="hint">${i18n.t('search.tip')}</p>`;
}

const muted = (text: Html) => html`<span class="muted">${text}</span>`;

/** How many threads matched, said as precisely as the search knows it. */
function count(i18n: I18n, total: SearchTotal): Html | string {
  const { count } = total;
  if (total.complete) return i18n.t(total.capped ? 'search.countMoreThan' : 'search.count', { count });
  return rich(i18n, total.capped ? 'search.countMoreThanPartial' : 'search.countAtLeastPartial', { count, muted });
}

function moreMatches(i18n: I18n, count: number): Html | string {
  if (count === 0) return '';
  return html`<p class="more-matches">${i18n.t('search.moreMatches', { count })}</p>`;
}

function empty(props: SearchProps): Html {
  const { i18n } = props;
  if (props.page > 1) return html`<p class="empty">${i18n.t('search.noMore')}</p>`;
  const link = (text: Html) => html`<a href="/new">${text}</a>`;
  return html`<p class="empty">${rich(i18n, 'search.nothingMatched', { query: html`<bdi>${props.q}</bdi>`, link })}</p>`;
}

function result(i18n: I18n, result: SearchProps['results'][number], solved: string): Html {
  return html`<li class="search-result">
  <h2><a href="/p/${result.postId}" dir="auto">${result.thread.title}</a>${result.thread.solved ? html` <span class="tag tag-solved">${solved}</span>` : ''}${result.thread.ideaStatus ? html` ${ideaStatusBadge(i18n, result.thread.ideaStatus)}` : ''}</h2>
  <p class="snippet" dir="auto">${safe(result.snippet)}</p>
  <p class="muted"><a href="/c/${result.category.slug}" dir="auto">${result.category.name}</a> · <bdi>${result.author}</bdi> · ${relativeTime(i18n, result.createdAt)}${result.number > 1 ? html` · ${i18n.t('search.replyNumber', { number: result.number })}` : ''}</p>
  ${moreMatches(i18n, result.moreMatches)}
</li>`;
}

function results(props: SearchProps): Html {
  const { i18n } = props;
  if (!props.searched) return html``;
  if (props.results.length === 0) return empty(props);
  const note = props.sort === 'relevance' && props.order === 'newest' ? html`<p class="hint" role="status">${i18n.t('search.newestFirstNote')}</p>` : '';
  const solved = i18n.t('search.solved');
  return html`${note}<p class="result-count" role="status">${count(i18n, props.total)}</p>
<ol class="search-results">${props.results.map((found) => result(i18n, found, solved))}</ol>
<nav class="pagination" aria-label="${i18n.t('search.moreResults')}">
  ${props.page > 1 ? html`<a rel="prev" href="${query(props, props.page - 1)}"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('pagination.previous')}</a>` : ''}
  ${props.hasMore ? html`<a rel="next" href="${query(props, props.page + 1)}">${i18n.t('pagination.next')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

export function searchPage(props: SearchProps): Html {
  return html`<h1>${props.i18n.t('search.heading')}</h1>
${form(props)}
${results(props)}`;
}
