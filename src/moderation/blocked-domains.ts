import { domainToASCII } from 'node:url';
import { asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { blockedEmailDomains, users } from '../db/schema.js';
import { normalizeText } from '../forum/validation.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, NotFound } from '../lib/errors.js';
import { recordModAction, type Tx } from './audit.js';
import { requireConfigurer } from './staff.js';

// Email domains admins refuse new sign-ups from (a spammer's own domain, usually added by "delete
// spammer"). A block covers the domain and every subdomain. Domains are stored in their ASCII
// (punycode) form, lower case, so one comparison serves addresses typed in any script.

export const BLOCKED_DOMAINS_PAGE_SIZE = 100;

/**
 * Big free-mail providers: blocking one refuses a large share of honest newcomers. The clean-up
 * form warns before an admin ticks the box; nothing forbids it.
 */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com',
  'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.ru', 'yandex.ru',
  'yandex.com', 'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'zoho.com', 'mail.com', 'hotmail.co.uk', 'yahoo.co.uk',
]);

const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The ASCII form of a domain as typed ("@Example.COM", "bücher.example"), or null when it is not one. */
export function normalizeDomain(value: unknown): string | null {
  const typed = normalizeText(value).trim().replace(/^@/, '').replace(/\.$/, '').toLowerCase();
  if (typed === '' || /[\s@/]/.test(typed)) return null;
  const ascii = domainToASCII(typed);
  return ascii !== '' && DOMAIN_PATTERN.test(ascii) ? ascii : null;
}

/** The domain part of an address, normalized; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at < 0 ? null : normalizeDomain(email.slice(at + 1));
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain);
}

/** "a.b.example.com" → itself, "b.example.com", "example.com", "com": the entries that would block it. */
function blockingEntries(domain: string): string[] {
  const labels = domain.split('.');
  return labels.map((_label, index) => labels.slice(index).join('.'));
}

/** Whether sign-up must refuse this address: its domain or a parent domain is blocked. */
export function isBlockedAddress(db: Db | Tx, email: string): boolean {
  const domain = emailDomain(email);
  if (domain === null) return false;
  return db.select({ domain: blockedEmailDomains.domain }).from(blockedEmailDomains).where(inArray(blockedEmailDomains.domain, blockingEntries(domain))).get() !== undefined;
}

/** Adds a block inside the caller's transaction; false when the domain was blocked already. */
export function insertBlockedDomain(tx: Tx, input: { domain: string; actorId: number; now: number }): boolean {
  return tx.insert(blockedEmailDomains).values({ domain: input.domain, createdById: input.actorId, createdAt: input.now }).onConflictDoNothing().run().changes > 0;
}

export type BlockedDomainRow = { domain: string; createdBy: string | null; createdAt: number };

/** Alphabetical, keyset-paged on the domain. */
export function listBlockedDomains(ctx: ServiceContext, viewer: Viewer, input: { after: string | null }): { domains: BlockedDomainRow[]; nextCursor: string | null } {
  requireConfigurer(viewer);
  const rows = ctx.db
    .select({ domain: blockedEmailDomains.domain, createdBy: users.username, createdAt: blockedEmailDomains.createdAt })
    .from(blockedEmailDomains)
    .leftJoin(users, eq(users.id, blockedEmailDomains.createdById))
    .where(input.after ? gt(blockedEmailDomains.domain, input.after) : undefined)
    .orderBy(asc(blockedEmailDomains.domain))
    .limit(BLOCKED_DOMAINS_PAGE_SIZE + 1)
    .all();
  const domains = rows.slice(0, BLOCKED_DOMAINS_PAGE_SIZE);
  return { domains, nextCursor: rows.length > BLOCKED_DOMAINS_PAGE_SIZE ? (domains.at(-1)?.domain ?? null) : null };
}

export function blockDomain(ctx: ServiceContext, viewer: Viewer, input: { domain: unknown }): string {
  const actor = requireConfigurer(viewer);
  const domain = normalizeDomain(input.domain);
  const exists = domain !== null && ctx.db.select({ domain: blockedEmailDomains.domain }).from(blockedEmailDomains).where(eq(blockedEmailDomains.domain, domain)).get() !== undefined;
  assertValid({ domain: domain === null ? msg('blockedDomains.invalid') : exists ? msg('blockedDomains.exists', { domain }) : undefined });
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      insertBlockedDomain(tx, { domain: domain!, actorId: actor.id, now });
      recordModAction(tx, { actorId: actor.id, action: 'block_domain', details: { domain }, at: now });
    },
    { behavior: 'immediate' },
  );
  return domain!;
}

export function unblockDomain(ctx: ServiceContext, viewer: Viewer, input: { domain: unknown }): string {
  const actor = requireConfigurer(viewer);
  const domain = normalizeDomain(input.domain);
  const now = ctx.now();
  const removed = domain !== null && ctx.db.transaction(
    (tx) => {
      if (tx.delete(blockedEmailDomains).where(eq(blockedEmailDomains.domain, domain)).run().changes === 0) return false;
      recordModAction(tx, { actorId: actor.id, action: 'unblock_domain', details: { domain }, at: now });
      return true;
    },
    { behavior: 'immediate' },
  );
  if (!removed) throw new NotFound(msg('blockedDomains.gone'));
  return domain!;
}
