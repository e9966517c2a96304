import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

type Tab = { section: string; href: string; label: MessageKey };

// One line per tab: its section name (what a page passes as `current`), its address and its label.
const staffTabs = [
  { section: 'insights', href: '/mod/insights', label: 'modNav.insights' },
  { section: 'queue', href: '/mod/queue', label: 'modNav.queue' },
  { section: 'users', href: '/mod/users', label: 'modNav.members' },
  { section: 'saved-replies', href: '/mod/saved-replies', label: 'modNav.savedReplies' },
  { section: 'log', href: '/mod/log', label: 'modNav.log' },
] as const satisfies readonly Tab[];
const adminTabs = [
  { section: 'admin', href: '/admin', label: 'modNav.settings' },
  { section: 'watched-words', href: '/admin/watched-words', label: 'modNav.watchedWords' },
  { section: 'categories', href: '/admin/categories', label: 'modNav.categories' },
  { section: 'ideas', href: '/admin/ideas', label: 'modNav.ideas' },
  { section: 'profile-fields', href: '/admin/profile-fields', label: 'modNav.profileFields' },
  { section: 'flags', href: '/admin/flags', label: 'modNav.flags' },
  { section: 'blocked-domains', href: '/admin/blocked-domains', label: 'modNav.blockedDomains' },
  { section: 'language', href: '/admin/language', label: 'modNav.language' },
  { section: 'appearance', href: '/admin/appearance', label: 'modNav.appearance' },
] as const satisfies readonly Tab[];

export type ModSection = 'home' | (typeof staffTabs)[number]['section'] | (typeof adminTabs)[number]['section'];

/** The community team area's tabs; admins also see the configuration pages. */
export function modNav(i18n: I18n, current: ModSection, isAdmin: boolean): Html {
  const tabs: readonly Tab[] = isAdmin ? [...staffTabs, ...adminTabs] : staffTabs;
  return html`<nav class="tabs mod-tabs" aria-label="${i18n.t('modNav.label')}">
  <a href="/mod"${current === 'home' ? html` aria-current="page"` : ''}>${i18n.t('modNav.overview')}</a>
  ${tabs.map((tab) => html`<a href="${tab.href}"${tab.section === current ? html` aria-current="page"` : ''}>${i18n.t(tab.label)}</a>`)}
</nav>`;
}

const flagReasonKeys: Record<string, MessageKey> = {
  spam: 'flag.reason.spam',
  abuse: 'flag.reason.abuse',
  off_topic: 'flag.reason.offTopic',
  other: 'flag.reason.other',
};

/** A flag's reason as members chose it on the flag form. */
export function flagReasonLabel(i18n: I18n, reason: string): string {
  const key = flagReasonKeys[reason];
  return key ? i18n.t(key) : reason;
}

/** The flag reasons with their labels, in the order the flag form lists them. */
export function flagReasonOptions(i18n: I18n): [string, string][] {
  return Object.keys(flagReasonKeys).map((reason) => [reason, flagReasonLabel(i18n, reason)]);
}

const rejectReasonKeys: readonly MessageKey[] = ['review.preset.spam', 'review.preset.offTopic', 'review.preset.personalInformation', 'review.preset.duplicate', 'review.preset.abusive'];

/**
 * Ready-made reasons for refusing a post, in the manager's language; managers may also write
 * their own. The chosen text is stored and shown to the author as the manager's words.
 */
export function rejectReasons(i18n: I18n): string[] {
  return rejectReasonKeys.map((key) => i18n.t(key));
}

const roleKeys: Record<string, MessageKey> = { member: 'members.role.member', manager: 'members.role.manager', admin: 'members.role.admin' };

export function roleName(i18n: I18n, role: string): string {
  const key = roleKeys[role];
  return key ? i18n.t(key) : role;
}
