import type { Db } from '../db/client.js';
import type { Tx } from '../forum/counters.js';
import type { CommunityLocale } from '../i18n/community.js';

/** What a message needs to know about the community: its name, public address for links, and configured language and time zone. */
export type MailSite = { siteName: string; baseUrl: string; defaults: CommunityLocale };

// notify() and other services run inside transactions and see only `tx`, not the app's config.
// A database and every transaction on it share one drizzle session object, so the community's
// mail settings are registered against that session and found again from either handle, with
// the database itself (the community's language is kept per database: src/i18n/community.ts).
const sites = new WeakMap<object, { site: MailSite; db: Db }>();

function sessionOf(handle: Db | Tx): object {
  return (handle as unknown as { session: object }).session;
}

/** Called by createApp: from then on, services on this database can compose email. */
export function registerMailSite(db: Db, site: MailSite): void {
  sites.set(sessionOf(db), { site: { siteName: site.siteName, baseUrl: site.baseUrl.replace(/\/+$/, ''), defaults: site.defaults }, db });
}

/** The community's mail settings, or undefined when no app serves this database (CLI, seed). */
export function mailSiteFor(handle: Db | Tx): MailSite | undefined {
  return sites.get(sessionOf(handle))?.site;
}

/** The database a handle (the database or one of its transactions) belongs to, when an app serves it. */
export function mailDatabaseFor(handle: Db | Tx): Db | undefined {
  return sites.get(sessionOf(handle))?.db;
}

/** `"Site name" <no-reply@host>` from BASE_URL's host, unless MAIL_FROM says otherwise. */
export function defaultSender(site: Pick<MailSite, 'siteName' | 'baseUrl'>): { name: string; address: string } {
  return { name: site.siteName, address: `no-reply@${new URL(site.baseUrl).hostname}` };
}
