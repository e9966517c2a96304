import { legacyI18n } from '../legacy-i18n.js';
import type { ReplyNotice, ThreadPage } from '../../src/forum/thread-page.js';
import { errorSummary, keptText, textarea } from '../components/form.js';
import { legacyTime } from '../components/time.js';
import { pageLinks } from '../components/pagination.js';
import { acceptedAnswerBox } from '../components/answer.js';
import { watchForm } from '../components/watch-form.js';
import type { WatchState } from '../../src/notifications/watching.js';
import { html, scriptNonce, type Html } from '../html.js';

export type ReplyDraft = {
  body: string;
  submission: string;
  /** The post this reply answers (from its "Reply" link), kept when the form comes back. */
  replyTo?: { postId: number; number: number; username: string };
  error?: string;
  formError?: string;
};

export type ThreadPageProps = ThreadPage & {
  signedIn: boolean;
  /** Each of `posts` rendered with views/components/post.ts `postArticle` (and `replyLink`), in the same order. */
  articles: readonly Html[];
  reply?: ReplyDraft;
  /** Categories a moderator may move the thread to. */
  moveTargets?: { slug: string; name: string }[];
  /** More staff tools rendered by other features (e.g. embedding keys). */
  extraStaffTools?: Html;
  /** The signed-in member's notification level for this thread (never on anonymous, cached pages). */
  watch?: WatchState;
};

function staffControls(props: ThreadPageProps): Html {
  const { thread } = props;
  if (!props.canModerate) return html``;
  const toggle = (action: string, value: boolean, label: string) =>
    html`<form method="post" action="/t/${thread.id}/${action}" class="inline-form"><input type="hidden" name="value" value="${value ? '1' : '0'}"><button type="submit" class="button-secondary">${label}</button></form>`;
  return html`<details class="staff-controls">
  <summary>Manage thread</summary>
  <div class="staff-tools">
    ${toggle('pin', !thread.pinned, thread.pinned ? 'Unpin' : 'Pin')}
    ${toggle('lock', !thread.locked, thread.locked ? 'Unlock' : 'Lock')}
    <form method="post" action="/t/${thread.id}/rename" class="staff-form">
      <label for="rename-title">Title</label>
      <input id="rename-title" name="title" value="${thread.title}" required maxlength="150">
      <button type="submit" class="button-secondary">Rename</button>
    </form>
    <form method="post" action="/t/${thread.id}/move" class="staff-form">
      <label for="move-category">Category</label>
      <select id="move-category" name="category">${(props.moveTargets ?? []).map((category) =>
        category.slug === props.category.slug
          ? html`<option value="${category.slug}" selected>${category.name}</option>`
          : html`<option value="${category.slug}">${category.name}</option>`,
      )}</select>
      <button type="submit" class="button-secondary">Move</button>
    </form>
    ${props.extraStaffTools ?? ''}
  </div>
</details>`;
}

/** The author of a post that waits for their confirmation: where the link went, and a way to get another. */
function confirmAddressNotice(address: { email: string }): Html {
  return html`<div class="banner banner-pending" role="status" id="confirm-address">
  <p><strong>Confirm your address to publish this post</strong> — we sent a link to ${address.email}. Once you follow it, your post goes out (or to the community team, in categories where posts wait for approval). Until then only you can see it.</p>
  <form method="post" action="/account/email/verify" class="inline-form"><button type="submit" class="button-secondary">Send the link again</button></form>
</div>`;
}

function threadBanner(props: ThreadPageProps): Html {
  if (props.confirmAddress) return confirmAddressNotice(props.confirmAddress);
  if (props.thread.status === 'pending') {
    return html`<p class="banner banner-pending" role="status"><strong>This thread is awaiting approval.</strong> Only you and the community team can see it until a community manager approves it.</p>`;
  }
  if (props.thread.status === 'rejected') {
    return html`<p class="banner banner-rejected" role="status"><strong>This thread was not published.</strong> See the reason on the opening post below; you can edit it and send it again.</p>`;
  }
  return html``;
}

function pagePath(props: Pick<ThreadPageProps, 'thread' | 'page'>): string {
  return `/t/${props.thread.id}/${props.thread.slug}${props.page > 1 ? `?page=${props.page}` : ''}`;
}

/** Without JavaScript, cancelling is a link to the same page without the target. */
function replyingTo(target: { postId: number; number: number; username: string }, path: string): Html {
  return html`<p class="replying-to">Replying to <a href="/p/${target.postId}">@${target.username}’s post #${target.number}</a> · <a href="${path}#reply">Cancel</a></p>`;
}

