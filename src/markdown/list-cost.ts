/*
 * What lexing a list costs marked beyond reading it once. Each lazy continuation line of an item
 * (a line not indented to the item's content that still continues its paragraph) makes marked
 * re-read the item's text so far, so an item followed by thousands of short lazy lines is
 * quadratic: `- a` and 25,000 lines of `b` took ~200 ms. render.ts charges this estimate to a
 * budget before marked lexes a list.
 *
 * The estimate follows the list to its likely end (a line that would end it) and counts the
 * characters scanned plus, for each lazy line, the item's text so far. It stops once it passes
 * `limit`, so asking costs at most that much too.
 */

const BULLET = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$)/;
// Lines that end a list item's paragraph when not indented: headings, quotes, fences, HTML, rules.
const BLOCK_START = /^ {0,3}(?:#|>|```|~~~|<|(?:[-*_][ \t]*){3,}$)/;

function indentOf(line: string): number {
  let width = 0;
  for (const character of line) {
    if (character === ' ') width += 1;
    else if (character === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Estimated work for marked to lex the list at the start of `src`, in characters; above `limit` once it passes it. */
export function listLexingCost(src: string, limit: number): number {
  const contentIndent = BULLET.exec(src)?.[0].length ?? 0;
  let cost = 0;
  let item = 0;
  let afterBlank = false;
  for (let start = 0; start < src.length && cost <= limit; ) {
    const newline = src.indexOf('\n', start);
    const end = newline === -1 ? src.length : newline;
    const line = src.slice(start, end);
    start = end + 1;
    cost += line.length + 1;
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    const indented = indentOf(line) >= contentIndent;
    if (!indented && BULLET.test(line)) item = 0;
    else if (!indented && (afterBlank || BLOCK_START.test(line))) break;
    else if (!indented) cost += item;
    item += line.length + 1;
    afterBlank = false;
  }
  return cost;
}
