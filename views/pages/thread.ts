import type { ThreadPage } from '../../src/forum/thread-page.js';
import { pageLinks } from '../components/pagination.js';
import { acceptedAnswerBox } from '../components/answer.js';
import { watchForm } from '../components/watch-form.js';
import type { WatchState } from '../../src/notifications/watching.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, scriptNonce, type Html } from '../html.js';
import { pagePath, replySection } from '../components/reply-section.js';
import { rich } from '../i18n.js';
import { claimStatus, type ClaimState } from '../components/claim-form.js';
import type { SavedReplyPicker } from '../components/saved-reply-picker.js';
import { ideaActions, ideaSummaryPanel, type IdeaActionsProps } from '../components/idea-panel.js';

export type ReplyDraft = {
  body: string;
  submission: string;
  /** The post this reply answers (from its "Reply" link), kept when the form comes back. */
  replyTo?: { postId: number; number: number; username: string };
  error?: string;
  formError?: string;
  /** Why the saved reply chosen could not be inserted (staff's picker). */
  savedReplyError?: string;
  /** Why the image could not be uploaded (the composer's "Upload image" without JavaScript). */
  fileError?: string;
};

export type ThreadPageProps = ThreadPage & {
  i18n: I18n;
  signedIn: boolean;
  /** False when members join only through the brand's provider (OIDC_ONLY): no sign-up is offered. */
  signUp: boolean;
  /** Each of `posts` rendered with views/components/post.ts `postArticle` (and `replyLink`), in the same order. */
  articles: readonly Html[];
  reply?: ReplyDraft;
  /** Categories a moderator may move the thread to. */
  moveTargets?: { slug: string; name: string }[];
  /** More staff tools rendered by other features (e.g. embedding keys). */
  extraStaffTools?: Html;
  /** The signed-in member's notification level for this thread (never on anonymous, cached pages). */
  watch?: WatchState;
  /** Who is on the thread, for staff who moderate it only (their own staff tools, never a shared frame). */
  claim?: ClaimState;
  /** Saved replies to insert into the reply box, for staff who moderate the thread. */
  savedReplies?: SavedReplyPicker;
  /** The opening post's polls as this viewer sees them (views/components/poll.ts). */
  pollSection?: Html;
  /** An idea's vote button and staff forms, for this viewer (src/ideas/). */
  ideaActions?: IdeaActionsProps;
};

function staffControls(props: ThreadPageProps): Html {
  const { thread, i18n } = props;
  if (!props.canModerate) return html``;
  return html`${props.claim ? claimStatus(i18n, thread.id, props.claim) : ''}${staffDetails(props)}`;
}

function staffDetails(props: ThreadPageProps): Html {
  const { thread, i18n } = props;
  const toggle = (action: string, value: boolean, label: string) =>
    html`<form method="post" action="/t/${thread.id}/${action}" class="inline-form"><input type="hidden" name="value" value="${value ? '1' : '0'}"><button type="submit" class="button-secondary">${label}</button></form>`;
  return html`<details class="staff-controls">
  <summary>${i18n.t('thread.manage')}</summary>
  <div class="staff-tools">
    ${toggle('pin', !thread.pinned, i18n.t(thread.pinned ? 'thread.unpin' : 'thread.pin'))}
    ${toggle('lock', !thread.locked, i18n.t(thread.locked ? 'thread.unlock' : 'thread.lock'))}
    <form method="post" action="/t/${thread.id}/rename" class="staff-form">
      <label for="rename-title">${i18n.t('thread.renameLabel')}</label>
      <input id="rename-title" name="title" value="${thread.title}" required maxlength="150" dir="auto">
      <button type="submit" class="button-secondary">${i18n.t('thread.rename')}</button>
    </form>
    <form method="post" action="/t/${thread.id}/move" class="staff-form">
      <label for="move-category">${i18n.t('thread.moveLabel')}</label>
      <select id="move-category" name="category">${(props.moveTargets ?? []).map((category) =>
        category.slug === props.category.slug
          ? html`<option value="${category.slug}" selected>${category.name}</option>`
          : html`<option value="${category.slug}">${category.name}</option>`,
      )}</select>
      <button type="submit" class="button-secondary">${i18n.t('thread.move')}</button>
    </form>
    ${props.extraStaffTools ?? ''}
  </div>
</details>`;
}

/** The author of a post that waits for their confirmation: where the link went, and a way to get another. */
const strong = (text: Html) => html`<strong>${text}</strong>`;

function confirmAddressNotice(i18n: I18n, address: { email: string }): Html {
  return html`<div class="banner banner-pending" role="status" id="confirm-address">
  <p>${rich(i18n, 'thread.confirmAddress', { strong, email: address.email })}</p>
  <form method="post" action="/account/email/verify" class="inline-form"><button type="submit" class="button-secondary">${i18n.t('thread.sendLinkAgain')}</button></form>
</div>`;
}

