/** Counts code points, as people count characters (an emoji is one, not two UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const MARK = /^\p{M}$/u;
// Whether each BMP code point is a combining mark (0: not looked up yet, 1: mark, 2: not): a
// regular expression per character is most of the cost of walking a long text.
const bmpMarks = new Uint8Array(0x10000);

/** A combining mark (Unicode general category M): it belongs to the character before it. */
export function isMark(codePoint: number): boolean {
  if (codePoint >= 0x10000) return MARK.test(String.fromCodePoint(codePoint));
  if (bmpMarks[codePoint] === 0) bmpMarks[codePoint] = MARK.test(String.fromCharCode(codePoint)) ? 1 : 2;
  return bmpMarks[codePoint] === 1;
}

const ZERO_WIDTH_JOINER = 0x200d;
/** Nothing joins a line break or another control character. */
const isControl = (codePoint: number) => codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
const isRegionalIndicator = (codePoint: number) => codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;

/** Code points that extend the grapheme before them besides marks: variation selectors, skin tones, tag characters, Hangul vowel and final jamo. */
function extendsPrevious(codePoint: number): boolean {
  return (
    codePoint === ZERO_WIDTH_JOINER ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef) ||
    (codePoint >= 0x1160 && codePoint <= 0x11ff) ||
    (codePoint >= 0xd7b0 && codePoint <= 0xd7ff) ||
    isMark(codePoint)
  );
}

/**
 * About how many characters a reader sees ("é" written as e + accent is one, so is a flag or a
 * family emoji), in one pass: the common cases of Unicode's grapheme rules. Not Intl.Segmenter:
 * in Node 20 its grapheme iteration takes time quadratic in the length of the text.
 */
export function graphemeCount(text: string): number {
  let count = 0;
  let previous = -1;
  let pairedIndicator = false;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const joins: boolean =
      previous !== -1 &&
      ((previous === 13 && codePoint === 10) ||
        previous === ZERO_WIDTH_JOINER ||
        (isRegionalIndicator(previous) && isRegionalIndicator(codePoint) && !pairedIndicator) ||
        (codePoint >= 0x80 && !isControl(previous) && extendsPrevious(codePoint)));
    if (!joins) count++;
    pairedIndicator = joins && isRegionalIndicator(codePoint) && isRegionalIndicator(previous);
    previous = codePoint;
  }
  return count;
}
