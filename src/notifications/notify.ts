import type { Db } from '../db/client.js';
import { notifications } from '../db/schema.js';
import { mailNotificationIfWanted } from '../email/immediate.js';
import type { Tx } from '../moderation/audit.js';
import { insertPostAudience, type InsertedNotification, type PostAudience } from './fan-out.js';

/** What a notification is about; the page renders each kind in its own words. */
export const notificationKinds = [
  'post_approved',
  'post_rejected',
  'edit_approved',
  'edit_rejected',
  'post_hidden',
  'post_unhidden',
  'silenced',
  'suspended',
  'sanction_lifted',
  'answer_accepted',
  // Staff gave an idea its voters and watchers follow a new status (src/ideas/status-change.ts).
  'idea_status',
  // A published post's audience (src/notifications/fan-out.ts).
  'reply',
  'reply_to_post',
  'mention',
  'new_thread',
  // For staff, about many items at once (src/moderation/review-alerts.ts, unanswered-summary.ts).
  'review_overdue',
  'unanswered_summary',
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
  const inserted = tx
    .insert(notifications)
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
  // Members who chose "immediately" get an email queued in this same transaction.
  mailNotificationIfWanted(tx, { id: Number(inserted.lastInsertRowid), userId: entry.userId }, entry.at);
}

/**
 * The batch variant of notify(): everyone a newly published post concerns, in one INSERT…SELECT.
 * Call inside the post's transaction, with the database that transaction runs on. Returns the
 * rows it inserted so delivery (email) can follow from here as it does from notify().
 */
export function notifyPostAudience(db: Db, audience: PostAudience): InsertedNotification[] {
  const inserted = insertPostAudience(db, audience);
  for (const notification of inserted) mailNotificationIfWanted(db, notification, audience.at);
  return inserted;
}
