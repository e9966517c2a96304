import { describe, expect, it } from 'vitest';
import { I18n, localeFormat } from '../../src/i18n/translator.js';
import type { SafeHtml } from '../../src/lib/safe-html.js';
import { searchPage, type SearchProps } from '../../views/pages/search.js';

const result = {
  postId: 7,
  number: 2,
  createdAt: Date.UTC(2026, 0, 5),
  snippet: 'the <mark>battery</mark> again' as SafeHtml,
  thread: { id: 3, title: 'Battery', slug: 'battery', solved: false },
  category: { slug: 'bikes', name: 'Bikes' },
  author: 'mia',
  moreMatches: 0,
};
const i18n = new I18n(localeFormat('en', 'UTC'), Date.UTC(2026, 0, 6));
const props = (over: Partial<SearchProps>): SearchProps => ({
  i18n,
  results: [result], hasMore: false, page: 1, terms: ['battery'], searched: true, order: 'relevance', total: { count: 1, capped: false, complete: true },
  q: 'battery', sort: 'relevance', category: '', author: '', solved: null, categories: [], ...over,
});

describe('the search page', () => {
  it('says so when words too common to rank are shown newest first', () => {
    expect(searchPage(props({ order: 'newest' })).toString()).toContain('the newest matches are shown first');
    expect(searchPage(props({})).toString()).not.toContain('the newest matches are shown first');
    expect(searchPage(props({ sort: 'newest', order: 'newest' })).toString()).not.toContain('the newest matches are shown first');
  });
});

describe('the number of results', () => {
  const count = (total: SearchProps['total']) => /<p class="result-count" role="status">(.*?)<\/p>/.exec(searchPage(props({ total })).toString())?.[1];

  it('is exact when every match was read, and says so when it was capped or partial', () => {
    expect(count({ count: 1, capped: false, complete: true })).toBe('1 result');
    expect(count({ count: 23, capped: false, complete: true })).toBe('23 results');
    expect(count({ count: 1234, capped: false, complete: true })).toBe('1,234 results');
    expect(count({ count: 500, capped: true, complete: true })).toBe('More than 500 results');
    expect(count({ count: 500, capped: true, complete: false })).toBe('More than 500 results<span class="muted"> — counted among the newest matching posts only</span>');
    expect(count({ count: 120, capped: false, complete: false })).toBe('At least 120 results<span class="muted"> — counted among the newest matching posts only</span>');
  });

  it('tells how many more posts of a thread matched', () => {
    expect(searchPage(props({ results: [{ ...result, moreMatches: 1 }] })).toString()).toContain('and 1 more match in this thread');
    expect(searchPage(props({ results: [{ ...result, moreMatches: 4 }] })).toString()).toContain('and 4 more matches in this thread');
    expect(searchPage(props({})).toString()).not.toContain('more match');
  });
});
