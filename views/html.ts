import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { NONCE_PLACEHOLDER } from '../src/lib/csp.js';
import type { SafeHtml } from '../src/lib/safe-html.js';

export type Html = HtmlEscapedString;

/**
 * hono/html's tagged template: every interpolated value is escaped unless it is itself Html.
 * Views never interpolate promises, so the result is always synchronous.
 */
export const html = honoHtml as (strings: TemplateStringsArray, ...values: unknown[]) => Html;

const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attributes, for the few places that build markup as a string. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => textEscapes[char]!);
}

/** The one door for unescaped HTML: sanitized post bodies only. */
export function safe(body: SafeHtml): Html {
  return raw(body);
}

/**
 * JSON for <script type="application/ld+json">: `<`, `>`, `&` and the JavaScript line separators
 * escaped as \u003c-style escapes (still the same JSON), so the data can never close or confuse the element.
 */
export function jsonForScript(value: unknown): Html {
  const escapes: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return raw(JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => escapes[char]!));
}

/**
 * ` nonce="…"` for every <script> element we write (JSON-LD included): the response path puts
 * the response's own CSP nonce in place of the placeholder (src/lib/csp.ts).
 */
export const scriptNonce: Html = raw(` nonce="${NONCE_PLACEHOLDER}"`);
