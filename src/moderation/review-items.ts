import { and, eq } from 'drizzle-orm';
import { reviewItems, type ReviewResolution } from '../db/schema.js';
import type { Tx } from './audit.js';

/** Closes an open review item: how, why, by whom (null: no one on the team, e.g. the author withdrew it) and when. */
export function resolveItem(tx: Tx, itemId: number, input: { resolution: ReviewResolution; reason: string | null; actorId: number | null; now: number }): void {
  tx.update(reviewItems)
    .set({ status: 'resolved', resolution: input.resolution, reason: input.reason, resolvedById: input.actorId, resolvedAt: input.now })
    .where(and(eq(reviewItems.id, itemId), eq(reviewItems.status, 'open')))
    .run();
}
