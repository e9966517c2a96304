import { html, type Html } from '../html.js';

export type ModSection = 'home' | 'queue' | 'users' | 'log' | 'watched-words' | 'categories' | 'flags' | 'language';

const staffLinks: [ModSection, string, string][] = [
  ['queue', '/mod/queue', 'Review queue'],
  ['users', '/mod/users', 'Members'],
  ['log', '/mod/log', 'Audit log'],
];
const adminLinks: [ModSection, string, string][] = [
  ['watched-words', '/admin/watched-words', 'Watched words'],
  ['categories', '/admin/categories', 'Categories'],
  ['flags', '/admin/flags', 'Flags'],
  ['language', '/admin/language', 'Language'],
];

/** The community team area's tabs; admins also see the configuration pages. */
export function modNav(current: ModSection, isAdmin: boolean): Html {
  const links = isAdmin ? [...staffLinks, ...adminLinks] : staffLinks;
  return html`<nav class="tabs mod-tabs" aria-label="Community team">
  <a href="/mod"${current === 'home' ? html` aria-current="page"` : ''}>Overview</a>
  ${links.map(([section, href, label]) => html`<a href="${href}"${section === current ? html` aria-current="page"` : ''}>${label}</a>`)}
</nav>`;
}

/** Flag reasons as members chose them on the flag form. */
export const flagReasonLabels: Record<string, string> = {
  spam: 'Spam or advertising',
  abuse: 'Abusive or harassing',
  off_topic: 'Off-topic',
  other: 'Something else',
};

/** Ready-made reasons for refusing a post; managers may also write their own. */
export const rejectReasons = [
  'Spam or advertising',
  'Off-topic for this community',
  'Personal information (please remove phone numbers, addresses or order details)',
  'Duplicate of an existing thread',
  'Abusive or disrespectful language',
] as const;

const roleNames: Record<string, string> = { member: 'Member', manager: 'Community manager', admin: 'Admin' };

export function roleName(role: string): string {
  return roleNames[role] ?? role;
}
