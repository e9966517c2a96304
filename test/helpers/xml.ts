import { JSDOM } from 'jsdom';
import { expect } from 'vitest';

export const ATOM = 'http://www.w3.org/2005/Atom';
export const SITEMAPS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The document parsed by jsdom's strict XML parser, which throws on anything not well-formed. */
export function parseXml(text: string): Document {
  return new JSDOM(text, { contentType: 'application/xml' }).window.document;
}

/** Elements by namespace and local name, so a document in the wrong namespace finds nothing. */
export function elements(parent: Document | Element, namespace: string, name: string): Element[] {
  return [...parent.getElementsByTagNameNS(namespace, name)];
}

export function childText(parent: Element, namespace: string, name: string): string | undefined {
  return [...parent.children].find((child) => child.namespaceURI === namespace && child.localName === name)?.textContent ?? undefined;
}

/** A response that is XML of this content type, parsed. */
export async function xmlResponse(response: Response, contentType: string): Promise<Document> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(contentType);
  return parseXml(await response.text());
}
