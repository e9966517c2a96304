import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { DayAtAGlance } from '../../src/moderation/overview.js';
import { modNav } from '../components/mod-nav.js';
import { relativeTime } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type ModHomeProps = { i18n: I18n; isAdmin: boolean; glance: DayAtAGlance };

function card(href: string, title: string, text: string): Html {
  return html`<li class="mod-card"><h2><a href="${href}">${title}</a></h2><p>${text}</p></li>`;
}

// The configuration pages, for admins: address, title and what each one decides.
const adminCards: [string, MessageKey, MessageKey][] = [
  ['/admin', 'modNav.settings', 'mod.home.settings'],
  ['/admin/watched-words', 'modNav.watchedWords', 'mod.home.watchedWords'],
  ['/admin/categories', 'modNav.categories', 'mod.home.categories'],
  ['/admin/flags', 'modNav.flags', 'mod.home.flags'],
  ['/admin/embedding', 'mod.home.embeddingTitle', 'mod.home.embedding'],
  ['/admin/appearance', 'modNav.appearance', 'adminHome.appearanceAbout'],
];

/** What waits now: each figure links to the page where it is worked through. */
function dayAtAGlance(i18n: I18n, glance: DayAtAGlance): Html {
  const oldest = glance.oldestWaitingSince;
  return html`<section class="day-glance" aria-labelledby="day-glance-heading">
  <h2 id="day-glance-heading">${i18n.t('mod.glance.heading')}</h2>
  <ul class="glance-figures">
    <li id="glance-queue"><a href="/mod/queue">${i18n.t('mod.glance.queue', { count: glance.queueSize })}</a>${
      oldest !== null ? html` <span class="muted">${rich(i18n, 'mod.glance.oldest', { ago: relativeTime(i18n, oldest) })}</span>` : ''
    }</li>
    <li id="glance-unanswered"><a href="/mod/insights">${i18n.t('mod.glance.pastTarget', { count: glance.pastTarget })}</a></li>
    <li id="glance-flags">${i18n.t('mod.glance.flagsToday', { count: glance.flagsToday })}</li>
  </ul>
</section>`;
}

/** The community team's start page: the day at a glance, then where each tool lives. */
export function modHomePage(props: ModHomeProps): Html {
  const { i18n } = props;
  const queueText = props.glance.queueSize === 0 ? i18n.t('mod.home.queueEmpty') : i18n.t('mod.home.queueWaiting', { count: props.glance.queueSize });
  return html`<h1>${i18n.t('mod.home.heading')}</h1>
${modNav(i18n, 'home', props.isAdmin)}
${dayAtAGlance(i18n, props.glance)}
<ul class="mod-cards">
  ${card('/mod/insights', i18n.t('modNav.insights'), i18n.t('mod.home.insights'))}
  ${card('/mod/queue', i18n.t('modNav.queue'), queueText)}
  ${card('/mod/users', i18n.t('modNav.members'), i18n.t('mod.home.members'))}
  ${card('/mod/log', i18n.t('modNav.log'), i18n.t('mod.home.log'))}
  ${props.isAdmin ? adminCards.map(([href, title, text]) => card(href, i18n.t(title), i18n.t(text))) : ''}
</ul>`;
}
