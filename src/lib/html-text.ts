// Plain text from the sanitizer's stored HTML, derived once in the markdown worker (posts.body_text)
// for places that must not carry markup: search snippets, JSON-LD, meta descriptions and short
// excerpts. The stored HTML (not the markdown) is the source because watched words are masked
// there only.
//
// Every routine here is one forward pass over its input: no regular expression that can
// backtrack, so a crafted post costs time in proportion to its length (docs/decisions/0020).

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const blockTags = new Set(['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'div', 'img']);

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isHexDigit = (code: number) => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const isWordCharacter = (code: number) => isAsciiLetter(code) || isDigit(code) || code === 95;

/** The name of the tag starting at `start` (just after `<` or `</`), lower-cased; '' if none. */
function tagName(html: string, start: number, end: number): string {
  let index = start;
  while (index < end && isWordCharacter(html.charCodeAt(index))) index++;
  return html.slice(start, index).toLowerCase();
}

/** What may follow `<` at the start of a tag (a letter, `/`, `!` or `?`); anything else makes the `<` text. */
function opensTag(code: number): boolean {
  return isAsciiLetter(code) || code === 47 || code === 33 || code === 63;
}

/**
 * Tags removed: block tags become a space (paragraphs must not glue words together), inline tags
 * vanish. A `<` that does not open a tag, or has no `>` after it, is text. Each tag is skipped in
 * one jump to its `>`, so no character is looked at more than twice.
 */
function stripTags(html: string): string {
  const lastClose = html.lastIndexOf('>');
  let text = '';
  let copied = 0;
  for (let open = html.indexOf('<'); open !== -1 && open < lastClose; open = html.indexOf('<', open + 1)) {
    if (!opensTag(html.charCodeAt(open + 1))) continue;
    const close = html.indexOf('>', open + 1);
    const nameStart = html.charCodeAt(open + 1) === 47 ? open + 2 : open + 1;
    text += html.slice(copied, open) + (blockTags.has(tagName(html, nameStart, close)) ? ' ' : '');
    copied = close + 1;
    open = close;
  }
  return text + html.slice(copied);
}

/** The character an entity reference names, or null when it is not one we decode. */
function entityValue(name: string): string | null {
  if (name.charCodeAt(0) !== 35) return namedEntities[name.toLowerCase()] ?? null;
  const hex = name[1] === 'x' || name[1] === 'X';
  const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** Where the entity name starting at `start` (after `&`) ends: at its `;` if it is well formed, else -1. */
function entityEnd(text: string, start: number): number {
  let index = start;
  if (text.charCodeAt(index) === 35) {
    index++;
    const hex = text[index] === 'x' || text[index] === 'X';
    if (hex) index++;
    const digitsStart = index;
    while (index < text.length && (hex ? isHexDigit : isDigit)(text.charCodeAt(index))) index++;
    if (index === digitsStart) return -1;
  } else {
    while (index < text.length && isAsciiLetter(text.charCodeAt(index))) index++;
    if (index === start) return -1;
  }
  return text.charCodeAt(index) === 59 ? index : -1;
}

/** `&amp;`, `&#39;`, `&#x1F600;` and the like decoded; anything else kept as written. */
function decodeEntities(text: string): string {
  let result = '';
  let copied = 0;
  for (let ampersand = text.indexOf('&'); ampersand !== -1; ampersand = text.indexOf('&', ampersand + 1)) {
    const end = entityEnd(text, ampersand + 1);
    const value = end === -1 ? null : entityValue(text.slice(ampersand + 1, end));
    if (value === null) continue;
    result += text.slice(copied, ampersand) + value;
    copied = end + 1;
    ampersand = end;
  }
  return result + text.slice(copied);
}

/** Block tags become spaces, inline tags vanish, entities are decoded, runs of white space become one space. */
export function htmlToText(html: string): string {
  // /\s+/ matches one run from each position it starts at, and never backtracks into it: linear.
  return decodeEntities(stripTags(html)).replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, cut at a word boundary when one is near, with an ellipsis. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  // Never leave half of a surrogate pair (an emoji) at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
