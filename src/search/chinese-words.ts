import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// Chinese is written without spaces, so its words come from a dictionary segmenter: jieba (the
// approach Discourse takes with cppjieba), which measured better than Intl.Segmenter here (ADR 0029).
// Its dictionary costs ~176 ms and ~50 MB per thread, so it is loaded on the first Chinese text a
// thread meets, once: English-only communities never pay for it.
//
// HMM guessing of unknown words is off: it joins characters differently depending on their
// neighbours ("保修期内换电池" gives 内换), so a word typed alone in a query could be cut otherwise
// than the same word inside a post. Without it, unknown words fall apart into single characters,
// the same way in both.

let segmenter: Jieba | undefined;

function jieba(): Jieba {
  if (!segmenter) {
    // Loaded on demand through require. The dictionary file is read directly: the package's dict
    // module also reads a keyword-weight file that segmenting never uses.
    const require = createRequire(import.meta.url);
    const { Jieba: Segmenter } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    segmenter = Segmenter.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  }
  return segmenter;
}

/** Has this thread loaded the dictionary? (For tests and diagnostics.) */
export function chineseDictionaryLoaded(): boolean {
  return segmenter !== undefined;
}

/** The words of a run of Chinese characters, in order. */
export function chineseWords(run: string): string[] {
  return jieba().cut(run, false);
}

/**
 * The words of a run plus the shorter dictionary words inside its long ones (充电器 holds 充电 and
 * 电器), which a search for the shorter word should find. The inner words are returned apart, not
 * interleaved: phrases match consecutive words, and 电动 must stay next to 自行车.
 */
export function chineseWordsWithInner(run: string): { words: string[]; inner: string[] } {
  const words = chineseWords(run);
  if (!words.some((word) => word.length > 2)) return { words, inner: [] };
  const seen = new Set(words);
  const inner = jieba().cutForSearch(run, false).filter((word) => !seen.has(word));
  return { words, inner };
}
