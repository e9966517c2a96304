import type { PublicCategory, PublicIdea, PublicThreadSummary } from '../../src/embed/read.js';
import { ideaStatusName } from '../components/idea-status.js';
import type { I18n } from '../../src/i18n/translator.js';
import { relativeTime } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type EmbedCategoryProps = PublicCategory & { i18n: I18n; baseUrl: string };

/** An idea's votes and status badge, beside its title ("top ideas"). */
function ideaTags(i18n: I18n, idea: PublicIdea): Html {
  return html` <span class="embed-tag embed-idea-votes">${i18n.t('idea.votes', { count: idea.votes })}</span>${
    idea.status ? html` <span class="embed-tag embed-idea-status idea-status-${idea.status.key.replace(/[^a-z0-9_-]/g, '')}" dir="auto">${ideaStatusName(i18n, idea.status)}</span>` : ''
  }`;
}

function row(i18n: I18n, solved: string, thread: PublicThreadSummary, baseUrl: string): Html {
  return html`<li class="embed-thread">
  <a class="embed-thread-title" href="${baseUrl}/t/${thread.id}/${thread.slug}" dir="auto">${thread.title}</a>${
    thread.solved ? html` <span class="embed-tag embed-tag-solved">${solved}</span>` : ''
  }${thread.idea ? ideaTags(i18n, thread.idea) : ''}
  <span class="embed-thread-meta">${rich(i18n, 'embed.threadActivity', { count: thread.replyCount, time: relativeTime(i18n, thread.lastPostAt) })}</span>
</li>`;
}

export function embedCategory(props: EmbedCategoryProps): Html {
  const { category, baseUrl, i18n } = props;
  const categoryUrl = `${baseUrl}/c/${category.slug}`;
  const ask = i18n.t(category.kind === 'questions' ? 'embed.askCommunity' : category.kind === 'ideas' ? 'ideas.propose' : 'embed.startDiscussion');
  const solved = i18n.t('embed.solved');
  return html`<header class="embed-head">
  <h1 class="embed-title"><a href="${categoryUrl}" dir="auto">${category.name}</a></h1>
  ${category.kind === 'ideas' ? html`<p class="embed-meta">${i18n.t('embed.topIdeas')}</p>` : ''}
  ${category.description ? html`<p class="embed-meta" dir="auto">${category.description}</p>` : ''}
</header>
${props.threads.length === 0
  ? html`<p class="embed-empty">${i18n.t('embed.noThreads')}</p>`
  : html`<ul class="embed-threads">${props.threads.map((thread) => row(i18n, solved, thread, baseUrl))}</ul>`}
<p class="embed-actions"><a class="embed-button" href="${baseUrl}/new?category=${category.slug}">${ask}</a><a href="${categoryUrl}">${i18n.t('embed.seeAll')}</a></p>`;
}
