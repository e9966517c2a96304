import { IntlMessageFormat } from 'intl-messageformat';
import { catalogFor, directionOf, SOURCE_LOCALE, type MessageKey } from './catalog.js';
import type { Message } from './message.js';

// Formatting for one locale and time zone, shared by every request that reads in them: messages are
// compiled the first time they are used and kept (a literal message is kept as its string, so most
// lookups are one Map read), and each Intl formatter is built once. I18n adds the request's clock.

export type MessageValue = string | number | Date | null | undefined | object;
export type MessageValues = Record<string, MessageValue>;

type Compiled = string | IntlMessageFormat;

/** Intl formatters shared by every message of a locale (IntlMessageFormat would build its own per message). */
function sharedFormatters() {
  const cache = new Map<string, unknown>();
  const memo = <T>(kind: string, make: (...args: never[]) => T) => (...args: unknown[]): T => {
    const key = kind + JSON.stringify(args);
    let value = cache.get(key) as T | undefined;
    if (value === undefined) cache.set(key, (value = (make as (...args: unknown[]) => T)(...args)));
    return value;
  };
  return {
    getNumberFormat: memo('n', (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args)),
    getDateTimeFormat: memo('d', (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
    getPluralRules: memo('p', (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
  };
}

const SMALL_NUMBERS = 10_000;
const RESULTS_MAX = 10_000;

/** A key for a message formatted with short strings and numbers only; undefined when it should not be kept. */
function resultKey(key: string, values: MessageValues | undefined): string | undefined {
  let cacheKey = key;
  for (const name in values) {
    const value = values[name];
    if (typeof value === 'number') cacheKey += `\u0000${name}\u0000${value}`;
    else if (typeof value === 'string' && value.length <= 200) cacheKey += `\u0000${name}\u0001${value}`;
    else return undefined;
  }
  return cacheKey;
}
const RELATIVE_LIMIT_MS = 30 * 24 * 3600 * 1000;
const relativeSteps: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  // unit, its length in ms, and the age below which it is used
  ['second', 1000, 45 * 1000],
  ['minute', 60 * 1000, 45 * 60 * 1000],
  ['hour', 3600 * 1000, 22 * 3600 * 1000],
  ['day', 24 * 3600 * 1000, 7 * 24 * 3600 * 1000],
  ['week', 7 * 24 * 3600 * 1000, RELATIVE_LIMIT_MS],
];

export class LocaleFormat {
  readonly dir: 'ltr' | 'rtl';
  private readonly messages: Readonly<Record<string, string>>;
  private readonly fallback: Readonly<Record<string, string>>;
  private readonly compiled = new Map<string, Compiled>();
  private readonly formatters = sharedFormatters();
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly dateTimeFormat: Intl.DateTimeFormat;
  private readonly numberFormat: Intl.NumberFormat;
  private readonly relativeFormat: Intl.RelativeTimeFormat;
  private readonly smallNumbers: string[] = [];
  private readonly results = new Map<string, string>();

  constructor(
    readonly locale: string,
    readonly timeZone: string,
  ) {
    this.dir = directionOf(locale);
    this.messages = catalogFor(locale);
    this.fallback = catalogFor(SOURCE_LOCALE);
    this.dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone });
    this.dateTimeFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
    this.numberFormat = new Intl.NumberFormat(locale);
    this.relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  }

  private compile(key: string): Compiled {
    let message = this.compiled.get(key);
    if (message === undefined) {
      const source = this.messages[key] ?? this.fallback[key] ?? key;
      const format = new IntlMessageFormat(source, this.locale, undefined, { formatters: this.formatters });
      const ast = format.getAst();
      // A message with no arguments, tags or plurals is just its text.
      message = ast.length === 0 ? '' : ast.length === 1 && ast[0]!.type === 0 ? ast[0]!.value : format;
      this.compiled.set(key, message);
    }
    return message;
  }

  /** A message as text. Values are plain data; for messages with tags use parts(). */
  t(key: MessageKey, values?: MessageValues): string {
    const message = this.compile(key);
    if (typeof message === 'string') return message;
    // Formatting a plural costs ~15 µs; the same counts and names come back page after page.
    const cacheKey = resultKey(key, values);
    let text = cacheKey === undefined ? undefined : this.results.get(cacheKey);
    if (text === undefined) {
      const result = message.format(values as Record<string, string>);
      text = Array.isArray(result) ? result.join('') : String(result);
      if (cacheKey !== undefined) {
        if (this.results.size >= RESULTS_MAX) this.results.clear();
        this.results.set(cacheKey, text);
      }
    }
    return text;
  }

  /** A message as a list of text and the values (or tag results) it places, for markup (views/i18n.ts). */
  parts(key: MessageKey, values?: MessageValues): unknown[] {
    const message = this.compile(key);
    if (typeof message === 'string') return [message];
    const result: unknown = message.format(values as Record<string, string>);
    return Array.isArray(result) ? result : [result];
  }

  /** Small whole numbers (page numbers, counts) are formatted once and kept: Intl is slow per call. */
  number(value: number): string {
    if (Number.isInteger(value) && value >= 0 && value < SMALL_NUMBERS) {
      let text = this.smallNumbers[value];
      if (text === undefined) this.smallNumbers[value] = text = this.numberFormat.format(value);
      return text;
    }
    return this.numberFormat.format(value);
  }

  /** A short date: "Dec 6, 2026", "2026年12月6日", "٦ ديسمبر ٢٠٢٦". */
  date(ms: number): string {
    return this.dateFormat.format(ms);
  }

  /** Date and time with the zone, for titles: "Dec 6, 2026, 9:41 AM UTC". */
  dateTime(ms: number): string {
    return this.dateTimeFormat.format(ms);
  }

  /** "3 hours ago" for the last month, a short date before that. */
  relative(ms: number, now: number): string {
    const age = now - ms;
    if (age < 0 || age >= RELATIVE_LIMIT_MS) return this.date(ms);
    const step = relativeSteps.find(([, , below]) => age < below)!;
    const [unit, length] = step;
    return this.relativeFormat.format(-Math.round(age / length), unit);
  }
}

const formats = new Map<string, LocaleFormat>();

/** The shared formatting for a shipped locale and a valid IANA time zone. */
export function localeFormat(locale: string, timeZone: string): LocaleFormat {
  const key = `${locale} ${timeZone}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new LocaleFormat(locale, timeZone)));
  return format;
}

/** What a request renders with: its locale's formatting and the time the request is answered at. */
export class I18n {
  constructor(
    readonly format: LocaleFormat,
    readonly now: number,
  ) {}

  get locale(): string {
    return this.format.locale;
  }
  get dir(): 'ltr' | 'rtl' {
    return this.format.dir;
  }
  get timeZone(): string {
    return this.format.timeZone;
  }
  t(key: MessageKey, values?: MessageValues): string {
    return this.format.t(key, values);
  }
  parts(key: MessageKey, values?: MessageValues): unknown[] {
    return this.format.parts(key, values);
  }
  /**
   * A message a service returned or threw (src/i18n/message.ts); a plain string is already text.
   * Services know no time zone, so a Date among the values is shown as the reader's short date.
   */
  message(message: Message | string): string {
    if (typeof message === 'string') return message;
    return this.format.t(message.key, message.values && this.datesAsText(message.values));
  }
  private datesAsText(values: MessageValues): MessageValues {
    const shown: MessageValues = {};
    for (const [name, value] of Object.entries(values)) shown[name] = value instanceof Date ? this.date(value.getTime()) : value;
    return shown;
  }
  number(value: number): string {
    return this.format.number(value);
  }
  date(ms: number): string {
    return this.format.date(ms);
  }
  dateTime(ms: number): string {
    return this.format.dateTime(ms);
  }
  relative(ms: number): string {
    return this.format.relative(ms, this.now);
  }
}
