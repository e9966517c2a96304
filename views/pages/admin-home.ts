import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { SiteHealth } from '../../src/operations/health.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

export type AdminHomeProps = { i18n: I18n; health: SiteHealth };

// Every settings page there is, with a line on what it holds.
const settingsPages: readonly { href: string; label: MessageKey; about: MessageKey }[] = [
  { href: '/admin/categories', label: 'modNav.categories', about: 'adminHome.categoriesAbout' },
  { href: '/admin/ideas', label: 'modNav.ideas', about: 'adminHome.ideasAbout' },
  { href: '/admin/appearance', label: 'modNav.appearance', about: 'adminHome.appearanceAbout' },
  { href: '/admin/language', label: 'modNav.language', about: 'adminHome.languageAbout' },
  { href: '/admin/sign-in', label: 'oidcAdmin.heading', about: 'adminHome.signInAbout' },
  { href: '/admin/privacy', label: 'privacy.settingsHeading', about: 'privacy.settingsAbout' },
  { href: '/admin/flags', label: 'modNav.flags', about: 'adminHome.flagsAbout' },
  { href: '/admin/watched-words', label: 'modNav.watchedWords', about: 'adminHome.watchedWordsAbout' },
  { href: '/admin/blocked-domains', label: 'modNav.blockedDomains', about: 'adminHome.blockedDomainsAbout' },
  { href: '/admin/embedding', label: 'adminHome.embedding', about: 'adminHome.embeddingAbout' },
];

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1536 → "1.5 kB", in the reader's language. */
export function formatBytes(i18n: I18n, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(i18n.locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

function row(label: string, value: Html | string): Html {
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function healthList(i18n: I18n, health: SiteHealth): Html {
  const backup = health.lastBackupAt === null ? i18n.t('adminHome.noBackup') : i18n.dateTime(health.lastBackupAt);
  return html`<dl class="health">
  ${row(i18n.t('adminHome.version'), html`<code>${health.version}</code> · <code>${health.buildId}</code>`)}
  ${row(i18n.t('adminHome.databaseSize'), health.databaseBytes === null ? i18n.t('adminHome.inMemory') : formatBytes(i18n, health.databaseBytes))}
  ${row(i18n.t('adminHome.walSize'), formatBytes(i18n, health.walBytes))}
  ${row(i18n.t('adminHome.lastBackup'), backup)}
  ${row(i18n.t('adminHome.outbox'), i18n.t('adminHome.outboxCounts', { pending: health.outbox.pending, failed: health.outbox.failed }))}
  ${row(i18n.t('adminHome.errors'), i18n.t('adminHome.errorsCount', { count: health.errorsLastHour, since: i18n.dateTime(health.countingSince) }))}
</dl>`;
}

/** /admin: every settings page, and how the site is doing. */
export function adminHomePage(props: AdminHomeProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('adminHome.heading')}</h1>
${modNav(i18n, 'admin', true)}
<section aria-labelledby="settings-heading">
  <h2 id="settings-heading">${i18n.t('adminHome.settingsHeading')}</h2>
  <ul class="settings-links">${settingsPages.map((page) => html`<li><a href="${page.href}">${i18n.t(page.label)}</a> <span class="hint">${i18n.t(page.about)}</span></li>`)}</ul>
</section>
<section aria-labelledby="health-heading">
  <h2 id="health-heading">${i18n.t('adminHome.healthHeading')}</h2>
  ${healthList(i18n, props.health)}
  <p class="hint">${i18n.t('adminHome.backupHint')}</p>
</section>`;
}
