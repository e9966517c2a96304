import { JSDOM } from 'jsdom';

// A structural check of HTML the way a browser would read it: parse it, then look for anything
// that could run script or send the reader elsewhere. String matching would miss entity-encoded
// and mutated forms; the parser has already decoded them.

const window = new JSDOM('').window;

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite'];
// Never legitimate inside member content; the page itself has only forms and its own scripts.
const FORBIDDEN_IN_CONTENT = ['script', 'iframe', 'frame', 'object', 'embed', 'style', 'base', 'form', 'link', 'meta', 'svg', 'math', 'input', 'button', 'textarea', 'select'];
const FORBIDDEN_ON_PAGE = ['iframe', 'frame', 'object', 'embed', 'style', 'base'];
const DANGEROUS_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);

/** The scheme a browser would see: it strips leading/trailing C0 controls and spaces, and drops tabs and newlines anywhere. */
export function schemeOf(value: string): string | null {
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match ? `${match[1]!.toLowerCase()}:` : null;
}

function describe(element: Element): string {
  return `<${element.tagName.toLowerCase()}${[...element.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`).join('')}>`;
}

function attributeProblems(element: Element): string[] {
  const problems: string[] = [];
  for (const attribute of [...element.attributes]) {
    const name = attribute.name.toLowerCase();
    if (name.startsWith('on')) problems.push(`event handler ${name} on ${describe(element)}`);
    if (name === 'srcdoc') problems.push(`srcdoc on ${describe(element)}`);
    if (URL_ATTRIBUTES.includes(name) || name.endsWith(':href')) {
      const scheme = schemeOf(attribute.value);
      if (scheme && DANGEROUS_SCHEMES.has(scheme)) problems.push(`${name} with ${scheme} on ${describe(element)}`);
    }
    if (name === 'http-equiv') problems.push(`http-equiv on ${describe(element)}`);
  }
  return problems;
}

function scriptIsOurs(element: Element): boolean {
  const type = element.getAttribute('type');
  if (type === 'application/ld+json') return element.children.length === 0;
  const src = element.getAttribute('src');
  return src !== null && /^\/static\/[\w.-]+$/.test(src) && element.textContent === '';
}

/** What is wrong with member content (a post's HTML), or [] when it is safe. */
export function unsafeContent(htmlFragment: string): string[] {
  const container = window.document.createElement('div');
  container.innerHTML = htmlFragment;
  return problemsIn(container, FORBIDDEN_IN_CONTENT);
}

function problemsIn(root: Element, forbidden: string[]): string[] {
  const problems: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const name = element.localName.toLowerCase();
    // The embed frame's own `<base target="_blank">` opens links outside the frame; a base with an href would re-point every link.
    const harmlessBase = name === 'base' && forbidden === FORBIDDEN_ON_PAGE && element.getAttributeNames().every((attribute) => attribute === 'target');
    if (forbidden.includes(name) && !harmlessBase) problems.push(`element ${describe(element)}`);
    problems.push(...attributeProblems(element));
  }
  return problems;
}

/**
 * What is wrong with a whole page: only our own scripts (`/static/…`, JSON-LD data), no frames,
 * plugins, inline styles or base; no handlers or script URLs anywhere; and inside member content
 * (post bodies, embeds, excerpts) none of the elements that content may never hold.
 */
export function unsafePage(page: string): string[] {
  const document = new window.DOMParser().parseFromString(page, 'text/html');
  const problems = problemsIn(document.documentElement, FORBIDDEN_ON_PAGE);
  for (const script of document.querySelectorAll('script')) {
    if (!scriptIsOurs(script)) problems.push(`foreign script ${describe(script)} ${script.textContent?.slice(0, 80) ?? ''}`);
  }
  for (const body of document.querySelectorAll('.post-body, .embed-post-body, .hearth-fragment-post-body')) {
    for (const element of body.querySelectorAll('*')) {
      if (FORBIDDEN_IN_CONTENT.includes(element.localName.toLowerCase())) problems.push(`in a post body: ${describe(element)}`);
    }
  }
  return problems;
}
