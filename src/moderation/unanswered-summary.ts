import { getSetting, setSetting } from '../db/settings.js';
import { countUnanswered, listUnanswered } from '../insights/unanswered.js';
import type { ServiceContext } from '../lib/context.js';
import { notify } from '../notifications/notify.js';
import { listStaffMembers } from './staff-members.js';

// Once a day, each staff member with customers' questions past their target reply time in the
// categories they moderate gets one notification: how many, and the oldest. The day it last ran
// is stored, so several processes, restarts and the job's frequent checks still send it once per
// UTC day. docs/decisions/0043.

const DAY_MS = 24 * 60 * 60_000;
const LAST_DAY_KEY = 'unanswered_summary_day';
/** How often the job looks whether today's summary is still to be sent (cheap: one setting read). */
export const UNANSWERED_SUMMARY_CHECK_MS = 60_000;

/**
 * Sends today's summaries (UTC days) as of `now` unless they went out already. Returns how many
 * staff members were notified, or null when today's summaries were already sent.
 */
export function runUnansweredSummaries(services: Omit<ServiceContext, 'now'>, now: number): number | null {
  const ctx: ServiceContext = { ...services, now: () => now };
  const today = Math.floor(now / DAY_MS);
  // Most checks come after today's summary went out: they read without taking the write lock.
  if (Number(getSetting(ctx.db, LAST_DAY_KEY) ?? -1) >= today) return null;
  return ctx.db.transaction(
    (tx) => {
      // Read and claimed inside one write transaction: a second process finds the day taken.
      if (Number(getSetting(ctx.db, LAST_DAY_KEY) ?? -1) >= today) return null;
      setSetting(tx, LAST_DAY_KEY, String(today));
      let notified = 0;
      for (const staff of listStaffMembers(ctx.db, now)) {
        const count = countUnanswered(ctx, staff);
        const oldest = count > 0 ? listUnanswered(ctx, staff, { limit: 1 }).questions[0] : undefined;
        if (!oldest) continue;
        notify(tx, { userId: staff.id, kind: 'unanswered_summary', data: { count, title: oldest.title, since: oldest.createdAt }, at: now });
        notified += 1;
      }
      return notified;
    },
    { behavior: 'immediate' },
  );
}
