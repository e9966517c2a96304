import type { PostReference, RepliesToPost } from '../../src/forum/reply-context.js';
import { authorWithName } from './member-name.js';
import { isErasedUsername } from '../../src/privacy/erased-username.js';
import type { PostView } from '../../src/forum/thread-page.js';
import type { I18n, LocaleFormat } from '../../src/i18n/translator.js';
import { html, safe, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { time } from './time.js';
import { avatarImage } from './avatar.js';
import { acceptControl, acceptedMark, answerLabels, helpfulControl } from './answer.js';
import { quotedSentenceEnd } from '../../src/lib/quote.js';

const strong = (text: Html) => html`<strong>${text}</strong>`;

/**
 * The words every post of a page uses, looked up once per locale: a thread page renders twenty
 * posts, and this keeps their labels out of the per-post work (one Map read per page, not forty).
 */
function labelsFor(i18n: I18n) {
  return {
    ...answerLabels(i18n),
    badges: { member: null, manager: i18n.t('post.badgeManager'), admin: i18n.t('post.badgeAdmin') } as Record<PostView['author']['role'], string | null>,
    official: i18n.t('post.badgeOfficial'),
    linkTitle: i18n.t('post.linkTitle'),
    waiting: i18n.t('post.waiting'),
    editedTitle: i18n.t('post.editedTitle'),
    reply: i18n.t('post.reply'),
    edit: i18n.t('post.edit'),
    history: i18n.t('post.history'),
    delete: i18n.t('post.delete'),
    flag: i18n.t('post.flag'),
    flagged: i18n.t('post.flagged'),
    unhide: i18n.t('post.unhide'),
    hide: i18n.t('post.hide'),
    hideReason: i18n.t('post.hideReason'),
    hidePost: i18n.t('post.hidePost'),
    deleted: i18n.t('post.deleted'),
    hiddenPendingReview: i18n.t('post.hiddenPendingReview'),
    hiddenByManager: i18n.t('post.hiddenByManager'),
    awaitingConfirmation: rich(i18n, 'post.awaitingConfirmation', { strong }),
    awaitingApproval: rich(i18n, 'post.awaitingApproval', { strong }),
    autoHiddenBanner: i18n.t('post.autoHiddenBanner'),
  };
}

export type PostLabels = ReturnType<typeof labelsFor>;

const labelsByLocale = new WeakMap<LocaleFormat, PostLabels>();

/** The post labels of the reader's locale (built once per locale and time zone, then kept). */
export function postLabels(i18n: I18n): PostLabels {
  let labels = labelsByLocale.get(i18n.format);
  if (labels === undefined) labelsByLocale.set(i18n.format, (labels = labelsFor(i18n)));
  return labels;
}

function roleBadge(role: PostView['author']['role'], labels: PostLabels): Html {
  const label = labels.badges[role];
  return label ? html`<span class="badge badge-${role}">${label}</span>` : html``;
}

/** Staff posts carry a badge: they are the brand's official voice. */
export function badge(role: PostView['author']['role'], i18n: I18n): Html {
  return roleBadge(role, postLabels(i18n));
}

/**
 * A reason someone typed, for a message that quotes it at the end of a sentence: isolated, so that
 * Arabic in an English page (or the reverse) keeps the punctuation around it in place, and `ended`
 * when it ends with its own punctuation (then the message adds none after the closing quote).
 */
function quotedReason(reason: string): { reason: Html; ended: 'yes' | 'no' } {
  const trimmed = reason.trim();
  const ended = quotedSentenceEnd(trimmed).length === trimmed.length + 2;
  return { reason: html`<bdi>${trimmed}</bdi>`, ended: ended ? 'yes' : 'no' };
}

function rejectedBanner(i18n: I18n, post: PostView): Html {
  const editable = post.canEdit ? 'yes' : 'no';
  const link = (text: Html) => html`<a href="/p/${post.id}/edit">${text}</a>`;
  const text = post.reason
    ? rich(i18n, 'post.rejectedWithReason', { strong, link, editable, ...quotedReason(post.reason) })
    : rich(i18n, 'post.rejected', { strong, link, editable });
  return html`<p class="banner banner-rejected" role="status">${text}</p>`;
}

function banner(i18n: I18n, post: PostView, labels: PostLabels): Html {
  switch (post.state) {
    case 'pending':
      return html`<p class="banner banner-pending" role="status">${post.awaitsConfirmation ? labels.awaitingConfirmation : labels.awaitingApproval}</p>`;
    case 'rejected':
      return rejectedBanner(i18n, post);
    case 'hidden':
      if (post.bodyHtml === null) return html``;
      if (post.autoHidden) return html`<p class="banner banner-hidden" role="status">${labels.autoHiddenBanner}</p>`;
      return html`<p class="banner banner-hidden" role="status">${
        post.reason ? rich(i18n, 'post.hiddenBannerWithReason', quotedReason(post.reason)) : i18n.t('post.hiddenBanner')
      }</p>`;
    default:
      return html``;
  }
}

/** Only the author is told; everyone, the author included, reads the public version below. */
function editWaitingBanner(i18n: I18n, post: PostView): Html {
  return html`<p class="banner banner-pending" role="status">${rich(i18n, 'post.editWaiting', { strong, link: (text) => html`<a href="/p/${post.id}/edit">${text}</a>` })}</p>`;
}

function body(i18n: I18n, post: PostView, labels: PostLabels): Html {
  if (post.state === 'deleted') return html`<p class="placeholder">${labels.deleted}</p>`;
  if (post.bodyHtml === null) {
    return html`<p class="placeholder">${post.autoHidden ? labels.hiddenPendingReview : labels.hiddenByManager}</p>`;
  }
  return html`${banner(i18n, post, labels)}${post.editWaiting ? editWaitingBanner(i18n, post) : ''}<div class="post-body" dir="auto">${safe(post.bodyHtml)}</div>`;
}

// A link to the flag page (views/pages/flag.ts), not a form per post: the form was ~900 bytes
// times every post of a signed-in page.
function flagLink(post: PostView, labels: PostLabels): Html {
  if (post.flaggedByViewer) return html`<span class="muted">${labels.flagged}</span>`;
  if (!post.canFlag) return html``;
  return html`<a href="/p/${post.id}/flag" rel="nofollow">${labels.flag}</a>`;
}

function moderatorTools(post: PostView, labels: PostLabels): Html {
  if (!post.canModerate || post.state === 'pending' || post.state === 'rejected') return html``;
  if (post.state === 'hidden') {
    return html`<form method="post" action="/p/${post.id}/unhide" class="inline-form"><button type="submit" class="link-button">${labels.unhide}</button></form>`;
  }
  return html`<details class="mod-hide">
  <summary>${labels.hide}</summary>
  <form method="post" action="/p/${post.id}/hide" class="inline-form">
    <label for="hide-reason-${post.id}">${labels.hideReason}</label>
    <input id="hide-reason-${post.id}" name="reason" required maxlength="300" dir="auto">
    <button type="submit" class="button-secondary danger">${labels.hidePost}</button>
  </form>
</details>`;
}

function actions(i18n: I18n, post: PostView, labels: PostLabels, replyHref?: (number: number) => string): Html {
  return html`<div class="post-actions">
  ${replyHref && post.state === 'visible' && post.number !== null ? html`<a href="${replyHref(post.number)}">${labels.reply}</a>` : ''}
  ${helpfulControl(i18n, post, labels)}
  ${acceptControl(post, labels)}
  ${post.canEdit ? html`<a href="/p/${post.id}/edit">${labels.edit}</a>` : ''}
  ${post.canViewRevisions ? html`<a href="/p/${post.id}/revisions">${labels.history}</a>` : ''}
  ${post.canDelete
    ? html`<form method="post" action="/p/${post.id}/delete" class="inline-form"><button type="submit" class="link-button danger">${labels.delete}</button></form>`
    : ''}
  ${flagLink(post, labels)}
  ${moderatorTools(post, labels)}
</div>`;
}

/** An anchor on this page, else the permalink (which finds the post's page); isolated, as it holds a username. */
function referenceLink(post: PostReference): Html {
  return html`<a href="${post.onPage ? `#post-${post.number}` : `/p/${post.postId}`}" dir="auto">@${post.username} #${post.number}</a>`;
}

function inReplyTo(i18n: I18n, target: PostReference | null): Html {
  return target ? html`<p class="in-reply-to">${rich(i18n, 'post.inReplyTo', { post: referenceLink(target) })}</p>` : html``;
}

/** Collapsed, as Discourse shows them; a details element opens without JavaScript. */
function repliesReceived(i18n: I18n, replies: RepliesToPost | null): Html {
  if (replies === null) return html``;
  const more = replies.total - replies.listed.length;
  return html`<details class="post-replies">
  <summary>${i18n.t('post.repliesReceived', { count: replies.total })}</summary>
  <ul>${replies.listed.map((reply) => html`<li>${referenceLink(reply)}</li>`)}${more > 0 ? html`<li class="muted">${i18n.t('post.moreReplies', { count: more })}</li>` : ''}</ul>
</details>`;
}

/**
 * The author's display name beside their @username (the link); without a display name, the
 * username alone as before. The picture before it is decorative: the name says who it is.
 */
function postMeta(i18n: I18n, post: PostView, labels: PostLabels): Html {
  const { author } = post;
  return html`<header class="post-meta">
    ${isErasedUsername(author.username) ? '' : avatarImage(author.avatarUrl, 32)}${authorWithName(i18n, author, { link: 'author', name: 'display-name' })}${author.official ? html`<span class="badge badge-official">${labels.official}</span>` : roleBadge(author.role, labels)}
    <a class="post-link" href="/p/${post.id}" title="${labels.linkTitle}">${post.number === null ? labels.waiting : html`#${post.number}`}</a>
    ${time(i18n, post.createdAt)}${post.editedAt !== null ? html` <span class="edited" title="${labels.editedTitle}">${rich(i18n, 'post.edited', { time: time(i18n, post.editedAt) })}</span>` : ''}
    ${acceptedMark(post, labels)}
  </header>`;
}

/**
 * One post in a thread; `id="post-N"` is the anchor permalinks and reply redirects point at.
 * `labels` is postLabels(i18n), made once per page. `replyHref` (signed-in pages only) adds a
 * "Reply" link to the thread's form for this post.
 */
export function postArticle(post: PostView, i18n: I18n, labels: PostLabels, replyHref?: (number: number) => string): Html {
  const anchor = post.number === null ? `post-pending-${post.id}` : `post-${post.number}`;
  return html`<article class="post${post.author.role !== 'member' ? ' post-staff' : ''}${post.state !== 'visible' ? ` post-removed post-${post.state}` : ''}${post.accepted ? ' post-accepted' : ''}" id="${anchor}">
  ${postMeta(i18n, post, labels)}
  ${inReplyTo(i18n, post.replyTo)}
  ${body(i18n, post, labels)}
  ${actions(i18n, post, labels, replyHref)}
  ${repliesReceived(i18n, post.replies)}
</article>`;
}
