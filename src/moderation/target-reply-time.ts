import { msg, type Message } from '../i18n/message.js';

// A category's target reply time (categories.target_reply_minutes), entered as a number and a
// unit. Stored in minutes; shown back in the largest unit that says it exactly.

export const targetUnits = ['minutes', 'hours', 'days'] as const;
export type TargetUnit = (typeof targetUnits)[number];

const UNIT_MINUTES: Record<TargetUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };
export const TARGET_MIN_MINUTES = 1;
export const TARGET_MAX_MINUTES = 30 * 24 * 60;
export const DEFAULT_TARGET_MINUTES = 24 * 60;

/** The form's value for stored minutes: 1440 → 24 hours (hours read best for a day), 90 → 90 minutes. */
export function targetReplyParts(minutes: number): { value: string; unit: TargetUnit } {
  if (minutes % UNIT_MINUTES.days === 0 && minutes > UNIT_MINUTES.days) return { value: String(minutes / UNIT_MINUTES.days), unit: 'days' };
  if (minutes % UNIT_MINUTES.hours === 0) return { value: String(minutes / UNIT_MINUTES.hours), unit: 'hours' };
  return { value: String(minutes), unit: 'minutes' };
}

/** Minutes for a typed number and unit, or the message that says what to fix. */
export function parseTargetReplyTime(value: unknown, unit: unknown): { minutes: number } | { error: Message } {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!(targetUnits as readonly unknown[]).includes(unit)) return { error: msg('category.targetUnitInvalid') };
  if (!/^[0-9]{1,6}$/.test(text)) return { error: msg('category.targetNotWhole') };
  const minutes = Number(text) * UNIT_MINUTES[unit as TargetUnit];
  if (minutes < TARGET_MIN_MINUTES || minutes > TARGET_MAX_MINUTES) return { error: msg('category.targetOutOfRange') };
  return { minutes };
}
