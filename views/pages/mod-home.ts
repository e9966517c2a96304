import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

export type ModHomeProps = { isAdmin: boolean; openItems: number };

function card(href: string, title: string, text: string): Html {
  return html`<li class="mod-card"><h2><a href="${href}">${title}</a></h2><p>${text}</p></li>`;
}

/** The community team's start page: where each tool lives. */
export function modHomePage(props: ModHomeProps): Html {
  const queueText =
    props.openItems === 0
      ? 'Nothing is waiting right now.'
      : `${props.openItems} ${props.openItems === 1 ? 'item is' : 'items are'} waiting: posts held for approval and flagged posts.`;
  return html`<h1>Community team</h1>
${modNav('home', props.isAdmin)}
<ul class="mod-cards">
  ${card('/mod/queue', 'Review queue', queueText)}
  ${card('/mod/users', 'Members', 'Find a member, see their history, silence or suspend them.')}
  ${card('/mod/log', 'Audit log', 'Every action the team took, with who, why and when.')}
  ${props.isAdmin
    ? html`${card('/admin/watched-words', 'Watched words', 'Words and phrases that block, hold or censor posts.')}
  ${card('/admin/categories', 'Categories', 'Who must wait for approval in each category, and whether it takes questions.')}
  ${card('/admin/flags', 'Flags', 'How many flags from trusted members hide a post, and who counts as trusted.')}
  ${card('/admin/embedding', 'Embedding', 'Sites allowed to embed threads, and API keys for brands’ servers.')}`
    : ''}
</ul>`;
}
