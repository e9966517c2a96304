import { normalizeArabic, stemArabic } from './arabic.js';
import { chineseWords, chineseWordsWithInner } from './chinese-words.js';

// One analyzer for what is indexed and what is searched (ADR 0029), so a word meets itself however
// it was written. Its output is text for the index's own tokenizer (`porter unicode61
// remove_diacritics 2`, migration 0003), which still splits on spaces and punctuation, lower-cases,
// drops Latin diacritics and stems English. The analyzer does only what that tokenizer cannot:
// - Chinese runs are cut into words (chinese-words.ts), separated by spaces;
// - Arabic words are normalized and lightly stemmed (arabic.ts);
// - Turkish İ and ı become i, so I, İ, ı and i meet (the tokenizer lower-cases I to i already).
// Linear in the text: one pass of one pattern, each match analyzed on its own.

const PIECES = /(\p{sc=Han}+)|((?:(?=[\p{L}\p{M}\p{N}\u0640])\p{scx=Arabic})+)|([İı])/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function analyze(text: string, onChinese: (run: string) => string): string {
  // Most English text has nothing to analyze: it is indexed exactly as before.
  if (ASCII_ONLY.test(text)) return text;
  return text.normalize('NFKC').replace(PIECES, (_piece, chinese: string | undefined, arabic: string | undefined) => {
    if (chinese) return ` ${onChinese(chinese)} `;
    if (arabic) return stemArabic(normalizeArabic(arabic));
    return 'i';
  });
}

/**
 * A post body or a title as the index stores it. Inner Chinese words (充电 in 充电器) follow the
 * text on a line of their own, so they are found alone while phrases still see the text's words in
 * their order.
 */
export function analyzeForIndex(text: string): string {
  const inner: string[] = [];
  const analyzed = analyze(text, (run) => {
    const cut = chineseWordsWithInner(run);
    inner.push(...cut.inner);
    return cut.words.join(' ');
  });
  return inner.length === 0 ? analyzed : `${analyzed}\n${[...new Set(inner)].join(' ')}`;
}

/** A query word or phrase as the index stores it: several words come out for a phrase of them. */
export function analyzeQuery(text: string): string {
  return analyze(text, (run) => chineseWords(run).join(' '));
}

/** The words of analyzed text, lower-cased, as the index's tokenizer separates them. */
export function analyzedWords(analyzed: string): string[] {
  return analyzed
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
