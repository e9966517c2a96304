// XML documents (Atom feeds, sitemaps) written as tagged templates, like the pages' hono/html:
// every interpolated value is escaped unless it is itself Xml. XML 1.0 also forbids most control
// characters, lone surrogates and U+FFFE/U+FFFF even as character references, and a strict parser
// (every feed reader) rejects the whole document for one of them, so they become U+FFFD.

/** Text already written as XML by this module. */
export class Xml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML element or attribute value: escaped, with characters XML cannot carry replaced. */
export function escapeXml(value: string): string {
  return value.replace(forbidden, '\uFFFD').replace(/[&<>"']/g, (char) => entities[char]!);
}

function written(value: unknown): string {
  if (value instanceof Xml) return value.text;
  if (Array.isArray(value)) return value.map(written).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeXml(String(value));
}

/** `xml\`<title>${title}</title>\``: strings and numbers escaped, Xml and arrays of Xml kept. */
export function xml(strings: TemplateStringsArray, ...values: unknown[]): Xml {
  let text = strings[0]!;
  values.forEach((value, index) => {
    text += written(value) + strings[index + 1]!;
  });
  return new Xml(text);
}

/** A W3C datetime (RFC 3339, UTC, whole seconds), as Atom and sitemaps want. */
export function w3cDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
