/// <reference lib="dom" />
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import { uploadImageAttributes } from './upload-images.js';

/*
 * The last word on what post HTML may contain. The markdown renderer already escapes raw HTML, but
 * this allowlist does not rely on it: whatever reaches it, only these elements and attributes leave.
 * Headings start at h3 because posts sit under the page's h1 and h2 (the renderer demotes them).
 */
export const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
export const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'align', 'start', 'class'];

const config: Config = {
  // The walk starts at the parsed document's body. Left out of the allowlist, the body counts as
  // a disallowed root, and DOMPurify hoists a deep clone of every child out of it before removing
  // it: a copy of the whole post made and dropped on every call (~25% of sanitizing). The body
  // itself is never in the output (its children are), and a `<body>` tag in the input only merges
  // attributes into it, which the attribute allowlist strips like any other element's.
  ALLOWED_TAGS: [...ALLOWED_TAGS, 'body'],
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // DOMPurify's own URI check, narrowed to our schemes; the hook below has the final say.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

// Only used to resolve relative URLs so their scheme and host can be checked; never shown.
const RESOLVE_BASE = 'https://forum.invalid/';
const RESOLVE_HOST = 'forum.invalid';
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const LANGUAGE_CLASS = /^language-[\w+#.-]{1,40}$/;
const ALIGNMENTS = new Set(['left', 'center', 'right']);

/**
 * The URL a browser would make of this attribute value, or null if it is not a URL at all.
 * Attribute values arrive here already entity-decoded by the HTML parser, and the WHATWG URL
 * parser strips the same whitespace and control characters a browser does, so `&#106;avascript:`,
 * ` javascript:` and `java\tscript:` all come out as `javascript:`.
 */
function parse(value: string): URL | null {
  try {
    return new URL(value, RESOLVE_BASE);
  } catch {
    return null;
  }
}

function isAllowedLink(href: string): boolean {
  return LINK_SCHEMES.has(parse(href)?.protocol ?? '');
}

// https anywhere, or a path on the forum itself. Protocol-relative `//host/…` (and its `/\host`
// spelling) is neither: on a plain-http forum it would load over http from someone else's host.
function isAllowedImage(src: string): boolean {
  const url = parse(src);
  if (!url || url.protocol !== 'https:') return false;
  return url.host === RESOLVE_HOST || /^\s*https:/i.test(src);
}

// The renderer's `@name` links (src/markdown/mentions.ts): the class styles them and lets
// notifications find them, so it stays only on a link to a profile.
function isMention(node: Element, className: string): boolean {
  return className === 'mention' && /^\/u\/[A-Za-z0-9_-]{3,20}$/.test(node.getAttribute('href') ?? '');
}

function enforceAttributes(node: Element): void {
  const name = node.nodeName.toLowerCase();
  if (name === 'a') {
    const href = node.getAttribute('href');
    if (href !== null && !isAllowedLink(href)) node.removeAttribute('href');
    // Posts are user-generated: no ranking credit, no window.opener, no new-tab hijacking.
    node.setAttribute('rel', 'nofollow ugc noopener');
    node.removeAttribute('target');
  }
  if (name === 'img') {
    // Images only over https (relative URLs resolve to the forum itself). This also drops the
    // `data:` URLs DOMPurify keeps in img src by default; an image without a source is removed.
    const src = node.getAttribute('src');
    if (src === null || !isAllowedImage(src)) {
      node.remove();
      return;
    }
    // Our own uploads take their size and smaller variant from the address (src/markdown/upload-images.ts).
    const upload = uploadImageAttributes(src);
    if (upload) for (const [attribute, value] of Object.entries(upload)) node.setAttribute(attribute, value);
  } else {
    node.removeAttribute('src');
  }
  const className = node.getAttribute('class');
  if (className !== null && !(name === 'code' && LANGUAGE_CLASS.test(className)) && !(name === 'a' && isMention(node, className))) {
    node.removeAttribute('class');
  }
  const align = node.getAttribute('align');
  if (align !== null && !((name === 'th' || name === 'td') && ALIGNMENTS.has(align))) node.removeAttribute('align');
  const start = node.getAttribute('start');
  if (start !== null && !(name === 'ol' && /^\d{1,9}$/.test(start))) node.removeAttribute('start');
}

/**
 * A sanitizer bound to one DOM window (jsdom in the markdown worker). Keep one per window: DOMPurify
 * instances are cheap, windows are not.
 */
export function createSanitizer(window: WindowLike): (html: string) => string {
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) enforceAttributes(node as Element);
  });
  return (html) => purify.sanitize(html, config);
}
