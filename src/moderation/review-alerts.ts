import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { canModerate } from '../forum/permissions.js';
import { notify } from '../notifications/notify.js';
import { readReviewAlertMinutes } from './alert-settings.js';
import { listStaffMembers } from './staff-members.js';

// Items that have waited in the review queue longer than the community's alert delay are told to
// the staff who can act on them: one notification per staff member per check, however many items
// it covers, so a burst of held posts is one email rather than forty. Each item is alerted once
// (review_items.alerted_at); an item still waiting later is not alerted again. docs/decisions/0043.

/** How often the job looks for overdue items. */
export const REVIEW_ALERT_CHECK_MS = 60_000;

type Overdue = { id: number; categoryId: number };

const statements = perDatabase((db: Db) => ({
  // Read through review_items_open_idx (status, created_at); alerted items are few among open ones.
  overdue: db.$client.prepare<{ before: number }, Overdue>(
    `SELECT id, category_id AS categoryId FROM review_items
     WHERE status = 'open' AND created_at < @before AND alerted_at IS NULL ORDER BY created_at, id`,
  ),
  anyOverdue: db.$client
    .prepare<{ before: number }, number>("SELECT 1 FROM review_items WHERE status = 'open' AND created_at < @before AND alerted_at IS NULL LIMIT 1")
    .pluck(),
  markAlerted: db.$client.prepare<{ ids: string; now: number }>(
    'UPDATE review_items SET alerted_at = @now WHERE id IN (SELECT value FROM json_each(@ids)) AND alerted_at IS NULL',
  ),
}));

/**
 * Alerts staff about open items that have waited longer than the delay as of `now`, and marks
 * them alerted, in one transaction (so two processes never alert the same item twice).
 * Returns how many items and staff members it covered.
 */
export function runReviewAlerts(db: Db, now: number): { items: number; notified: number } {
  const delayMinutes = readReviewAlertMinutes(db);
  // Most checks find nothing: they read without taking the write lock.
  if (statements(db).anyOverdue.get({ before: now - delayMinutes * 60_000 }) === undefined) return { items: 0, notified: 0 };
  return db.transaction(
    (tx) => {
      const sql = statements(db);
      const items = sql.overdue.all({ before: now - delayMinutes * 60_000 });
      if (items.length === 0) return { items: 0, notified: 0 };
      let notified = 0;
      for (const staff of listStaffMembers(db, now)) {
        const count = items.filter((item) => canModerate(staff, item.categoryId)).length;
        if (count === 0) continue;
        notify(tx, { userId: staff.id, kind: 'review_overdue', data: { count, minutes: delayMinutes }, at: now });
        notified += 1;
      }
      sql.markAlerted.run({ ids: JSON.stringify(items.map((item) => item.id)), now });
      return { items: items.length, notified };
    },
    { behavior: 'immediate' },
  );
}
