import type { NotificationView } from '../notifications/list.js';
import { notificationListPath, notificationSentence, type NotificationSentence } from '../notifications/text.js';
import type { MailSite } from './site.js';

/** A notification as the list page would load it (thread title and actor joined in). */
export type NotificationRow = {
  id: number;
  kind: string;
  actor: string | null;
  threadId: number | null;
  threadTitle: string | null;
  threadSlug: string | null;
  postId: number | null;
  data: string | null;
  createdAt: number;
  /** 1 when the post it is about is public (or it is about no post). */
  available: number;
};

/** Loads NotificationRow columns; add the WHERE clause. */
export const NOTIFICATION_ROW_SELECT = `SELECT n.id, n.kind, actor.username AS actor, n.thread_id AS threadId, t.title AS threadTitle,
    t.slug AS threadSlug, n.post_id AS postId, n.data, n.created_at AS createdAt,
    CASE WHEN n.post_id IS NULL THEN 1 WHEN p.status = 'published' AND p.hidden_at IS NULL AND p.deleted_at IS NULL THEN 1 ELSE 0 END AS available
  FROM notifications AS n LEFT JOIN users AS actor ON actor.id = n.actor_id LEFT JOIN threads AS t ON t.id = n.thread_id
    LEFT JOIN posts AS p ON p.id = n.post_id`;

/** The notification page's sentence for a notification (put into words in the recipient's language), and where it points. */
export function describeNotification(row: NotificationRow, site: MailSite): { sentence: NotificationSentence; url: string } {
  const data = row.data ? (JSON.parse(row.data) as Record<string, unknown>) : {};
  const view = { ...row, data, read: false, groupSize: 1, available: row.available === 1 } as NotificationView;
  const sentence = notificationSentence(view);
  const path = row.postId !== null ? `/p/${row.postId}` : row.threadId !== null ? `/t/${row.threadId}` : (notificationListPath(row.kind) ?? '/notifications');
  return { sentence, url: `${site.baseUrl}${path}` };
}
