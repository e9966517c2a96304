import type { SafeHtml } from '../lib/safe-html.js';

/** Bump when the markdown or sanitizer configuration changes; `rebake` re-renders older posts. */
export const RENDER_VERSION = 5;

/**
 * `text`: the HTML's plain text (posts.body_text); `searchText`: the markdown as the search index
 * stores it (posts.search_text), null when that is the markdown itself. Both are derived in the
 * worker with the HTML.
 */
export type Rendered = { html: SafeHtml; text: string; searchText: string | null; renderVersion: number };

/** Renders post markdown into sanitized HTML off the request thread. */
export interface MarkdownRenderer {
  render(markdown: string): Promise<Rendered>;
  close(): Promise<void>;
}
