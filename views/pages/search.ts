import type { SearchPage, SearchSort, SearchTotal } from '../../src/search/search.js';
import { legacyTime } from '../components/time.js';
import { html, safe, type Html } from '../html.js';

export type SearchProps = SearchPage & {
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
  return html`<form method="get" action="/search" class="search-form" role="search">
  <div class="field">
    <label for="search-q">Search for</label>
    <input id="search-q" type="search" name="q" value="${props.q}" maxlength="200" autofocus>
  </div>
  <div class="field">
    <label for="search-category">Category</label>
    <select id="search-category" name="category">
      <option value="">All categories</option>
      ${props.categories.map((category) =>
        category.slug === props.category ? html`<option value="${category.slug}" selected>${category.name}</option>` : html`<option value="${category.slug}">${category.name}</option>`,
      )}
    </select>
  </div>
  <div class="field">
    <label for="search-author">Posted by</label>
    <input id="search-author" name="author" value="${props.author}" maxlength="20" placeholder="any member">
  </div>
  <div class="field">
    <label for="search-solved">Answered</label>
    <select id="search-solved" name="solved">
      <option value="">Any thread</option>
      <option value="1"${props.solved === true ? html` selected` : ''}>Solved only</option>
      <option value="0"${props.solved === false ? html` selected` : ''}>Unsolved questions</option>
    </select>
  </div>
  <div class="field">
    <label for="search-sort">Order</label>
    <select id="search-sort" name="sort">
      <option value="relevance"${props.sort === 'relevance' ? html` selected` : ''}>Best match</option>
      <option value="newest"${props.sort === 'newest' ? html` selected` : ''}>Newest first</option>
    </select>
  </div>
  <button type="submit">Search</button>
</form>
<p class="hint">Tip: put words in "quotes" to find an exact phrase; end a word with * to match its beginning (charg* finds charger and charging).</p>`;
}

const number = new Intl.NumberFormat('en');

/** How many threads matched, said as precisely as the search knows it. */
function count(total: SearchTotal): Html {
  const results = `${number.format(total.count)} ${total.count === 1 ? 'result' : 'results'}`;
  const said = total.capped ? `More than ${results}` : total.complete ? results : `At least ${results}`;
  return html`${said}${total.complete ? '' : html`<span class="muted"> — counted among the newest matching posts only</span>`}`;
}

function moreMatches(count: number): Html | string {
  if (count === 0) return '';
  return html`<p class="more-matches">and ${number.format(count)} more ${count === 1 ? 'match' : 'matches'} in this thread</p>`;
}

function results(props: SearchProps): Html {
  if (!props.searched) return html``;
  if (props.results.length === 0) {
    return html`<p class="empty">${props.page > 1 ? 'No more results.' : html`Nothing matched “${props.q}”. Try fewer or different words, or <a href="/new">ask the community</a>.`}</p>`;
  }
  const note =
    props.sort === 'relevance' && props.order === 'newest'
      ? html`<p class="hint" role="status">These words are in so many posts that the newest matches are shown first. Add a more specific word to see the best matches.</p>`
      : '';
  return html`${note}<p class="result-count" role="status">${count(props.total)}</p>
<ol class="search-results">${props.results.map(
    (result) => html`<li class="search-result">
  <h2><a href="/p/${result.postId}">${result.thread.title}</a>${result.thread.solved ? html` <span class="tag tag-solved">Solved</span>` : ''}</h2>
  <p class="snippet">${safe(result.snippet)}</p>
  <p class="muted"><a href="/c/${result.category.slug}">${result.category.name}</a> · ${result.author} · ${legacyTime(result.createdAt)}${result.number > 1 ? html` · reply #${result.number}` : ''}</p>
  ${moreMatches(result.moreMatches)}
</li>`,
  )}</ol>
<nav class="pagination" aria-label="More results">
  ${props.page > 1 ? html`<a rel="prev" href="${query(props, props.page - 1)}">← Previous</a>` : ''}
  ${props.hasMore ? html`<a rel="next" href="${query(props, props.page + 1)}">Next →</a>` : ''}
</nav>`;
}

export function searchPage(props: SearchProps): Html {
  return html`<h1>Search the community</h1>
${form(props)}
${results(props)}`;
}
