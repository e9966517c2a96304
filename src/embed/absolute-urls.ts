import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';

/**
 * Post HTML links forum pages as `/t/…`; on someone else's page (the fragment) or in another
 * program (the API) that would point at the wrong site. Sanitizer output always writes attributes
 * as ` name="…"` with `"` escaped inside values, so prefixing the forum's base URL to href/src
 * values that start with a single slash keeps it sanitized: nothing else changes.
 */
export function absolutize(body: SafeHtml, baseUrl: string): SafeHtml {
  return trustSanitized(body.replace(/(<[a-z][a-z0-9]*\s[^>]*?\b(?:href|src)=")\/(?![/\\])/gi, `$1${baseUrl}/`));
}
