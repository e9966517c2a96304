import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/search/query.js';

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
