import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import type { Tx } from '../forum/counters.js';
import { notificationMessage } from '../../views/email/messages.js';
import { notificationHtml, notificationPlain, isolateInSpan } from '../../views/components/notification-text.js';
import { mailMember } from './member-mail.js';
import { describeNotification, NOTIFICATION_ROW_SELECT, type NotificationRow } from './notification-text.js';
import { mailSiteFor } from './site.js';
import { perConnection } from '../db/prepared.js';

// Runs for every notification inserted (replies are benchmarked at hundreds per second), so the
// common case costs one primary-key lookup on a statement prepared once per database; only a
// verified member who chose "immediately" gets the heavier work of composing a message.

type Recipient = { email: string; username: string; verifiedAt: number | null; preference: string };

type Statements = { recipient: Statement<[number], Recipient>; notification: Statement<[number], NotificationRow>; markEmailed: Statement<[number, number]> };


const statements = perConnection((client): Statements => {
  return {
    recipient: client.prepare('SELECT email, username, email_verified_at AS verifiedAt, email_preference AS preference FROM users WHERE id = ?'),
    notification: client.prepare(`${NOTIFICATION_ROW_SELECT} WHERE n.id = ?`),
    markEmailed: client.prepare('UPDATE notifications SET emailed_at = ? WHERE id = ?'),
  };
});

/**
 * Queues one email for a just-inserted notification when its member asked for email immediately
 * and has a verified address, and marks the notification emailed so no digest repeats it. Call in
 * the transaction that inserted the notification.
 */
export function mailNotificationIfWanted(tx: Tx | Db, notification: { id: number; userId: number }, at: number): void {
  const site = mailSiteFor(tx);
  if (!site) return;
  const sql = statements(tx);
  const recipient = sql.recipient.get(notification.userId);
  if (!recipient || recipient.preference !== 'immediately' || recipient.verifiedAt === null) return;
  const row = sql.notification.get(notification.id);
  if (!row) return;
  const { sentence, url } = describeNotification(row, site);
  mailMember(tx, { userId: notification.userId, email: recipient.email, username: recipient.username }, 'notification', at, (props) =>
    notificationMessage({ ...props, summary: notificationPlain(props.i18n, sentence), summaryHtml: notificationHtml(props.i18n, sentence, isolateInSpan), url }),
  );
  sql.markEmailed.run(at, notification.id);
}
