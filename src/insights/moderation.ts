import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { flagReasons, type FlagReason } from '../db/schema.js';
import { spreadOf } from './percentiles.js';
import type { ModerationMeasures, Period } from './types.js';

/*
 * The review queue's work in the period: items decided (review_items.resolved_at), how long they
 * had waited, flags raised (by the flagged post's thread's category) and sanctions given.
 * Sanctions are account-wide (mod_log rows without a category), so they count community-wide.
 */

type Range = { categories: string; from: number; to: number };

const sanctionActions = ['silence', 'suspend'] as const;

const statements = perDatabase((db: Db) => ({
  waits: db.$client
    .prepare<Range, number>(
      `SELECT r.resolved_at - r.created_at FROM review_items r INDEXED BY review_items_resolved_idx
       WHERE r.resolved_at >= @from AND r.resolved_at < @to AND r.category_id IN (SELECT value FROM json_each(@categories))`,
    )
    .pluck(),
  flags: db.$client.prepare<Range, { reason: FlagReason; count: number }>(
    `SELECT f.reason AS reason, count(*) AS count FROM flags f INDEXED BY flags_created_idx
     JOIN posts p ON p.id = f.post_id JOIN threads t ON t.id = p.thread_id
     WHERE f.created_at >= @from AND f.created_at < @to AND t.category_id IN (SELECT value FROM json_each(@categories))
     GROUP BY f.reason`,
  ),
  sanctions: db.$client
    .prepare<{ from: number; to: number }, number>(
      `SELECT count(*) FROM mod_log WHERE action IN (${sanctionActions.map((action) => `'${action}'`).join(', ')}) AND created_at >= @from AND created_at < @to`,
    )
    .pluck(),
}));

export function moderationOf(db: Db, categoryIds: readonly number[], period: Period): ModerationMeasures {
  const range = { categories: JSON.stringify(categoryIds), from: period.from, to: period.to };
  const { waits, flags, sanctions } = statements(db);
  const waited = waits.all(range);
  const flagsByReason = Object.fromEntries(flagReasons.map((reason) => [reason, 0])) as Record<FlagReason, number>;
  for (const row of flags.all(range)) flagsByReason[row.reason] = row.count;
  return { reviewed: waited.length, wait: spreadOf(waited), flagsByReason, sanctions: sanctions.get({ from: period.from, to: period.to }) ?? 0 };
}
