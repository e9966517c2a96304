// URL parts made from titles and names (ADR 0030). Thread slugs keep the letters and digits of
// every script, so a Chinese or Arabic title gives a readable address rather than "thread"; they
// are stored percent-encoded, ready for links, Location headers, feeds and sitemaps as they are.
// Latin letters are written in ASCII (diacritics dropped, ı → i, ß → ss): "Kadıköy" gives
// "kadikoy", the spelling people type into an address bar.

/** Latin letters that have no ASCII letter inside them to keep once their marks are dropped. */
const latinLetters: Record<string, string> = { ı: 'i', ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ł: 'l', Ł: 'l', þ: 'th', Þ: 'th', ħ: 'h', Ħ: 'h' };

/** One Latin letter (with any marks after it) in lower-case ASCII; İ gives i, not i and a dot. */
function latinToAscii(letter: string): string {
  const base = letter.normalize('NFKD').replace(/\p{M}/gu, '');
  return (latinLetters[base] ?? base).toLowerCase();
}

// An apostrophe inside a word is part of it ("İstanbul'da", "don't"), not a gap between two words.
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ‘](?=[\p{L}\p{N}])/gu;
// Arabic short vowels, other optional marks and the tatweel: not letters a reader types.
const ARABIC_OPTIONAL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/gu;

/** Lower-case words of `text` joined by dashes, Latin in ASCII; `keep` says which other characters stay. */
function dashedWords(text: string, keep: RegExp, maxLength: number): string {
  const words = text
    .normalize('NFC')
    .replace(INNER_APOSTROPHE, '')
    .replace(/\p{sc=Latin}\p{M}*/gu, latinToAscii)
    .replace(ARABIC_OPTIONAL, '')
    .toLowerCase()
    .replace(keep, '-')
    .replace(/^-+/, '');
  // Cut by characters, not UTF-16 units, so a letter outside the BMP is never split in two.
  let cut = '';
  let count = 0;
  for (const char of words) {
    if (count++ === maxLength) break;
    cut += char;
  }
  return cut.replace(/-+$/, '');
}

/** A category's slug from its name: ASCII letters and digits joined by dashes (names may still use any script). */
export function slugify(text: string, maxLength = 60): string {
  return dashedWords(text, /[^a-z0-9]+/g, maxLength) || 'thread';
}

/** A thread's slug from its title, percent-encoded and ready for a URL. */
export function threadSlug(title: string, maxLength = 60): string {
  return encodeURIComponent(dashedWords(title, /[^\p{L}\p{M}\p{N}]+/gu, maxLength) || 'thread');
}

/** The path of a thread's page (`slug` as stored: URL-ready). */
export function threadPath(threadId: number, slug: string, page = 1): string {
  return `/t/${threadId}/${slug}${page > 1 ? `?page=${page}` : ''}`;
}

function decoded(slug: string): string {
  try {
    return decodeURIComponent(slug).normalize('NFC');
  } catch {
    return slug;
  }
}

/**
 * Does the slug of a request's path name this thread's stored slug? The router may hand it over
 * decoded or not, and clients encode it in upper- or lower-case hex or send it unencoded: all are
 * the same address, and telling them apart would redirect a thread to itself forever.
 */
export function sameSlug(requested: string | undefined, stored: string): boolean {
  if (requested === undefined) return false;
  return requested === stored || decoded(requested) === decoded(stored);
}
