import { html, type Html } from '../html.js';

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const fullFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** A machine-readable date shown as a short human date; the full time is in the tooltip. */
export function time(ms: number): Html {
  const date = new Date(ms);
  return html`<time datetime="${date.toISOString()}" title="${fullFormat.format(date)} UTC">${dateFormat.format(date)}</time>`;
}
