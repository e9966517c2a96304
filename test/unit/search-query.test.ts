import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/search/query.js';
import { tooCommonToRank } from '../../src/search/search.js';

describe('parseSearchQuery', () => {
  it.each([
    ['battery charger', '"battery" "charger"'],
    ['"error code" E-07', '"error code" "E-07"'],
    ['firm*', '"firm"*'],
    ['AND OR NOT', '"AND" "OR" "NOT"'],
    ['NEAR(a b)', '"NEAR(a" "b)"'],
    ['c++ -x', '"c++" "-x"'],
    ['say "hi', '"say" "hi"'],
    ['it\'s', '"it\'s"'],
  ])('%s → %s', (input, match) => {
    expect(parseSearchQuery(input)?.match).toBe(match);
  });

  it.each([[''], ['   '], ['"'], ['""'], ['*'], ['---'], ['"  "']])('%j gives no query', (input) => {
    expect(parseSearchQuery(input)).toBeNull();
  });

  it('bounds very long input', () => {
    const parsed = parseSearchQuery('word '.repeat(1000));
    expect(parsed?.terms.length).toBeLessThanOrEqual(12);
  });
});

describe('tooCommonToRank', () => {
  it.each([
    // span of the newest 1,000 matches, latest post id, too common?
    [Infinity, 1_000_000, false], // fewer than 1,000 matches: bm25 is cheap
    [2_500, 1_000_000, true], // 40% of recent posts at 1M posts: ~400k matches
    [10_000, 1_000_000, false], // 10%: ranked (the example word is in 12%)
    [6_000, 1_000_000, true], // ~17%
    [2_500, 10_000, false], // 40% of a small community: only ~4k matches, bm25 stays cheap
    [2_500, 200_000, true], // 40% of 200k: 80k matches
  ])('span %d at %d posts → %s', (span, latest, expected) => {
    expect(tooCommonToRank(span, latest)).toBe(expected);
  });
});
