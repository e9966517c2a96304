// Arabic words as search compares them, in the spirit of Lucene's ArabicNormalizer and
// ArabicStemmer (Larkey, Ballesteros and Connell's light stemming): spelling variants members
// type interchangeably are made one, and the article and the most common attached particles and
// endings are taken off, so "البطارية", "بطارية" and "بطاريات" meet. Light stemming never looks
// for roots: it only removes affixes that leave at least two letters behind.

/** Short vowels and other marks (tashkeel), the superscript alef and the tatweel: optional in writing. */
export const ARABIC_IGNORED = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/;

/** Letters written in several forms that readers treat as one (alef with hamza or madda, alef maksura, teh marbuta, Persian forms). */
const letterForms: Record<string, string> = {
  '\u0622': '\u0627', // آ alef with madda
  '\u0623': '\u0627', // أ alef with hamza above
  '\u0625': '\u0627', // إ alef with hamza below
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0649': '\u064a', // ى alef maksura → ي
  '\u06cc': '\u064a', // ی Persian yeh → ي
  '\u0629': '\u0647', // ة teh marbuta → ه
  '\u06a9': '\u0643', // ک keheh → ك
};

/** The Arabic-Indic and Persian digits, as ASCII digits: "١٢" and "12" are the same number. */
function asciiDigit(char: string): string | undefined {
  const code = char.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return undefined;
}

/** One character as normalized: '' for a character writing leaves out, else its single plain form. */
export function normalizeArabicCharacter(char: string): string {
  if (ARABIC_IGNORED.test(char)) return '';
  return letterForms[char] ?? asciiDigit(char) ?? char;
}

export function normalizeArabic(word: string): string {
  let normalized = '';
  for (const char of word) normalized += normalizeArabicCharacter(char);
  return normalized;
}

// Written after normalization (ة is already ه). Longest first: the first that fits is taken.
const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
// Each ending is tried once, in this order, so "بطاريات" loses ات and then ي.
const ENDINGS = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const SHORTEST_STEM = 2;

/** The light stem of one normalized word. */
export function stemArabic(word: string): string {
  let stem = word;
  const article = ARTICLES.find((prefix) => stem.startsWith(prefix) && stem.length - prefix.length >= SHORTEST_STEM);
  if (article) stem = stem.slice(article.length);
  // "و" (and) alone is also the first letter of many words: only taken off longer ones.
  else if (stem.startsWith('و') && stem.length > 3) stem = stem.slice(1);
  for (const ending of ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= SHORTEST_STEM) stem = stem.slice(0, -ending.length);
  }
  return stem;
}
