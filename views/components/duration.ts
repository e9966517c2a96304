import type { I18n } from '../../src/i18n/translator.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A length of time as managers read it: "45 min", "2 h 5 min", "3 d 4 h". Two units at most,
 * the smaller one rounded: response times are compared at a glance, not to the second. Under a
 * day it counts minutes, from a day on hours.
 */
export function duration(i18n: I18n, ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / MINUTE);
  if (minutes === 0) return ms > 0 ? i18n.t('duration.underMinute') : i18n.t('duration.minutes', { minutes: 0 });
  if (minutes < 60) return i18n.t('duration.minutes', { minutes });
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? i18n.t('duration.hours', { hours }) : i18n.t('duration.hoursMinutes', { hours, minutes: rest });
  }
  const totalHours = Math.round(ms / HOUR);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours === 0 ? i18n.t('duration.days', { days }) : i18n.t('duration.daysHours', { days, hours });
}

export const durationUnits = { MINUTE, HOUR, DAY } as const;