function threadBanner(props: ThreadPageProps): Html {
  const { i18n } = props;
  if (props.confirmAddress) return confirmAddressNotice(i18n, props.confirmAddress);
  if (props.thread.status === 'pending') {
    return html`<p class="banner banner-pending" role="status">${rich(i18n, 'thread.awaitingApproval', { strong })}</p>`;
  }
  if (props.thread.status === 'rejected') {
    return html`<p class="banner banner-rejected" role="status">${rich(i18n, 'thread.notPublished', { strong })}</p>`;
  }
  return html``;
}

/**
 * Where a post's "Reply" link points: the thread's form with the post as its target. Only on
 * signed-in pages that take replies: anonymous pages are cached and show the sign-in prompt.
 */
export function replyLink(props: Pick<ThreadPageProps, 'thread' | 'page' | 'signedIn' | 'canReply'>): ((number: number) => string) | undefined {
  if (!props.signedIn || !props.canReply) return undefined;
  const path = pagePath(props);
  return (number) => `${path}${path.includes('?') ? '&' : '?'}replyTo=${number}#reply`;
}

/** How many of the page's articles come before the accepted answer's box: the opening post's, when on this page. */
export function articlesBeforeAnswer(posts: ThreadPage['posts']): number {
  return posts[0]?.number === 1 ? 1 : 0;
}

function threadTags(props: ThreadPageProps): Html {
  const { thread, i18n } = props;
  return html`<p class="thread-tags">${props.acceptedAnswer ? html`<span class="tag tag-solved">${i18n.t('thread.solved')}</span>` : ''}${thread.pinned ? html`<span class="tag">${i18n.t('thread.pinned')}</span>` : ''}${thread.locked ? html`<span class="tag">${i18n.t('thread.locked')}</span>` : ''}</p>`;
}

/**
 * What differs between viewers of one thread page: notices, staff tools, their watch level, the
 * articles (what each viewer may do with a post) and the reply form. The rest is the same for
 * every signed-in viewer of a page at one version, which lets routes keep it as a frame.
 */
export type ThreadPersonal = { banner: Html; staff: Html; watch: Html; idea: Html; opening: Html; polls: Html; replies: Html; reply: Html };

/** The personal parts other than the articles (routes keep those encoded). */
export function threadPersonalParts(props: ThreadPageProps): Omit<ThreadPersonal, 'opening' | 'replies'> {
  const { thread, i18n } = props;
  return {
    banner: threadBanner(props),
    staff: staffControls(props),
    watch: props.watch ? watchForm({ i18n, action: `/t/${thread.id}/watch`, subject: 'thread', state: props.watch }) : html``,
    idea: props.ideaActions ? ideaActions(props.ideaActions) : html``,
    reply: replySection(props),
    polls: props.pollSection ?? html``,
  };
}

function threadPersonal(props: ThreadPageProps): ThreadPersonal {
  const split = articlesBeforeAnswer(props.posts);
  return { ...threadPersonalParts(props), opening: html`${props.articles.slice(0, split)}`, replies: html`${props.articles.slice(split)}` };
}

/** `personal` may be holes (routes/fragments.ts): the page's frame, filled in for each viewer. */
export function threadPage(props: ThreadPageProps, personal: ThreadPersonal = threadPersonal(props)): Html {
  const { thread, category, i18n } = props;
  const basePath = `/t/${thread.id}/${thread.slug}`;
  return html`<nav class="breadcrumbs" aria-label="${i18n.t('thread.breadcrumbs')}"><a href="/">${i18n.t('thread.home')}</a> <span class="direction-arrow" aria-hidden="true">›</span> <a href="/c/${category.slug}" dir="auto">${category.name}</a></nav>
<div class="page-heading">
  <h1 dir="auto">${thread.title}</h1>
  ${threadTags(props)}
</div>
${props.idea ? ideaSummaryPanel(i18n, props.idea) : ''}${personal.idea}
${personal.banner}
${personal.staff}
${personal.watch}
${pageLinks(i18n, basePath, props.page, props.totalPages)}
<div class="posts">${personal.opening}${personal.polls}${acceptedAnswerBox(i18n, props)}${personal.replies}</div>
${pageLinks(i18n, basePath, props.page, props.totalPages)}
${personal.reply}
${props.signedIn ? html`<script src="/static/helpful.js"${scriptNonce} defer></script>` : ''}
${props.acceptedAnswer ? html`<script src="/static/feedback.js"${scriptNonce} defer></script>` : ''}`;
}
