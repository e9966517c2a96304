import type { SafeHtml } from '../lib/safe-html.js';

/** Bump when the markdown or sanitizer configuration changes; `rebake` re-renders older posts. */
export const RENDER_VERSION = 2;

export type Rendered = { html: SafeHtml; renderVersion: number };

/** Renders post markdown into sanitized HTML off the request thread. */
export interface MarkdownRenderer {
  render(markdown: string): Promise<Rendered>;
  close(): Promise<void>;
}
