import { describe, expect, it } from 'vitest';
import { censor, findWatchedWords, type WatchedWord } from '../../src/moderation/watched-words.js';

const words: WatchedWord[] = [
  { word: 'bet', action: 'queue' },
  { word: 'free money', action: 'block' },
  { word: 'darn', action: 'censor' },
];

describe('findWatchedWords', () => {
  it.each([
    ['Bet you can', ['bet']],
    ['I bét it works', ['bet']],
    ['BET.', ['bet']],
    ['better luck', []],
    ['the alphabet', []],
    ['a bet_ter idea', []],
    ['get FREE   money now', ['free money']],
    ['freemoney', []],
    ['darn it, DÁRN', ['darn', 'darn']],
  ])('%s → %o', (text, expected) => {
    expect(findWatchedWords(text, words).map((match) => match.word)).toEqual(expected);
  });
});

describe('censor', () => {
  it('masks exactly the censored words as written, accents included', () => {
    const text = 'Oh darn, the DÁRN kettle bet';
    expect(censor(text, findWatchedWords(text, words))).toBe('Oh ■■■■, the ■■■■ kettle bet');
  });

  it('handles decomposed accents and characters outside the BMP around matches', () => {
    const text = '😀 da\u0301rn 😀';
    expect(censor(text, findWatchedWords(text, words))).toBe('😀 ■■■■ 😀');
  });

  it('masks a phrase matched across a long run of white space, one ■ per character', () => {
    const text = `get free${' '.repeat(40_000)}money now`;
    expect(censor(text, findWatchedWords(text, [{ word: 'free money', action: 'censor' }]))).toBe(`get ${'■'.repeat(40_009)} now`);
  });

  it('counts flags, families and accents written apart as one character each', () => {
    const text = 'darn🇫🇷 d\u0301a\u0301rn👩‍👩‍👧 darn';
    const words: WatchedWord[] = [{ word: 'darn🇫🇷', action: 'censor' }, { word: 'darn👩‍👩‍👧', action: 'censor' }];
    expect(censor(text, findWatchedWords(text, words))).toBe('■■■■■ ■■■■■ darn');
  });
});
