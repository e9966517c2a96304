import type { Db } from '../db/client.js';
import { getSetting, setSetting } from '../db/settings.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid } from '../lib/errors.js';
import { recordModAction } from './audit.js';
import { requireConfigurer } from './staff.js';

// How long an item may wait in the review queue before its managers are alerted
// (src/moderation/review-alerts.ts). Admins change it on /admin/flags; it lives in `settings`.

export const REVIEW_ALERT_DEFAULT_MINUTES = 30;
export const REVIEW_ALERT_MIN_MINUTES = 5;
export const REVIEW_ALERT_MAX_MINUTES = 1440;
const KEY = 'review_alert_minutes';

export function readReviewAlertMinutes(db: Db): number {
  const value = Number(getSetting(db, KEY));
  return Number.isInteger(value) && value >= REVIEW_ALERT_MIN_MINUTES && value <= REVIEW_ALERT_MAX_MINUTES ? value : REVIEW_ALERT_DEFAULT_MINUTES;
}

export function updateReviewAlertMinutes(ctx: ServiceContext, viewer: Viewer, input: { minutes: unknown }): number {
  const actor = requireConfigurer(viewer);
  const text = typeof input.minutes === 'string' ? input.minutes.trim() : '';
  const range = { min: REVIEW_ALERT_MIN_MINUTES, max: REVIEW_ALERT_MAX_MINUTES };
  const minutes = Number(text);
  assertValid({
    minutes: !/^[0-9]{1,6}$/.test(text)
      ? msg('alert.delayNotWhole', range)
      : minutes < range.min || minutes > range.max
        ? msg('alert.delayOutOfRange', range)
        : undefined,
  });
  const previous = readReviewAlertMinutes(ctx.db);
  if (previous === minutes) return minutes;
  ctx.db.transaction(
    (tx) => {
      setSetting(tx, KEY, String(minutes));
      recordModAction(tx, { actorId: actor.id, action: 'alert_settings', details: { from: previous, to: minutes }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
  return minutes;
}
