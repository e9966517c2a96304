import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { perConnection } from '../db/prepared.js';
import type { Tx } from '../forum/counters.js';
import { communityLocale } from '../i18n/community.js';
import { supportedLocale } from '../i18n/negotiate.js';
import { isTimeZone } from '../i18n/time-zones.js';
import { I18n, localeFormat } from '../i18n/translator.js';
import type { ComposedEmail, MailProps } from '../../views/email/messages.js';
import { enqueueEmail } from './outbox.js';
import { mailDatabaseFor, mailSiteFor, type MailSite } from './site.js';
import { unsubscribeLink } from './unsubscribe.js';

export type Recipient = { userId: number; email: string; username: string };

type Choice = { locale: string | null; timeZone: string | null };
const statements = perConnection((client): { choice: Statement<[number], Choice> } => ({
  choice: client.prepare('SELECT locale, time_zone AS timeZone FROM users WHERE id = ?'),
}));

/**
 * The language and time zone a member reads email in: their own choice on the account page, else
 * the community's (as the site's pages are), at the moment the message is written.
 */
export function recipientI18n(tx: Tx | Db, site: MailSite, userId: number, at: number): I18n {
  const chosen = statements(tx).choice.get(userId);
  const db = mailDatabaseFor(tx);
  const community = db ? communityLocale(db, site.defaults) : site.defaults;
  const locale = supportedLocale(chosen?.locale) ?? community.locale;
  const timeZone = chosen?.timeZone && isTimeZone(chosen.timeZone) ? chosen.timeZone : community.timeZone;
  return new I18n(localeFormat(locale, timeZone), at);
}

/**
 * Composes a message to a member in their language and queues it in the caller's transaction,
 * with the RFC 8058 unsubscribe header pair and the same link in the body. Returns false when no
 * app serves this database (the CLI and the demo seed send no email).
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
  const i18n = recipientI18n(tx, site, to.userId, at);
  const message = compose({ i18n, siteName: site.siteName, baseUrl: site.baseUrl, username: to.username, unsubscribeUrl: unsubscribe.url }, site);
  enqueueEmail(tx, { userId: to.userId, to: to.email, kind, subject: message.subject, text: message.text, html: message.html, headers: unsubscribe.headers }, at);
  return true;
}
