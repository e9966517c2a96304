import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { foldText } from '../moderation/watched-words.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char]!);

const suffixes = ['ations', 'ation', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 's', 'ly'];

/** The stem a porter-stemmed match probably shares with the text ("descaling" → "descal"). */
function stem(term: string): string {
  let word = foldText(term).replace(/[^\p{L}\p{N}]/gu, '');
  const suffix = suffixes.find((ending) => word.endsWith(ending) && word.length - ending.length >= 3);
  if (suffix) word = word.slice(0, -suffix.length);
  return word.length > 3 && word.endsWith('e') ? word.slice(0, -1) : word;
}

/** At most this many distinct stems are looked for and marked. */
const MAX_STEMS = 12;

/**
 * An excerpt of a post's plain text (posts.body_text, derived on write) around the first matched
 * word, returned as HTML: the text is escaped first, then the matched words are wrapped in <mark>,
 * so nothing a member wrote can become markup. Linear in the text: one fold, one indexOf per stem;
 * the marking pattern runs over the excerpt only, at most `width` characters.
 */
export function snippet(text: string, terms: string[], width = 220): SafeHtml {
  const folded = foldText(text);
  const stems = [...new Set(terms.map(stem).filter((value) => value.length > 0))].slice(0, MAX_STEMS);
  // Folding keeps positions only where it keeps lengths; fall back to the start where it does not.
  const aligned = folded.length === text.length;
  const first = aligned ? Math.min(...stems.map((value) => folded.indexOf(value)).filter((index) => index >= 0), Infinity) : Infinity;
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(width / 3)) : 0;
  const excerpt = text.slice(start, start + width);
  const excerptFolded = folded.slice(start, start + width);
  let html = '';
  let index = 0;
  if (aligned && stems.length > 0) {
    // Whole words that begin with a stem: "descal" marks "descale", "wat" marks "water".
    const pattern = new RegExp(`(?:${stems.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`, 'gu');
    for (const match of excerptFolded.matchAll(pattern)) {
      html += escape(excerpt.slice(index, match.index)) + '<mark>' + escape(excerpt.slice(match.index, match.index + match[0].length)) + '</mark>';
      index = match.index + match[0].length;
    }
  }
  html += escape(excerpt.slice(index));
  // Safe by construction: every character of member text went through escape() above.
  return trustSanitized(`${start > 0 ? '…' : ''}${html}${start + width < text.length ? '…' : ''}`);
}
