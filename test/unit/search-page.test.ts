import { describe, expect, it } from 'vitest';
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
};
const props = (over: Partial<SearchProps>): SearchProps => ({
  results: [result], hasMore: false, page: 1, terms: ['battery'], searched: true, order: 'relevance',
  q: 'battery', sort: 'relevance', category: '', author: '', solved: null, categories: [], ...over,
});

describe('the search page', () => {
  it('says so when words too common to rank are shown newest first', () => {
    expect(searchPage(props({ order: 'newest' })).toString()).toContain('the newest matches are shown first');
    expect(searchPage(props({})).toString()).not.toContain('the newest matches are shown first');
    expect(searchPage(props({ sort: 'newest', order: 'newest' })).toString()).not.toContain('the newest matches are shown first');
  });
});
