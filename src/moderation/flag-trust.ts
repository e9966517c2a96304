import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { flags, users } from '../db/schema.js';
import { getSetting, setSetting } from '../db/settings.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import type { MessageKey } from '../i18n/catalog.js';
import { msg, type Message } from '../i18n/message.js';
import { assertValid } from '../lib/errors.js';
import { recordModAction } from './audit.js';
import { requireConfigurer } from './staff.js';

// Whose flags may hide a post on their own. Every flag is recorded and reaches the review queue,
// but only flags from members whose address was confirmed and whose account was old enough when
// they flagged count toward the automatic hide: otherwise a few throwaway accounts could hide any
// post. Admins change the three values on /admin/flags; they live in the `settings` table.

export const DEFAULT_FLAG_HIDE_THRESHOLD = 3;
export const DEFAULT_MIN_ACCOUNT_AGE_HOURS = 24;
export const FLAG_HIDE_THRESHOLD_MAX = 100;
export const MIN_ACCOUNT_AGE_HOURS_MAX = 24 * 365;
const HOUR = 60 * 60 * 1000;

export const flagTrustKeys = {
  threshold: 'flag_hide_threshold',
  minAccountAgeHours: 'flag_trust_min_account_age_hours',
  requiresConfirmed: 'flag_trust_requires_confirmed',
} as const;

export type FlagTrust = { threshold: number; minAccountAgeHours: number; requiresConfirmed: boolean };

function storedNumber(db: Db, key: string, fallback: number, min: number, max: number): number {
  const value = Number(getSetting(db, key));
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

export function readFlagTrust(db: Db): FlagTrust {
  return {
    threshold: storedNumber(db, flagTrustKeys.threshold, DEFAULT_FLAG_HIDE_THRESHOLD, 1, FLAG_HIDE_THRESHOLD_MAX),
    minAccountAgeHours: storedNumber(db, flagTrustKeys.minAccountAgeHours, DEFAULT_MIN_ACCOUNT_AGE_HOURS, 0, MIN_ACCOUNT_AGE_HOURS_MAX),
    requiresConfirmed: getSetting(db, flagTrustKeys.requiresConfirmed) !== 'off',
  };
}

/**
 * True for a flag (joined with its flagger in `users`) that counts toward the automatic hide. It is
 * judged as of the flag's own time: confirming the address later does not make an old flag count.
 */
export function countsTowardHide(trust: FlagTrust): SQL {
  const oldEnough = sql`${flags.createdAt} - ${users.createdAt} >= ${trust.minAccountAgeHours * HOUR}`;
  if (!trust.requiresConfirmed) return oldEnough;
  return sql`(${oldEnough} and ${users.emailVerifiedAt} is not null and ${users.emailVerifiedAt} <= ${flags.createdAt})`;
}

/** The messages for a value that is not a whole number, and for one outside {min}–{max}. */
type NumberMessages = { notWhole: MessageKey; outOfRange: MessageKey };

function wholeNumberError(text: string, min: number, max: number, messages: NumberMessages): Message | undefined {
  if (!/^[0-9]{1,6}$/.test(text)) return msg(messages.notWhole, { min, max });
  const value = Number(text);
  return value < min || value > max ? msg(messages.outOfRange, { min, max }) : undefined;
}

export type FlagTrustInput = { threshold: unknown; minAccountAgeHours: unknown; requiresConfirmed: unknown };

/** `requiresConfirmed` is a checkbox: `on` when ticked, absent when not. */
export function updateFlagTrust(ctx: ServiceContext, viewer: Viewer, input: FlagTrustInput): FlagTrust {
  const actor = requireConfigurer(viewer);
  const threshold = typeof input.threshold === 'string' ? input.threshold.trim() : '';
  const age = typeof input.minAccountAgeHours === 'string' ? input.minAccountAgeHours.trim() : '';
  assertValid({
    threshold: wholeNumberError(threshold, 1, FLAG_HIDE_THRESHOLD_MAX, { notWhole: 'flag.thresholdNotWhole', outOfRange: 'flag.thresholdOutOfRange' }),
    minAccountAgeHours: wholeNumberError(age, 0, MIN_ACCOUNT_AGE_HOURS_MAX, { notWhole: 'flag.accountAgeNotWhole', outOfRange: 'flag.accountAgeOutOfRange' }),
    requiresConfirmed: input.requiresConfirmed === undefined || input.requiresConfirmed === 'on' ? undefined : msg('flag.requiresConfirmedInvalid'),
  });
  const next: FlagTrust = { threshold: Number(threshold), minAccountAgeHours: Number(age), requiresConfirmed: input.requiresConfirmed === 'on' };
  const previous = readFlagTrust(ctx.db);
  ctx.db.transaction(
    (tx) => {
      setSetting(tx, flagTrustKeys.threshold, String(next.threshold));
      setSetting(tx, flagTrustKeys.minAccountAgeHours, String(next.minAccountAgeHours));
      setSetting(tx, flagTrustKeys.requiresConfirmed, next.requiresConfirmed ? 'on' : 'off');
      recordModAction(tx, { actorId: actor.id, action: 'flag_settings', details: { from: previous, to: next }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
  return next;
}
