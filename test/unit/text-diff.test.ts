import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, elideUnchanged, MAX_CHANGES } from '../../src/lib/text-diff.js';

const side = (parts: ReturnType<typeof diffWords>, kind: 'added' | 'removed') =>
  parts.filter((part) => part.kind !== kind).map((part) => part.text).join('');

describe('diffWords', () => {
  it('marks a changed word between unchanged text, keeping line breaks', () => {
    expect(diffWords('Keep this.\nThe colour is red.', 'Keep this.\nThe colour is green.')).toEqual([
      { kind: 'same', text: 'Keep this.\nThe colour is ' },
      { kind: 'removed', text: 'red.' },
      { kind: 'added', text: 'green.' },
    ]);
  });

  it('finds insertions and deletions in the middle of a text', () => {
    expect(diffWords('one two three four', 'one three four five')).toEqual([
      { kind: 'same', text: 'one ' },
      { kind: 'removed', text: 'two ' },
      { kind: 'same', text: 'three four' },
      { kind: 'added', text: ' five' },
    ]);
  });

  it('always rebuilds both texts, whatever they are', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '\n', 'dé', '🙂'), { maxLength: 60 }).map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(words, words, (before, after) => {
        const parts = diffWords(before, after);
        expect(side(parts, 'added')).toBe(before);
        expect(side(parts, 'removed')).toBe(after);
      }),
    );
  });

  it('shows a rewrite beyond the bound as removed and added whole, quickly', () => {
    const before = Array.from({ length: 5000 }, (_, index) => `old${index}`).join(' ');
    const after = Array.from({ length: 5000 }, (_, index) => `new${index}`).join(' ');
    const parts = diffWords(before, after);
    expect(parts.map((part) => part.kind)).toEqual(['removed', 'added']);
    expect(MAX_CHANGES).toBeLessThan(10_000);
  });

  it('shortens long unchanged stretches around the changes', () => {
    const long = 'x'.repeat(1000);
    const [first] = elideUnchanged([{ kind: 'same', text: long }], 10);
    expect(first!.text).toBe(`${'x'.repeat(10)} … ${'x'.repeat(10)}`);
  });
});