/** What the viewer can do instead of replying; the opening post's Edit link, when they may use it. */
function replyNotice(block: ReplyNotice, props: ThreadPageProps): Html {
  const { thread } = props;
  const opening = props.posts.find((post) => post.number === 1 && post.canEdit);
  const editOpening = opening ? html` <a href="/p/${opening.id}/edit">Edit your opening post</a>.` : '';
  switch (block.kind) {
    case 'sign-in':
      return html`<a href="/login?next=${encodeURIComponent(`/t/${thread.id}/${thread.slug}`)}">Log in</a> or <a href="/signup">sign up</a> to reply.`;
    case 'locked':
      return html`This thread is locked, so it takes no new replies.`;
    case 'silenced':
      return html`<strong>You cannot reply for now.</strong> You have been silenced until ${legacyTime(block.until)}${block.reason ? html` (“${block.reason}”)` : ''}, so you cannot post or flag until then. You can still read everything.`;
    case 'thread-pending':
      return block.yours
        ? html`<strong>Your thread is waiting for approval.</strong> Replies open once a community manager approves it; you will be notified.${editOpening}`
        : html`This thread is waiting for approval, so it takes no replies yet. <a href="/mod/queue">Review it in the queue</a>.`;
    case 'thread-rejected':
      return block.yours
        ? html`<strong>Your thread was not approved</strong>, so it takes no replies. The reason is on the opening post; you can change it and send it again.${editOpening}`
        : html`This thread was not approved, so it takes no replies.`;
  }
}

function replySection(props: ThreadPageProps): Html {
  const { thread } = props;
  const draft = props.reply;
  // A draft that came back (invalid, or the session lapsed) is always shown again with its text;
  // when the viewer cannot reply (silenced meanwhile, say), the text is kept to copy, not to send.
  if (props.replyBlock && !(props.replyBlock.kind === 'sign-in' && draft)) {
    return html`<section class="reply-blocked" id="reply" aria-label="Reply">
  <p class="reply-prompt" role="status">${replyNotice(props.replyBlock, props)}</p>
  ${draft?.body ? keptText({ name: 'reply', label: 'Your reply, kept for you to copy', value: draft.body }) : ''}
</section>`;
  }
  return html`<section class="reply" id="reply" aria-labelledby="reply-heading">
  <h2 id="reply-heading">Your reply</h2>
  <form method="post" action="/t/${thread.id}/replies" class="post-form">
    <input type="hidden" name="submission" value="${draft?.submission ?? ''}">
    ${draft?.replyTo ? html`<input type="hidden" name="replyTo" value="${draft.replyTo.number}">` : ''}
    ${errorSummary(legacyI18n, { form: draft?.formError, body: draft?.error })}
    ${draft?.replyTo ? replyingTo(draft.replyTo, pagePath(props)) : ''}
    ${textarea({ name: 'body', label: 'Reply', value: draft?.body ?? '', error: draft?.error, hint: 'Markdown works: **bold**, _italic_, `code`, lists and links.', rows: 6, required: true })}
    <button type="submit">Post reply</button>
  </form>
</section>`;
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

/** The accepted answer's box sits right under the question (at the top of later pages). */
function postsWithAnswer(props: ThreadPageProps): Html {
  const split = props.posts[0]?.number === 1 ? 1 : 0;
  return html`<div class="posts">${props.articles.slice(0, split)}${acceptedAnswerBox(props)}${props.articles.slice(split)}</div>`;
}

export function threadPage(props: ThreadPageProps): Html {
  const { thread, category } = props;
  const basePath = `/t/${thread.id}/${thread.slug}`;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/c/${category.slug}">${category.name}</a></nav>
<div class="page-heading">
  <h1>${thread.title}</h1>
  <p class="thread-tags">${props.acceptedAnswer ? html`<span class="tag tag-solved">Solved</span>` : ''}${thread.pinned ? html`<span class="tag">Pinned</span>` : ''}${thread.locked ? html`<span class="tag">Locked</span>` : ''}</p>
</div>
${threadBanner(props)}
${staffControls(props)}
${props.watch ? watchForm({ action: `/t/${thread.id}/watch`, subject: 'thread', state: props.watch }) : ''}
${pageLinks(legacyI18n, basePath, props.page, props.totalPages)}
${postsWithAnswer(props)}
${pageLinks(legacyI18n, basePath, props.page, props.totalPages)}
${replySection(props)}
${props.signedIn ? html`<script src="/static/helpful.js"${scriptNonce} defer></script>` : ''}`;
}
