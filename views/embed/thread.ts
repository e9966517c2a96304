import type { MessageKey } from '../../src/i18n/catalog.js';
import { authorWithName } from '../components/member-name.js';
import { isErasedUsername } from '../../src/privacy/erased-username.js';
import type { PublicPost, PublicThread } from '../../src/embed/read.js';
import type { I18n } from '../../src/i18n/translator.js';
import { time } from '../components/time.js';
import { html, safe, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { embedCompose } from './compose.js';
import { feedbackBox } from '../components/feedback.js';

export type EmbedThreadProps = PublicThread & {
  i18n: I18n;
  baseUrl: string;
  /** The help article's key when the frame was asked for by it (/embed/k/:key), kept with answers. */
  embedKey?: string | null;
};

const badges: Record<PublicPost['author']['role'], MessageKey | null> = { member: null, manager: 'embed.badge.manager', admin: 'embed.badge.admin' };

/** Words every post may show, looked up once per frame rather than once per post. */
type PostLabels = { badges: Record<string, string | null>; official: string; solution: string };

function postLabels(i18n: I18n): PostLabels {
  const named: Record<string, string | null> = {};
  for (const [role, key] of Object.entries(badges)) named[role] = key ? i18n.t(key) : null;
  return { badges: named, official: i18n.t('embed.badge.official'), solution: i18n.t('embed.solution') };
}

function post(i18n: I18n, labels: PostLabels, item: PublicPost, baseUrl: string): Html {
  // The brand's own account speaks for the brand: "Official", whatever its role.
  const badge = item.author.official ? labels.official : (labels.badges[item.author.role] ?? null);
  return html`<article class="embed-post${badge ? ' embed-post-staff' : ''}${item.isSolution ? ' embed-post-solution' : ''}" id="post-${item.number}">
  <header class="embed-post-meta">
    ${isErasedUsername(item.author.username) ? '' : html`<img class="embed-avatar" src="${baseUrl}${item.author.avatarUrl}" width="24" height="24" alt="" loading="lazy">`}${authorWithName(i18n, item.author, { link: 'embed-author', name: 'embed-display-name' }, baseUrl)}${badge ? html`<span class="embed-badge">${badge}</span>` : ''}${
      item.isSolution ? html`<span class="embed-tag embed-tag-solved">${labels.solution}</span>` : ''
    }
    <a class="embed-post-link" href="${baseUrl}/p/${item.id}">${time(i18n, item.createdAt)}</a>
  </header>
  <div class="embed-post-body" dir="auto">${item.bodyHtml ? safe(item.bodyHtml) : ''}</div>
</article>`;
}

/** The call to action: the whole discussion in the community, for readers without the script too. */
function action(props: EmbedThreadProps, threadUrl: string): Html {
  const { thread, i18n } = props;
  const label: MessageKey = thread.locked ? 'embed.action.readFull' : thread.replyCount === 0 ? 'embed.action.join' : 'embed.action.reply';
  const more = props.totalPages > 1 ? html`<a href="${threadUrl}?page=2">${i18n.t('embed.action.readRest')}</a>` : '';
  return html`<p class="embed-actions"><a class="embed-button" href="${threadUrl}">${i18n.t(label)}</a>${more}</p>`;
}

export function embedThread(props: EmbedThreadProps): Html {
  const { thread, category, baseUrl, i18n } = props;
  const threadUrl = `${baseUrl}/t/${thread.id}/${thread.slug}`;
  // Frames show only readable posts: a placeholder for a removed post means nothing out of context.
  const visible = props.posts.filter((item) => item.state === 'visible');
  const labels = postLabels(i18n);
  const categoryLink = html`<a href="${baseUrl}/c/${category.slug}" dir="auto">${category.name}</a>`;
  return html`<header class="embed-head">
  <h1 class="embed-title"><a href="${threadUrl}" dir="auto">${thread.title}</a></h1>
  <p class="embed-meta">${rich(i18n, 'embed.repliesIn', { count: thread.replyCount, category: categoryLink })}${
    thread.solved ? html` <span class="embed-tag embed-tag-solved">${i18n.t('embed.solved')}</span>` : ''
  }${thread.locked ? html` <span class="embed-tag">${i18n.t('embed.locked')}</span>` : ''}</p>
</header>
<div class="embed-posts">${visible.map((item) => post(i18n, labels, item, baseUrl))}</div>
${thread.replyCount === 0 ? html`<p class="embed-empty">${i18n.t('embed.noReplies')}</p>` : ''}
${feedbackBox({ i18n, action: `/embed/t/${thread.id}/feedback`, key: props.embedKey ?? null, frame: true })}
${thread.locked ? '' : embedCompose({ i18n, kind: 'reply', path: `/embed/t/${thread.id}/replies` })}
${action(props, threadUrl)}`;
}
