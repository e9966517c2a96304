import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { normalizeArabic, normalizeArabicCharacter, stemArabic } from './arabic.js';
import { chineseWords } from './chinese-words.js';

// Search result excerpts with the matched words marked, in every script (ADR 0029). The text and
// the query's words are folded alike (lower case, Latin diacritics dropped, I/İ/ı/i made one, Arabic
// spelling variants made one and its optional marks left out), and where a word is found in the
// folded text, the characters it came from are marked.

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char]!);

/** Folded text; `origin[i]`: where in the original its unit i came from (null: the same place). */
type Folded = { text: string; origin: number[] | null };

function foldCharacter(char: string): string {
  if (char === 'İ' || char === 'ı') return 'i';
  const code = char.codePointAt(0)!;
  if (code >= 0x0600 && code <= 0x06ff) return normalizeArabicCharacter(char);
  return char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Linear: one pass, each distinct non-ASCII character folded once. */
function fold(text: string): Folded {
  if (/^[\x00-\x7f]*$/.test(text)) return { text: text.toLowerCase(), origin: null };
  const seen = new Map<string, string>();
  const parts: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    let folded: string;
    if (char.length === 1 && char.charCodeAt(0) < 0x80) folded = char.toLowerCase();
    else {
      folded = seen.get(char) ?? foldCharacter(char);
      seen.set(char, folded);
    }
    parts.push(folded);
    for (let unit = 0; unit < folded.length; unit++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { text: parts.join(''), origin };
}

const at = (folded: Folded, unit: number) => (folded.origin ? folded.origin[unit]! : unit);

/** How far a found word's mark reaches: the word alone, on to the end of its word, or its whole word. */
type Reach = 'exact' | 'to-word-end' | 'whole-word';
type Key = { text: string; reach: Reach };

const suffixes = ['ations', 'ation', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 's', 'ly'];

/** The stem a porter-stemmed match probably shares with the text ("descaling" → "descal"). */
function latinStem(word: string): string {
  const suffix = suffixes.find((ending) => word.endsWith(ending) && word.length - ending.length >= 3);
  const stem = suffix ? word.slice(0, -suffix.length) : word;
  return stem.length > 3 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

const PIECES = /(\p{sc=Han}+)|((?:(?=[\p{L}\p{M}\p{N}])\p{scx=Arabic})+)|([\p{L}\p{M}\p{N}]+)/gu;

/** What to look for in the folded text for one query word, by script. */
function keysOf(term: string): Key[] {
  const keys: Key[] = [];
  for (const [, chinese, arabic, other] of term.normalize('NFKC').matchAll(PIECES)) {
    if (chinese) {
      // The run as typed, and its longer words: single characters (的, 了) would mark too much.
      keys.push({ text: chinese, reach: 'exact' });
      for (const word of chineseWords(chinese)) if (word.length > 1 && word !== chinese) keys.push({ text: word, reach: 'exact' });
    } else if (arabic) {
      // The article and particles are attached: the stem is marked with the whole word around it.
      keys.push({ text: stemArabic(normalizeArabic(arabic)), reach: 'whole-word' });
    } else if (other) keys.push({ text: latinStem(fold(other).text), reach: 'to-word-end' });
  }
  return keys.filter((key) => key.text.length > 0);
}

/** At most this many distinct keys are looked for and marked. */
const MAX_KEYS = 12;

const wordCharacter = /^(?![\p{sc=Han}])[\p{L}\p{M}\p{N}]$/u;
const arabicCharacter = /^(?:(?=[\p{L}\p{M}\p{N}])\p{scx=Arabic})$/u;

/** The folded range [start, end) to mark for a key found at `start`, within the excerpt's [from, to). */
function reach(text: string, key: Key, start: number, from: number, to: number): [number, number] {
  let begin = start;
  let end = Math.min(start + key.text.length, to);
  if (key.reach === 'exact') return [begin, end];
  const inWord = key.reach === 'whole-word' ? arabicCharacter : wordCharacter;
  if (key.reach === 'whole-word') while (begin > from && inWord.test(text[begin - 1]!)) begin--;
  while (end < to && inWord.test(text[end]!)) end++;
  return [begin, end];
}

/** Marked ranges of the excerpt [from, to) of the folded text, in order and not overlapping. */
function markedRanges(text: string, keys: Key[], from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  const window = text.slice(from, to);
  for (const key of keys) {
    for (let found = window.indexOf(key.text); found >= 0; found = window.indexOf(key.text, found + 1)) {
      ranges.push(reach(text, key, from + found, from, to));
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/**
 * An excerpt of a post's plain text (posts.body_text, derived on write) around the first matched
 * word, returned as HTML: the text is escaped first, then the matched words are wrapped in <mark>,
 * so nothing a member wrote can become markup. Linear in the text: one fold, one indexOf per key;
 * marking looks only inside the excerpt, at most `width` characters.
 */
export function snippet(text: string, terms: string[], width = 220): SafeHtml {
  const folded = fold(text);
  const keys = [...new Map(terms.flatMap(keysOf).map((key) => [`${key.reach} ${key.text}`, key])).values()].slice(0, MAX_KEYS);
  const first = Math.min(...keys.map((key) => folded.text.indexOf(key.text)).filter((index) => index >= 0), Infinity);
  const from = Number.isFinite(first) ? Math.max(0, first - Math.floor(width / 3)) : 0;
  const to = Math.min(folded.text.length, from + width);
  const start = at(folded, from);
  const end = at(folded, to);
  let html = '';
  let index = start;
  for (const [markFrom, markTo] of markedRanges(folded.text, keys, from, to)) {
    const markStart = at(folded, markFrom);
    const markEnd = at(folded, markTo);
    html += `${escape(text.slice(index, markStart))}<mark>${escape(text.slice(markStart, markEnd))}</mark>`;
    index = markEnd;
  }
  html += escape(text.slice(index, end));
  // Safe by construction: every character of member text went through escape() above.
  return trustSanitized(`${start > 0 ? '…' : ''}${html}${end < text.length ? '…' : ''}`);
}
