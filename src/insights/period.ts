import { msg, type Message } from '../i18n/message.js';
import { DAY_MS } from './thread-views.js';
import { periodNames, type Period, type PeriodName } from './types.js';

/*
 * The dashboard's period, always whole UTC days so that the daily rollups (daily_activity,
 * member_days) and the per-thread facts count the same moments: a named period is today and the
 * days before it, up to now ("7d" = today and the 6 days before); a custom one runs from the
 * start of `from` to the end of `to`, inclusive, never past now. Periods are [from, to).
 */

export const DEFAULT_PERIOD: PeriodName = '30d';
export const MAX_PERIOD_DAYS = 366;

const periodDays: Record<PeriodName, number> = { '7d': 7, '30d': 30, '90d': 90 };
const dayPattern = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

export type PeriodInput = { period?: string | undefined; from?: string | undefined; to?: string | undefined };
export type PeriodChoice = { ok: true; period: Period } | { ok: false; error: Message };

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** YYYY-MM-DD of the UTC day holding `ms`. */
export function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC day a YYYY-MM-DD names, as its first millisecond; null for anything else. */
export function parseDay(text: string): number | null {
  const match = dayPattern.exec(text);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March: such a day does not exist.
  return dayText(ms) === text ? ms : null;
}

export function namedPeriod(name: PeriodName, now: number): Period {
  return { name, from: startOfDay(now) - (periodDays[name] - 1) * DAY_MS, to: now };
}

function isPeriodName(value: string): value is PeriodName {
  return (periodNames as readonly string[]).includes(value);
}

/** Reads ?period= or ?from=&to=; with neither, the default period. */
export function choosePeriod(input: PeriodInput, now: number): PeriodChoice {
  const from = input.from?.trim() ?? '';
  const to = input.to?.trim() ?? '';
  if (from === '' && to === '') {
    const name = input.period?.trim() || DEFAULT_PERIOD;
    if (!isPeriodName(name)) return { ok: false, error: msg('insights.filter.periodUnknown') };
    return { ok: true, period: namedPeriod(name, now) };
  }
  if (from === '' || to === '') return { ok: false, error: msg('insights.filter.bothDays') };
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === null || end === null) return { ok: false, error: msg('insights.filter.dayInvalid') };
  if (start > end) return { ok: false, error: msg('insights.filter.fromAfterTo') };
  const today = startOfDay(now);
  if (end > today) return { ok: false, error: msg('insights.filter.future', { today: dayText(today) }) };
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) return { ok: false, error: msg('insights.filter.tooLong', { max: MAX_PERIOD_DAYS }) };
  return { ok: true, period: { name: 'custom', from: start, to: Math.min(end + DAY_MS, now) } };
}

/** The UTC days a period covers, as day numbers [first, last]. */
export function periodDaysOf(period: Period): { first: number; last: number } {
  return { first: Math.floor(period.from / DAY_MS), last: Math.floor((period.to - 1) / DAY_MS) };
}
