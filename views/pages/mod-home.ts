import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

export type ModHomeProps = { i18n: I18n; isAdmin: boolean; openItems: number };

function card(href: string, title: string, text: string): Html {
  return html`<li class="mod-card"><h2><a href="${href}">${title}</a></h2><p>${text}</p></li>`;
}

// The configuration pages, for admins: address, title and what each one decides.
const adminCards: [string, MessageKey, MessageKey][] = [
  ['/admin/watched-words', 'modNav.watchedWords', 'mod.home.watchedWords'],
  ['/admin/categories', 'modNav.categories', 'mod.home.categories'],
  ['/admin/flags', 'modNav.flags', 'mod.home.flags'],
  ['/admin/embedding', 'mod.home.embeddingTitle', 'mod.home.embedding'],
];

/** The community team's start page: where each tool lives. */
export function modHomePage(props: ModHomeProps): Html {
  const { i18n } = props;
  const queueText = props.openItems === 0 ? i18n.t('mod.home.queueEmpty') : i18n.t('mod.home.queueWaiting', { count: props.openItems });
  return html`<h1>${i18n.t('mod.home.heading')}</h1>
${modNav(i18n, 'home', props.isAdmin)}
<ul class="mod-cards">
  ${card('/mod/queue', i18n.t('modNav.queue'), queueText)}
  ${card('/mod/users', i18n.t('modNav.members'), i18n.t('mod.home.members'))}
  ${card('/mod/log', i18n.t('modNav.log'), i18n.t('mod.home.log'))}
  ${props.isAdmin ? adminCards.map(([href, title, text]) => card(href, i18n.t(title), i18n.t(text))) : ''}
</ul>`;
}
