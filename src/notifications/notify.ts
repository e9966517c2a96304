import type { Db } from '../db/client.js';
import { notifications } from '../db/schema.js';
import type { Tx } from '../moderation/audit.js';

/** What a notification is about; the page renders each kind in its own words. */
export const notificationKinds = [
  'post_approved',
  'post_rejected',
  'post_hidden',
  'post_unhidden',
  'silenced',
  'suspended',
  'sanction_lifted',
  'answer_accepted',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  actorId?: number | null;
  threadId?: number | null;
  postId?: number | null;
  /** Reason, end date, title… whatever the message needs, as JSON. */
  data?: Record<string, unknown>;
  at: number;
};

/** Call inside the transaction of the change the notification reports. */
export function notify(tx: Tx | Db, entry: NewNotification): void {
  tx.insert(notifications)
    .values({
      userId: entry.userId,
      kind: entry.kind,
      actorId: entry.actorId ?? null,
      threadId: entry.threadId ?? null,
      postId: entry.postId ?? null,
      data: entry.data ? JSON.stringify(entry.data) : null,
      createdAt: entry.at,
    })
    .run();
}
