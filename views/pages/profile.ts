import type { Profile, ProfilePost } from '../../src/forum/users.js';
import type { I18n } from '../../src/i18n/translator.js';
import { avatarImage } from '../components/avatar.js';
import { badge } from '../components/post.js';
import { relativeTime, time } from '../components/time.js';
import { html, safe, type Html } from '../html.js';
import { rich } from '../i18n.js';

/** `teamLink`: the viewer is on the community team, so the member's team page (sanctions, spam clean-up) is a click away. */
export type ProfileProps = { i18n: I18n; profile: Profile; threadCount: number; posts: ProfilePost[]; nextCursor: string | null; isFirstPage: boolean; teamLink?: boolean };

function postItem(i18n: I18n, post: ProfilePost): Html {
  const title = html`<bdi>${post.threadTitle}</bdi>`;
  const status = post.status === 'published' ? '' : html` <span class="tag">${i18n.t(post.status === 'pending' ? 'profile.awaitingApproval' : 'profile.notPublished')}</span>`;
  return html`<li class="profile-post">
  <p class="muted"><a href="/p/${post.id}">${rich(i18n, post.number === 1 ? 'profile.started' : 'profile.repliedIn', { title })}</a> · ${relativeTime(i18n, post.createdAt)}${status}</p>
  <div class="post-body excerpt" dir="auto">${safe(post.bodyHtml)}</div>
</li>`;
}

function morePages(i18n: I18n, props: ProfileProps, path: string): Html {
  return html`<nav class="pagination" aria-label="${i18n.t('profile.morePosts')}">
  ${props.isFirstPage ? '' : html`<a href="${path}"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('profile.newestPosts')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="${path}?before=${props.nextCursor}">${i18n.t('profile.olderPosts')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

/** The bio (line breaks kept, in its own direction) and the fields the member filled in. */
function aboutMember(i18n: I18n, profile: Profile): Html {
  if (!profile.bio && profile.fields.length === 0) return html``;
  return html`<section class="profile-about" aria-label="${i18n.t('profile.about')}">
  ${profile.bio ? html`<p class="profile-bio" dir="auto">${profile.bio}</p>` : ''}
  ${profile.fields.length > 0
    ? html`<dl class="profile-fields">${profile.fields.map((field) => html`<div><dt dir="auto">${field.label}</dt><dd dir="auto">${field.value}</dd></div>`)}</dl>`
    : ''}
</section>`;
}

export function profilePage(props: ProfileProps): Html {
  const { profile, i18n } = props;
  const path = `/u/${encodeURIComponent(profile.username)}`;
  const username = html`<bdi>${profile.username}</bdi>`;
  const stats = rich(i18n, 'profile.stats', { joined: time(i18n, profile.createdAt), posts: profile.postCount, threads: props.threadCount });
  return html`<div class="profile-heading">
  ${avatarImage(profile.avatarUrl, 96, 'avatar-large', false)}
  <div>
  <h1 dir="auto">${profile.displayName ? html`<bdi>${profile.displayName}</bdi> <span class="handle">@<bdi>${profile.username}</bdi></span>` : profile.username} ${badge(profile.role, i18n)}</h1>
  <p class="muted">${stats}${props.teamLink ? html` · <a href="/mod/users/${encodeURIComponent(profile.username)}">${i18n.t('profile.teamPage')}</a>` : ''}</p>
  </div>
</div>
${aboutMember(i18n, profile)}
<h2>${i18n.t('profile.recentPosts')}</h2>
${props.posts.length === 0
  ? html`<p class="empty">${props.isFirstPage ? rich(i18n, 'profile.noPosts', { username }) : i18n.t('profile.noOlderPosts')}</p>`
  : html`<ol class="profile-posts">${props.posts.map((post) => postItem(i18n, post))}</ol>`}
${morePages(i18n, props, path)}`;
}
