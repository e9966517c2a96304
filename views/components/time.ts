import type { I18n, LocaleFormat } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

// Intl formatting was ~5% of a signed-in thread page (two formats per date, two dates per post).
// The same posts are shown over and over, so each instant's markup is kept per locale and time
// zone; the output is a pure function of the number there, and the bound only caps memory.
const rendered = new WeakMap<LocaleFormat, Map<number, Html>>();
const RENDERED_MAX = 50_000;

/** A machine-readable date shown as a short date in the reader's language; date, time and zone in the tooltip. */
export function time(i18n: I18n, ms: number): Html {
  let markup = rendered.get(i18n.format);
  if (markup === undefined) rendered.set(i18n.format, (markup = new Map()));
  let shown = markup.get(ms);
  if (shown === undefined) {
    shown = html`<time datetime="${new Date(ms).toISOString()}" title="${i18n.dateTime(ms)}">${i18n.date(ms)}</time>`;
    if (markup.size >= RENDERED_MAX) markup.clear();
    markup.set(ms, shown);
  }
  return shown;
}

/**
 * "3 hours ago" for lists of activity (a short date after a month), the exact time in the tooltip.
 * Pages that show it are cached for a minute at most (src/routes/render.ts, servePublic's `fresh`).
 */
export function relativeTime(i18n: I18n, ms: number): Html {
  return html`<time datetime="${new Date(ms).toISOString()}" title="${i18n.dateTime(ms)}">${i18n.relative(ms)}</time>`;
}
