import type { I18n } from '../../src/i18n/translator.js';

// The dashboard's weeks and custom periods are UTC days (ADR 0041), so their dates are shown in
// UTC whatever the reader's time zone: a week that starts on Monday is labelled Monday.

const formats = new Map<string, { short: Intl.DateTimeFormat; full: Intl.DateTimeFormat }>();

function formatsFor(locale: string) {
  let found = formats.get(locale);
  if (!found) {
    found = {
      short: new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
      full: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
    };
    formats.set(locale, found);
  }
  return found;
}

/** "Dec 7": a chart's axis. */
export function shortDay(i18n: I18n, ms: number): string {
  return formatsFor(i18n.locale).short.format(ms);
}

/** "Dec 7, 2026": tables and the period's bounds. */
export function day(i18n: I18n, ms: number): string {
  return formatsFor(i18n.locale).full.format(ms);
}
