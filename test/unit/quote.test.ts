import { describe, expect, it } from 'vitest';
import { quotedSentenceEnd } from '../../src/lib/quote.js';

describe('quotedSentenceEnd', () => {
  it.each([
    ['Off-topic', '“Off-topic”.'],
    ['Please keep it civil here.', '“Please keep it civil here.”'],
    ['Really?', '“Really?”'],
    ['Stop!', '“Stop!”'],
    ['Wait for it…', '“Wait for it…”'],
    ['No “deals”', '“No “deals””'],
    ['No "deals"', '“No "deals"”'],
    ['请不要发广告。', '“请不要发广告。”'],
    ['  Spaced out.  ', '“Spaced out.”'],
    ['(see the rules)', '“(see the rules)”.'],
  ])('%j → %s', (reason, quoted) => {
    expect(quotedSentenceEnd(reason)).toBe(quoted);
  });
});
