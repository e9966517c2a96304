import type { Db } from '../db/client.js';
import type { Tx } from '../forum/counters.js';
import type { ComposedEmail, MailProps } from '../../views/email/messages.js';
import { enqueueEmail } from './outbox.js';
import { mailSiteFor, type MailSite } from './site.js';
import { unsubscribeLink } from './unsubscribe.js';

export type Recipient = { userId: number; email: string; username: string };

/**
 * Composes a message to a member and queues it in the caller's transaction, with the RFC 8058
 * unsubscribe header pair and the same link in the body. Returns false when no app serves this
 * database (the CLI and the demo seed send no email).
 */
export function mailMember(
  tx: Tx | Db,
  to: Recipient,
  kind: string,
  at: number,
  compose: (props: MailProps, site: MailSite) => ComposedEmail,
): boolean {
  const site = mailSiteFor(tx);
  if (!site) return false;
  const unsubscribe = unsubscribeLink(tx, site, to.userId);
  const message = compose({ siteName: site.siteName, baseUrl: site.baseUrl, username: to.username, unsubscribeUrl: unsubscribe.url }, site);
  enqueueEmail(tx, { userId: to.userId, to: to.email, kind, subject: message.subject, text: message.text, html: message.html, headers: unsubscribe.headers }, at);
  return true;
}
