import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';

const GREATER_THAN = 62;
const EQUALS = 61;
const SLASH = 47;
const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
/** Attribute names end at white space, `=`, `>` or `/` (HTML's attribute name state). */
const endsName = (code: number) => isSpace(code) || code === EQUALS || code === GREATER_THAN || code === SLASH;

/**
 * Post HTML links forum pages as `/t/…`; on someone else's page (the fragment) or in another
 * program (the API) that would point at the wrong site. Sanitizer output always writes attributes
 * as ` name="…"` with `"` escaped inside values, so prefixing the forum's base URL to href/src
 * values that start with a single slash keeps it sanitized: nothing else changes.
 *
 * One forward pass over the start tags and their attributes (a pattern such as
 * `<[a-z][^>]*?href="` tried at every `<` of an alt text full of `<a ` is quadratic).
 */
export function absolutize(body: SafeHtml, baseUrl: string): SafeHtml {
  let result = '';
  let copied = 0;
  let position = body.indexOf('<');
  while (position !== -1 && position < body.length) {
    if (!isLetter(body.charCodeAt(position + 1))) {
      position = body.indexOf('<', position + 1);
      continue;
    }
    position = skipUntil(body, position + 1, endsName);
    // The tag's attributes, up to its `>`.
    for (;;) {
      position = skipUntil(body, position, (code) => !isSpace(code) && code !== SLASH);
      if (position >= body.length || body.charCodeAt(position) === GREATER_THAN) break;
      const nameStart = position;
      position = skipUntil(body, position + 1, endsName);
      const name = body.slice(nameStart, position).toLowerCase();
      if (body.charCodeAt(position) !== EQUALS) continue;
      const quote = body.charCodeAt(position + 1);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) {
        position = skipUntil(body, position + 1, (code) => isSpace(code) || code === GREATER_THAN);
        continue;
      }
      const valueStart = position + 2;
      if ((name === 'href' || name === 'src') && quote === DOUBLE_QUOTE && isForumPath(body, valueStart)) {
        result += body.slice(copied, valueStart) + baseUrl;
        copied = valueStart;
      }
      const valueEnd = body.indexOf(String.fromCharCode(quote), valueStart);
      // An uploaded image's smaller variant (src/markdown/upload-images.ts): each candidate too.
      if (name === 'srcset' && quote === DOUBLE_QUOTE && valueEnd !== -1) {
        result += body.slice(copied, valueStart) + absoluteCandidates(body.slice(valueStart, valueEnd), baseUrl);
        copied = valueEnd;
      }
      position = valueEnd === -1 ? body.length : valueEnd + 1;
    }
    position = body.indexOf('<', position);
  }
  return trustSanitized(result + body.slice(copied));
}

/** The first index from `start` whose character satisfies `stop` (or the end). */
function skipUntil(text: string, start: number, stop: (code: number) => boolean): number {
  let index = start;
  while (index < text.length && !stop(text.charCodeAt(index))) index++;
  return index;
}

/** A srcset's candidates (`/uploads/a.jpg 640w, /uploads/b.jpg 1365w`), each forum path made absolute. */
function absoluteCandidates(srcset: string, baseUrl: string): string {
  return srcset
    .split(', ')
    .map((candidate) => (isForumPath(candidate, 0) ? baseUrl + candidate : candidate))
    .join(', ');
}

/** `/t/1` but not `//elsewhere` or `/\elsewhere` (both lead off the site). */
function isForumPath(text: string, index: number): boolean {
  const next = text.charCodeAt(index + 1);
  return text.charCodeAt(index) === SLASH && next !== SLASH && next !== BACKSLASH;
}
