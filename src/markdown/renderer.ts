import type { SafeHtml } from '../lib/safe-html.js';

/** Bump when the markdown or sanitizer configuration changes; `rebake` re-renders older posts. */
export const RENDER_VERSION = 4;

/** `text`: the HTML's plain text (posts.body_text), derived in the worker with the HTML. */
export type Rendered = { html: SafeHtml; text: string; renderVersion: number };

/** Renders post markdown into sanitized HTML off the request thread. */
export interface MarkdownRenderer {
  render(markdown: string): Promise<Rendered>;
  close(): Promise<void>;
}
