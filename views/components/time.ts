import { html, type Html } from '../html.js';

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const fullFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

// Intl formatting was ~5% of a signed-in thread page (two formats per date, two dates per post).
// The same posts are shown over and over, so each instant's markup is kept; the output is a pure
// function of the number, and the bound only caps memory.
const rendered = new Map<number, Html>();
const RENDERED_MAX = 50_000;

/** A machine-readable date shown as a short human date; the full time is in the tooltip. */
export function time(ms: number): Html {
  let markup = rendered.get(ms);
  if (markup === undefined) {
    const date = new Date(ms);
    markup = html`<time datetime="${date.toISOString()}" title="${fullFormat.format(date)} UTC">${dateFormat.format(date)}</time>`;
    if (rendered.size >= RENDERED_MAX) rendered.clear();
    rendered.set(ms, markup);
  }
  return markup;
}
